// The fork server (the real confpress binary): its workers answer exactly as spawned ones, from many
// threads at once; the time limit still holds and kills the worker; a server that dies is replaced;
// nothing is left running or unreaped; IsolatedPreflight uses it.
#include "preflight/ForkServer.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <thread>

#include "preflight/Inspector.h"
#include "preflight/IsolatedPreflight.h"
#include "preflight/TestPdf.h"
#include "support/TempDir.h"

namespace {

using namespace confpress::preflight;
using Clock = std::chrono::steady_clock;

SandboxOptions limits(int seconds = 60) {  // generous unless a test is about the limit
  SandboxOptions options;
  options.workerBinary = CONFPRESS_BINARY;
  options.timeLimitSeconds = seconds;
  return options;
}

bool noChildren() {
  int status = 0;
  return ::waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD;
}

bool running(pid_t pid) {
  return ::kill(pid, 0) == 0;
}

}  // namespace

TEST(PreflightForkServer, ItsWorkersAnswerAsInProcess) {
  cptest::TempDir dir;
  const std::string path = dir.file("paper.pdf");
  std::vector<cptest::TestPage> pages = cptest::textPages(3);
  pages[2].runs.push_back({72, 20, "Trang 3", 9});
  const std::string bytes = cptest::makePdf(pages);
  cptest::writeFile(path, bytes);
  Rules rules;
  rules.maxPages = 2;
  {
    ForkServer server(CONFPRESS_BINARY);
    const Report forked = runIsolated(path, rules, limits(), server);
    EXPECT_EQ(forked.toJson(), inspectPdf(bytes, rules).toJson());
    EXPECT_EQ(forked.status, "error");
    ASSERT_EQ(forked.problems.size(), 2u) << forked.toJson();
    EXPECT_EQ(forked.problems[1].code, "bottom_margin");
  }
  EXPECT_TRUE(noChildren());  // the server was reaped when it was destroyed
}

TEST(PreflightForkServer, ManyThreadsShareOneServer) {
  cptest::TempDir dir;
  const std::string good = dir.file("good.pdf"), bad = dir.file("bad.pdf");
  cptest::writeFile(good, cptest::makePdf(cptest::textPages(2)));
  cptest::writeFile(bad, "%PDF-1.4\nthis is not really a PDF\n");
  ForkServer server(CONFPRESS_BINARY);
  std::atomic<int> right = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        const bool wantGood = (t + i) % 2 == 0;
        const Report r = runIsolated(wantGood ? good : bad, Rules{}, limits(), server);
        if (r.status == (wantGood ? "ok" : "error")) ++right;
      }
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(right, 30);
}

TEST(PreflightForkServer, TheTimeLimitHoldsAndTheWorkerIsKilled) {
  // qpdf spends ~40 s on this fuzzer reproducer before giving up (INDEX.tsv).
  const std::string slow = CONFPRESS_SOURCE_DIR "/../shared/data/pdf-corpus/damaged/qpdf__fuzz-69977d.pdf";
  if (::access(slow.c_str(), R_OK) != 0) GTEST_SKIP() << "no " << slow;
  ForkServer server(CONFPRESS_BINARY);
  const auto start = Clock::now();
  const Report report = runIsolated(slow, Rules{}, limits(1), server);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 3.0);
  ASSERT_EQ(report.problems.size(), 1u) << report.toJson();
  EXPECT_EQ(report.problems[0].code, "time_limit");
  // The server has no worker left: a quick check right after still gets a worker of its own.
  cptest::TempDir dir;
  cptest::writeFile(dir.file("p.pdf"), cptest::makePdf(cptest::textPages(1)));
  EXPECT_EQ(runIsolated(dir.file("p.pdf"), Rules{}, limits(), server).status, "ok");
}

TEST(PreflightForkServer, AServerThatDiesIsReplaced) {
  cptest::TempDir dir;
  const std::string path = dir.file("p.pdf");
  cptest::writeFile(path, cptest::makePdf(cptest::textPages(1)));
  ForkServer server(CONFPRESS_BINARY);
  const pid_t first = server.serverPid();
  ASSERT_EQ(runIsolated(path, Rules{}, limits(), server).status, "ok");
  ASSERT_EQ(::kill(first, SIGKILL), 0);
  ::waitpid(first, nullptr, 0);  // as the test's own child, it is reaped here
  EXPECT_EQ(runIsolated(path, Rules{}, limits(), server).status, "ok");
  EXPECT_NE(server.serverPid(), first);
  EXPECT_TRUE(running(server.serverPid()));
}

TEST(PreflightForkServer, AServerThatCannotStartIsAnExceptionAndIsolatedPreflightFallsBack) {
  EXPECT_THROW(ForkServer("/bin/true"), std::system_error);
  EXPECT_THROW(ForkServer("/nonexistent/confpress"), std::system_error);
  cptest::TempDir dir;
  cptest::writeFile(dir.file("p.pdf"), cptest::makePdf(cptest::textPages(1)));
  IsolatedPreflight preflight(limits(), 2);
  EXPECT_EQ(preflight.maxWorkers(), 2);
  EXPECT_EQ(preflight(dir.file("p.pdf"), Rules{}).status, "ok");
  EXPECT_THROW(IsolatedPreflight(limits(), -1), std::invalid_argument);
}
