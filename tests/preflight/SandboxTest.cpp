// runIsolated(): the real worker (the confpress binary) on generated PDFs, from many threads at once; and
// stand-in workers (shell scripts) that hang, crash, run out of memory, talk nonsense or close their
// output and linger, to show that every ending becomes a report, within the time limit, with the child
// reaped.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <system_error>
#include <thread>

#include "preflight/Sandbox.h"
#include "preflight/TestPdf.h"
#include "support/TempDir.h"

namespace {

using namespace confpress::preflight;
using Clock = std::chrono::steady_clock;

SandboxOptions realWorker() {
  SandboxOptions options;
  options.workerBinary = CONFPRESS_BINARY;
  // Six workers at once under AddressSanitizer on two busy cores take many seconds each; these tests are
  // about answers and concurrency, the limits have tests of their own.
  options.timeLimitSeconds = 60;
  return options;
}

/// A stand-in worker: a shell script with `body`.
SandboxOptions scriptWorker(const cptest::TempDir& dir, const std::string& body, int seconds = 2) {
  const std::string path = dir.file("worker.sh");
  cptest::writeFile(path, "#!/bin/sh\n" + body + "\n");
  ::chmod(path.c_str(), 0755);
  SandboxOptions options;
  options.workerBinary = path;
  options.timeLimitSeconds = seconds;
  return options;
}

std::string aPdf(const cptest::TempDir& dir) {
  const std::string path = dir.file("paper.pdf");
  cptest::writeFile(path, cptest::makePdf(cptest::textPages(3)));
  return path;
}

/// True when this process has no child left, running or zombie.
bool noChildren() {
  int status = 0;
  return ::waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD;
}

std::string onlyCode(const Report& report) {
  return report.problems.size() == 1 ? report.problems[0].code : "(" + report.toJson() + ")";
}

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST(PreflightSandbox, TheRealWorkerReturnsTheSameReportAsInProcess) {
  cptest::TempDir dir;
  const std::string path = dir.file("paper.pdf");
  std::vector<cptest::TestPage> pages = cptest::textPages(3);
  pages[2].runs.push_back({72, 20, "Trang 3", 9});
  cptest::writeFile(path, cptest::makePdf(pages));
  Rules rules;
  rules.maxPages = 2;
  const Report report = runIsolated(path, rules, realWorker());
  EXPECT_EQ(report.status, "error");
  EXPECT_EQ(report.pages, 3);
  EXPECT_EQ(report.paperSize, "A4");
  ASSERT_EQ(report.problems.size(), 2u) << report.toJson();
  EXPECT_EQ(report.problems[0].code, "too_many_pages");
  EXPECT_EQ(report.problems[1].code, "bottom_margin");
  EXPECT_EQ(report.problems[1].page, 3);
  EXPECT_TRUE(noChildren());
}

TEST(PreflightSandbox, ManyThreadsCanCheckAtOnce) {
  cptest::TempDir dir;
  const std::string good = aPdf(dir), bad = dir.file("bad.pdf");
  cptest::writeFile(bad, "%PDF-1.4\nthis is not really a PDF\n");
  std::atomic<int> ok = 0, errors = 0, wrong = 0;
  std::mutex mutex;
  std::vector<std::string> unexpected;
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3; ++i) {
        const bool wantGood = (t + i) % 2 == 0;
        const Report r = runIsolated(wantGood ? good : bad, Rules{}, realWorker());
        if (r.status != (wantGood ? "ok" : "error")) {
          std::lock_guard lock(mutex);
          unexpected.push_back(r.toJson());
        }
        (r.status == (wantGood ? "ok" : "error") ? (wantGood ? ok : errors) : wrong)++;
      }
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok, 9);
  EXPECT_EQ(errors, 9);
  EXPECT_EQ(wrong, 0) << (unexpected.empty() ? "" : unexpected.front());
  EXPECT_TRUE(noChildren());
}

TEST(PreflightSandbox, AWorkerThatHangsIsKilledAtTheTimeLimit) {
  cptest::TempDir dir;
  const auto start = Clock::now();
  const Report report = runIsolated(aPdf(dir), Rules{}, scriptWorker(dir, "exec sleep 30", 1));
  EXPECT_LT(secondsSince(start), 10) << "the worker sleeps 30 s: it was not killed at the 1 s limit";
  EXPECT_EQ(onlyCode(report), "time_limit");
  EXPECT_EQ(report.status, "error");
  EXPECT_EQ(report.problems[0].message, "preflight took longer than 1 s; the file is too complex or broken");
  EXPECT_TRUE(noChildren());
}

TEST(PreflightSandbox, AWorkerThatClosesItsOutputButLingersIsKilledToo) {
  cptest::TempDir dir;
  const auto start = Clock::now();
  const Report report =
      runIsolated(aPdf(dir), Rules{}, scriptWorker(dir, "exec >&- 2>&- <&-\nexec sleep 30", 1));
  EXPECT_LT(secondsSince(start), 10) << "the worker sleeps 30 s: it was not killed at the 1 s limit";
  EXPECT_EQ(onlyCode(report), "time_limit");
  EXPECT_TRUE(noChildren());
}

TEST(PreflightSandbox, AWorkerAboveTheMemoryLimitIsStopped) {
  if (::access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "python3 is needed to allocate memory";
  cptest::TempDir dir;
  SandboxOptions options = scriptWorker(
      dir, "exec /usr/bin/python3 -c 'import time; x = b\"x\" * (300 << 20); time.sleep(30)'", 10);
  options.memoryLimitMb = 100;
  const auto start = Clock::now();
  const Report report = runIsolated(aPdf(dir), Rules{}, options);
  EXPECT_LT(secondsSince(start), 20) << "the worker sleeps 30 s: it was not stopped at the memory limit";
  EXPECT_EQ(onlyCode(report), "memory_limit");
  EXPECT_EQ(report.problems[0].message,
            "preflight needed more than 100 MB of memory; the file is too complex or broken");
  EXPECT_TRUE(noChildren());
}

TEST(PreflightSandbox, OutOfMemoryInsideTheWorkerIsAMemoryLimit) {
  cptest::TempDir dir;
  EXPECT_EQ(onlyCode(runIsolated(aPdf(dir), Rules{}, scriptWorker(dir, "cat >/dev/null; exit 3"))),
            "memory_limit");
  // poppler's allocator prints this before it aborts.
  EXPECT_EQ(
      onlyCode(runIsolated(aPdf(dir), Rules{}, scriptWorker(dir, "echo 'Out of memory' >&2; kill -ABRT $$"))),
      "memory_limit");
  EXPECT_EQ(onlyCode(runIsolated(aPdf(dir), Rules{}, scriptWorker(dir, "kill -XCPU $$"))), "time_limit");
}

TEST(PreflightSandbox, AWorkerThatCrashesGivesADamagedReportNotAnException) {
  cptest::TempDir dir;
  for (const char* body : {"kill -SEGV $$", "exit 1", "echo 'not JSON at all'", "exec cat"}) {
    const Report report = runIsolated(aPdf(dir), Rules{}, scriptWorker(dir, body));
    ASSERT_EQ(onlyCode(report), "damaged") << body;
    EXPECT_EQ(report.status, "error");
    EXPECT_NE(report.problems[0].message.find("the PDF crashed the checker"), std::string::npos)
        << report.problems[0].message;
  }
  EXPECT_TRUE(noChildren());
}

TEST(PreflightSandbox, AWorkerThatReadsNoInputStillAnswers) {
  // Rules far larger than a socket buffer, and a worker that never reads them.
  cptest::TempDir dir;
  Rules rules;
  for (int i = 0; i < 20000; ++i)
    rules.authors.push_back(
        {"Nguyễn", "Văn " + std::to_string(i), "a" + std::to_string(i) + "@example.org", ""});
  const Report report = runIsolated(
      aPdf(dir), rules,
      scriptWorker(dir, "echo '{\"status\":\"ok\",\"pages\":3,\"paper_size\":\"A4\",\"problems\":[]}'"));
  EXPECT_EQ(report.status, "ok");
  EXPECT_EQ(report.pages, 3);
}

TEST(PreflightSandbox, OnlyAMissingWorkerOrFileIsAnException) {
  cptest::TempDir dir;
  SandboxOptions missing;
  missing.workerBinary = dir.file("no-such-binary");
  EXPECT_THROW(runIsolated(aPdf(dir), Rules{}, missing), std::system_error);
  EXPECT_THROW(runIsolated(dir.file("no-such.pdf"), Rules{}, realWorker()), std::runtime_error);
  EXPECT_THROW(runIsolated(dir.path(), Rules{}, realWorker()), std::runtime_error);  // a directory
  SandboxOptions zero = realWorker();
  zero.timeLimitSeconds = 0;
  EXPECT_THROW(runIsolated(aPdf(dir), Rules{}, zero), std::invalid_argument);
  EXPECT_TRUE(noChildren());
}

TEST(PreflightSandbox, LimitsAlwaysApplyEvenWhenTheRulesTurnTheCodeOff) {
  cptest::TempDir dir;
  Rules rules;
  rules.severity["time_limit"] = "off";
  const Report report = runIsolated(aPdf(dir), rules, scriptWorker(dir, "exec sleep 30", 1));
  EXPECT_EQ(report.status, "error");
  EXPECT_EQ(onlyCode(report), "time_limit");
}
