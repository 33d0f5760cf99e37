// The background job runner over a real database: jobs run oldest first with their progress recorded, a
// domain error becomes the reason shown, anything else is hidden behind "internal error", the background
// thread picks up queued work when woken, and a job whose process died is marked failed at start.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "core/Errors.h"
#include "core/Time.h"
#include "jobs/JobRunner.h"
#include "store/JobRepository.h"
#include "support/TestRuntime.h"

using namespace confpress;

namespace {

int64_t queue(store::Database& db, const std::string& kind, const std::string& input = "{}") {
  return db.transaction([&](Poco::Data::Session& s) {
    return store::JobRepository(s).create(kind, std::nullopt, input, std::nullopt);
  });
}

store::JobRecord job(store::Database& db, int64_t id) {
  Poco::Data::Session s = db.session();
  return *store::JobRepository(s).find(id);
}

}  // namespace

class JobRunnerTest : public ::testing::Test {
 protected:
  cptest::TempDir dir;
  std::unique_ptr<app::Runtime> runtime = cptest::makeRuntime(dir);
  store::Database& db = runtime->db;
  std::ostringstream log;
};

TEST_F(JobRunnerTest, RunsOldestFirstRecordingProgressResultAndFailures) {
  jobs::JobRunner runner(db, &log);
  std::vector<std::string> order;
  runner.handle("echo", [&](const store::JobRecord& j, jobs::JobProgress& progress) {
    order.push_back(j.inputJson);
    progress.report(1, 2, "half way");
    EXPECT_EQ(job(db, j.id).message, "half way");
    EXPECT_EQ(job(db, j.id).state, "running");
    return R"({"echo":)" + j.inputJson + "}";
  });
  runner.handle("refuse", [](const store::JobRecord&, jobs::JobProgress&) -> std::string {
    throw Conflict("no_papers", "nothing to assign in pc22");
  });
  runner.handle("crash", [](const store::JobRecord&, jobs::JobProgress&) -> std::string {
    throw std::runtime_error("secret detail /var/lib/x");
  });
  const int64_t a = queue(db, "echo", "1"), b = queue(db, "refuse"), c = queue(db, "crash"),
                d = queue(db, "echo", "2"), unknown = queue(db, "other");
  int ran = 0;
  while (runner.runNext()) ++ran;
  EXPECT_EQ(ran, 4);
  EXPECT_EQ(order, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(job(db, a).state, "done");
  EXPECT_EQ(job(db, a).resultJson, R"({"echo":1})");
  EXPECT_EQ(job(db, a).progress, 2);
  EXPECT_FALSE(job(db, a).finishedAt.empty());
  EXPECT_EQ(job(db, b).state, "failed");
  EXPECT_EQ(job(db, b).message, "nothing to assign in pc22");
  EXPECT_EQ(job(db, c).state, "failed");
  EXPECT_EQ(job(db, c).message.find("secret"), std::string::npos);
  EXPECT_NE(log.str().find("secret detail"), std::string::npos) << "the real reason is logged";
  EXPECT_EQ(job(db, d).state, "done");
  EXPECT_EQ(job(db, unknown).state, "queued") << "a kind without a handler waits for a runner that has one";
}

TEST_F(JobRunnerTest, TheThreadRunsWokenJobsAndFailsAbandonedOnesAtStart) {
  const int64_t abandoned = queue(db, "slow");
  db.transaction([&](Poco::Data::Session& s) {
    store::JobRepository jobs(s);
    jobs.claimNext({"slow"}, utcFromNow(-3600));  // claimed an hour ago by a process that died
    jobs.progress(abandoned, 1, 3, "working", utcFromNow(-3600));
  });
  jobs::JobRunner runner(db, &log, 600);
  std::atomic<int> runs = 0;
  runner.handle("quick", [&](const store::JobRecord&, jobs::JobProgress&) {
    ++runs;
    return std::string("{}");
  });
  runner.start();
  const int64_t id = queue(db, "quick");
  runner.wake();
  for (int i = 0; i < 400 && job(db, id).state != "done"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  runner.stop();
  EXPECT_EQ(job(db, id).state, "done");
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(job(db, abandoned).state, "failed");
  EXPECT_NE(job(db, abandoned).message.find("interrupted"), std::string::npos);
}
