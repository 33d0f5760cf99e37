// The aiosmtpd test relay (see SmtpSink.h): start, wait until it accepts, read what it stored, kill.
#include "mail/SmtpSink.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace cptest {

namespace {

const std::string kHere = CONFPRESS_SOURCE_DIR "/tests/mail";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Poco::JSON::Object::Ptr parseObject(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

ProcessResult runProcess(const std::string& command, const std::vector<std::string>& args) {
  Poco::Pipe outPipe, errPipe;
  Poco::ProcessHandle ph = Poco::Process::launch(command, args, nullptr, &outPipe, &errPipe);
  Poco::PipeInputStream out(outPipe), err(errPipe);
  ProcessResult r;
  Poco::StreamCopier::copyToString(out, r.out);
  Poco::StreamCopier::copyToString(err, r.err);
  r.exitCode = ph.wait();
  return r;
}

std::string pythonWithAiosmtpd() {
  static const std::string found = [] {
    for (std::string candidate : {"/usr/bin/python3", "python3"}) {
      if (candidate.front() == '/' && !Poco::File(candidate).exists()) continue;
      if (runProcess(candidate, {"-c", "import aiosmtpd"}).exitCode == 0) return candidate;
    }
    return std::string();
  }();
  return found;
}

int unusedPort() {
  Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
  const int port = probe.address().port();
  probe.close();
  return port;
}

TestCertificate makeCertificate(const TempDir& dir) {
  TestCertificate made{dir.file("relay-cert.pem"), dir.file("relay-key.pem")};
  ProcessResult r =
      runProcess("openssl", {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                             "-nodes", "-keyout", made.key, "-out", made.certificate, "-days", "2", "-subj",
                             "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"});
  if (r.exitCode != 0) throw std::runtime_error("openssl req failed: " + r.err);
  return made;
}

SmtpSink::SmtpSink(SinkOptions options) {
  const std::string python = pythonWithAiosmtpd();
  if (python.empty())
    throw std::runtime_error("no python3 with aiosmtpd: install python3-aiosmtpd (scripts/setup does)");
  port_ = unusedPort();
  std::vector<std::string> args = {"-m", "aiosmtpd",      "-n", "-l", "127.0.0.1:" + std::to_string(port_),
                                   "-c", "smtp_sink.Sink"};
  if (!options.tlsCertificate.empty()) {
    args.insert(args.end(), {"--tlscert", options.tlsCertificate, "--tlskey", options.tlsKey});
  }
  args.push_back(dir_.file("inbox"));
  if (!options.user.empty()) args.insert(args.end(), {options.user, options.password});
  // PYTHONDONTWRITEBYTECODE: no __pycache__ in the source tree.
  const Poco::Process::Env env{{"PYTHONPATH", kHere}, {"PYTHONDONTWRITEBYTECODE", "1"}};
  process_ = std::make_unique<Poco::ProcessHandle>(
      Poco::Process::launch(python, args, dir_.path(), nullptr, nullptr, nullptr, env));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!Poco::Process::isRunning(*process_))
      throw std::runtime_error("aiosmtpd exited with status " + std::to_string(process_->wait()));
    try {
      Poco::Net::StreamSocket probe;
      probe.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port_)),
                    Poco::Timespan(0, 200000));
      return;
    } catch (const Poco::Exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  Poco::Process::kill(*process_);
  process_->wait();
  throw std::runtime_error("aiosmtpd did not accept connections on port " + std::to_string(port_));
}

SmtpSink::~SmtpSink() {
  try {
    Poco::Process::kill(*process_);
    process_->wait();
  } catch (...) {
  }
}

size_t SmtpSink::count() const {
  Poco::File inbox(dir_.file("inbox"));
  if (!inbox.exists()) return 0;
  size_t n = 0;
  for (Poco::DirectoryIterator it(inbox), end; it != end; ++it)
    if (it.path().getExtension() == "json") ++n;
  return n;
}

std::vector<ReceivedMail> SmtpSink::waitFor(size_t wanted, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (count() < wanted && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  std::vector<std::string> names;
  if (Poco::File(dir_.file("inbox")).exists())
    for (Poco::DirectoryIterator it(dir_.file("inbox")), end; it != end; ++it)
      if (it.path().getExtension() == "json") names.push_back(it.path().getBaseName());
  std::sort(names.begin(), names.end());
  std::vector<ReceivedMail> mails;
  if (names.empty()) return mails;
  std::vector<std::string> args = {kHere + "/read_message.py"};
  for (const std::string& name : names) args.push_back(dir_.file("inbox/" + name + ".eml"));
  const ProcessResult decoded =
      runProcess(pythonWithAiosmtpd(), args);  // one interpreter for all: each start costs ~0.1 s
  if (decoded.exitCode != 0) throw std::runtime_error("read_message.py: " + decoded.err);
  const Poco::JSON::Array::Ptr views =
      Poco::JSON::Parser().parse(decoded.out).extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < names.size(); ++i)
    mails.push_back({slurp(args[i + 1]), parseObject(slurp(dir_.file("inbox/" + names[i] + ".json"))),
                     views->getObject(static_cast<unsigned>(i))});
  return mails;
}

}  // namespace cptest
