#pragma once
// A real SMTP relay for the mail tests: Debian's python3-aiosmtpd (`python3 -m aiosmtpd`) with the
// handler in tests/mail/smtp_sink.py, on a free port of 127.0.0.1, started by the constructor (which
// waits until it accepts connections) and killed by the destructor. What it accepted is read back as
// the bytes received and as Python's email package decodes them (tests/mail/read_message.py).
#include <Poco/JSON/Object.h>
#include <Poco/Process.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "support/TempDir.h"

namespace cptest {

struct SinkOptions {
  std::string tlsCertificate;  // with tlsKey: offer STARTTLS, and require it before MAIL FROM
  std::string tlsKey;
  std::string user;  // with password: accept AUTH PLAIN, require it before MAIL FROM
  std::string password;
};

struct ReceivedMail {
  std::string raw;                   // the message as received after DATA (CRLF line ends)
  Poco::JSON::Object::Ptr envelope;  // mail_from, rcpt_tos[], tls, login
  Poco::JSON::Object::Ptr decoded;   // read_message.py: subject, from{name,address}, to, body, defects[] …
};

class SmtpSink {
 public:
  explicit SmtpSink(SinkOptions options = {});
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }

  /// Waits up to `timeout` until at least `count` messages arrived; returns all of them, oldest first
  /// (fewer than `count` if the time ran out).
  std::vector<ReceivedMail> waitFor(size_t count,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

  /// How many messages arrived so far.
  size_t count() const;

 private:
  TempDir dir_;
  int port_ = 0;
  std::unique_ptr<Poco::ProcessHandle> process_;
};

/// What a finished process returned and printed.
struct ProcessResult {
  int exitCode = -1;
  std::string out, err;
};

/// Runs `command` (found on the PATH) with `args` to its end, collecting its output.
ProcessResult runProcess(const std::string& command, const std::vector<std::string>& args);

/// The Python interpreter that has aiosmtpd (Debian's /usr/bin/python3 first: a python3 earlier on the
/// PATH, e.g. from pyenv, may lack it). Empty when none has.
std::string pythonWithAiosmtpd();

/// A port on 127.0.0.1 where nothing listens (a relay that is down).
int unusedPort();

/// A self-signed certificate for localhost and 127.0.0.1 with its key, made by `openssl req` in `dir`.
struct TestCertificate {
  std::string certificate;
  std::string key;
};
TestCertificate makeCertificate(const TempDir& dir);

}  // namespace cptest
