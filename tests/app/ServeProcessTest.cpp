// Runs the real `confpress` binary: the CLI's messages and exit codes, and `serve` on a free port that
// shuts down cleanly on SIGTERM.
#include <gtest/gtest.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <regex>

#include "support/TempDir.h"

namespace {

struct RunResult {
  int exitCode;
  std::string out, err;
};

RunResult runConfpress(const std::vector<std::string>& args, const std::string& input = "") {
  Poco::Pipe inPipe, outPipe, errPipe;
  Poco::ProcessHandle ph = Poco::Process::launch(CONFPRESS_BINARY, args, &inPipe, &outPipe, &errPipe);
  {
    Poco::PipeOutputStream in(inPipe);
    in << input;
  }
  inPipe.close();
  Poco::PipeInputStream out(outPipe), err(errPipe);
  RunResult r{0, "", ""};
  Poco::StreamCopier::copyToString(out, r.out);
  Poco::StreamCopier::copyToString(err, r.err);
  r.exitCode = ph.wait();
  return r;
}

}  // namespace

TEST(Cli, ListsCommandsAndExplainsBadInput) {
  RunResult help = runConfpress({"--help"});
  EXPECT_EQ(help.exitCode, 0);
  for (const char* command : {"serve", "migrate", "sample", "user"})
    EXPECT_NE(help.out.find(command), std::string::npos);
  EXPECT_EQ(runConfpress({"serve", "--help"}).exitCode, 0);
  RunResult unknown = runConfpress({"frobnicate"});
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_NE(unknown.err.find("unknown command 'frobnicate'"), std::string::npos);
  RunResult badPort = runConfpress({"serve", "--port", "http"});
  EXPECT_EQ(badPort.exitCode, 2);
  EXPECT_NE(badPort.err.find("--port"), std::string::npos) << badPort.err;
}

TEST(Cli, UserAddReadsThePasswordFromStandardInput) {
  cptest::TempDir dir;
  const std::string db = "sqlite:" + dir.file("db.sqlite");
  RunResult added =
      runConfpress({"user", "add", "--db", db, "--data", dir.file("data"), "--email", "Chair@Example.org",
                    "--family-name", "Phạm", "--given-name", "Văn Đức", "--admin"},
                   "a long enough password\n");
  EXPECT_EQ(added.exitCode, 0) << added.err;
  EXPECT_NE(added.out.find("administrator Phạm Văn Đức <chair@example.org>"), std::string::npos) << added.out;
  RunResult again = runConfpress({"user", "add", "--db", db, "--data", dir.file("data"), "--email",
                                  "chair@example.org", "--family-name", "Phạm", "--given-name", "Văn Đức"},
                                 "a long enough password\n");
  EXPECT_EQ(again.exitCode, 2);
  EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
  RunResult weak = runConfpress({"user", "add", "--db", db, "--data", dir.file("data"), "--email",
                                 "x@example.org", "--family-name", "Lê", "--given-name", "Na"},
                                "short\n");
  EXPECT_EQ(weak.exitCode, 2);
  EXPECT_NE(weak.err.find("password"), std::string::npos);
}

TEST(Cli, ServeListensOnAFreePortAndStopsGracefullyOnSigterm) {
  cptest::TempDir dir;
  Poco::Pipe outPipe, errPipe;
  Poco::ProcessHandle ph = Poco::Process::launch(
      CONFPRESS_BINARY,
      {"serve", "--db", "sqlite:" + dir.file("db.sqlite"), "--data", dir.file("data"), "--port", "0"},
      nullptr, &outPipe, &errPipe);
  Poco::PipeInputStream out(outPipe);
  std::string line;
  std::smatch m;
  int port = 0;
  while (std::getline(out, line))
    if (std::regex_search(line, m, std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)"))) {
      port = std::stoi(m[1]);
      break;
    }
  ASSERT_GT(port, 0) << "no 'listening on' line";
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  Poco::Net::HTTPRequest req("GET", "/api/v1/health");
  session.sendRequest(req);
  Poco::Net::HTTPResponse res;
  std::string body;
  Poco::StreamCopier::copyToString(session.receiveResponse(res), body);
  EXPECT_EQ(res.getStatus(), 200);
  EXPECT_NE(body.find("\"status\":\"ok\""), std::string::npos);

  Poco::Process::requestTermination(ph.id());
  std::string rest;
  Poco::StreamCopier::copyToString(out, rest);
  EXPECT_EQ(ph.wait(), 0);
  EXPECT_NE(rest.find("stopped"), std::string::npos) << rest;
  Poco::PipeInputStream err(errPipe);
  std::string log;
  Poco::StreamCopier::copyToString(err, log);
  EXPECT_NE(log.find("\"GET /api/v1/health\" 200"), std::string::npos) << "access log: " << log;
}
