// The web assignment over real HTTP: a chair runs the engine as a background job, follows it, previews
// the changes against the current assignment, commits, and edits by hand; what was committed is read
// back; conflicts are never assigned and a conflicted chair never sees the paper; stale, repeated and
// infeasible runs are refused with a clear answer.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include "support/CommitteeWorld.h"

using namespace confpress;
using cptest::Client;
using cptest::column;
using cptest::HttpResult;
using cptest::kConference;

namespace {

const std::string kAssignment = kConference + "/assignment";

}  // namespace

class AssignmentApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& [email, family, given, affiliation] : std::vector<std::array<std::string, 4>>{
             {"an@r1.example", "Lê", "Văn An", "Viện Khoa học Xã hội"},
             {"binh@r2.example", "Trần", "Thị Bình", "Trường Đại học Bình Dương"},
             {"cuong@r3.example", "Phạm", "Văn Cường", "Học viện Hành chính"},
             {"dung@r4.example", "Đỗ", "Thị Dung", "Sở Thông tin và Truyền thông"},
             {"hung@a1.example", "Nguyễn", "Văn Hùng", "Trường Chính trị tỉnh"},
             {"mai@a2.example", "Dương", "Thị Mai", "Trường Đại học Kinh tế – Luật"}})
      world.account(email, family, given, affiliation);
    for (const char* email : {"an@r1.example", "binh@r2.example", "cuong@r3.example", "dung@r4.example"})
      world.member(email, R"(,"max_load":3)");
    const std::vector<std::string> hung{"hung@a1.example", "Nguyễn", "Văn Hùng", "Trường Chính trị tỉnh"};
    const std::vector<std::string> mai{"mai@a2.example", "Dương", "Thị Mai", "Trường Đại học Kinh tế – Luật"};
    first = world.paper({.title = "Chính quyền số cấp tỉnh", .authors = {hung}});
    second = world.paper({.title = "Kinh tế số", .authors = {mai}});
    third = world.paper({.title = "Dịch vụ công trực tuyến", .authors = {hung}});
    // An declares a conflict with the first paper while bidding.
    HttpResult declared = world.as("an@r1.example")
                              .request("PUT", kConference + "/submissions/" + std::to_string(first) + "/bid",
                                       R"({"level":"conflict","type":"collaborator"})", "application/json");
    ASSERT_EQ(declared.status, 200) << declared.body;
    HttpResult eager = world.as("binh@r2.example")
                           .request("PUT", kConference + "/submissions/" + std::to_string(second) + "/bid",
                                    R"({"level":"eager"})", "application/json");
    ASSERT_EQ(eager.status, 200) << eager.body;
    for (const auto& m : members()) person[m.first] = m.second;
  }

  std::map<std::string, int64_t> members() {
    HttpResult got = world.chair().get(kAssignment);
    EXPECT_EQ(got.status, 200) << got.body;
    std::map<std::string, int64_t> out;
    auto list = got.json()->getArray("members");
    for (unsigned i = 0; list && i < list->size(); ++i)
      out[list->getObject(i)->getValue<std::string>("email")] =
          list->getObject(i)->getValue<int64_t>("person_id");
    return out;
  }

  /// Starts a run and waits for it to end; returns the job as JSON.
  Poco::JSON::Object::Ptr run(const std::string& settings, Client& who) {
    HttpResult started = who.postJson(kAssignment + "/jobs", settings);
    EXPECT_EQ(started.status, 202) << started.body;
    const std::string location = started.headers["location"];
    EXPECT_EQ(location, kAssignment + "/jobs/" + started.json()->getValue<std::string>("id"));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
      HttpResult job = who.get(location);
      EXPECT_EQ(job.status, 200) << job.body;
      const std::string state = job.json()->getValue<std::string>("state");
      if (state == "done" || state == "failed") return job.json();
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << "the job did not end: " << job.body;
        return job.json();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  /// (paper number, person id) pairs of the current assignment.
  std::set<std::pair<int, int64_t>> current() {
    HttpResult got = world.chair().get(kAssignment);
    std::set<std::pair<int, int64_t>> out;
    auto papers = got.json()->getArray("papers");
    for (unsigned i = 0; papers && i < papers->size(); ++i) {
      auto paper = papers->getObject(i);
      auto reviewers = paper->getArray("reviewers");
      for (unsigned r = 0; r < reviewers->size(); ++r)
        out.insert({paper->getValue<int>("id"), reviewers->getObject(r)->getValue<int64_t>("person_id")});
    }
    return out;
  }

  std::string reviewersOf(int number) const {
    return kConference + "/submissions/" + std::to_string(number) + "/reviewers";
  }

  cptest::CommitteeWorld world;
  int first = 0, second = 0, third = 0;
  std::map<std::string, int64_t> person;
};

TEST_F(AssignmentApiTest, ChairRunsPreviewsAndCommitsTheOptimalAssignment) {
  auto job = run(R"({"reviewers_per_paper":2})", world.chair());
  ASSERT_EQ(job->getValue<std::string>("state"), "done") << job->getValue<std::string>("message");
  EXPECT_EQ(job->getValue<int>("progress"), job->getValue<int>("total"));
  auto proposal = job->getObject("proposal");
  EXPECT_EQ(proposal->getValue<int>("papers"), 3);
  EXPECT_EQ(proposal->getValue<int>("reviewers"), 4);
  EXPECT_FALSE(proposal->getValue<bool>("stale"));
  auto changes = job->getObject("changes");
  EXPECT_EQ(changes->getValue<int>("added"), 6);
  EXPECT_EQ(changes->getValue<int>("removed"), 0);
  auto papers = changes->getArray("papers");
  ASSERT_EQ(papers->size(), 3u);
  for (unsigned i = 0; i < papers->size(); ++i) {
    auto added = column(papers->getObject(i)->getArray("added"), "email");
    EXPECT_EQ(added.size(), 2u);
    if (papers->getObject(i)->getValue<int>("id") == first) {
      EXPECT_EQ(std::count(added.begin(), added.end(), "an@r1.example"), 0)
          << "a conflicted member was proposed";
    }
  }
  // Binh's eager bid is honoured (it is worth +0.5 and nothing else competes).
  auto proposed = job->getObject("report")->getObject("proposed");
  EXPECT_EQ(proposed->getValue<int>("eager_granted"), 1);
  EXPECT_EQ(proposed->getValue<int>("pairs"), 6);
  EXPECT_EQ(job->getObject("report")->getObject("current")->getValue<int>("pairs"), 0);
  EXPECT_TRUE(current().empty()) << "a preview must not change the assignment";

  const std::string jobUrl = kAssignment + "/jobs/" + job->getValue<std::string>("id");
  HttpResult committed = world.chair().postJson(jobUrl + "/commit", "{}");
  ASSERT_EQ(committed.status, 200) << committed.body;
  EXPECT_EQ(committed.json()->getValue<int>("added"), 6);
  const auto pairs = current();
  EXPECT_EQ(pairs.size(), 6u);
  EXPECT_EQ(pairs.count({first, person["an@r1.example"]}), 0u);
  EXPECT_EQ(pairs.count({second, person["binh@r2.example"]}), 1u);
  std::map<int64_t, int> load;
  for (const auto& [paper, member] : pairs) ++load[member];
  for (const auto& [member, n] : load) EXPECT_LE(n, 3);

  HttpResult again = world.chair().postJson(jobUrl + "/commit", "{}");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.errorCode(), "committed");
  // A second run of the same problem proposes no change.
  auto rerun = run(R"({"reviewers_per_paper":2})", world.chair());
  EXPECT_EQ(rerun->getObject("changes")->getValue<int>("added"), 0);
  EXPECT_EQ(rerun->getObject("changes")->getValue<int>("kept"), 6);
}

TEST_F(AssignmentApiTest, ManualChangesAreCheckedKeptAndMakeOlderProposalsStale) {
  auto job = run(R"({"reviewers_per_paper":1})", world.chair());
  ASSERT_EQ(job->getValue<std::string>("state"), "done");
  HttpResult conflicted = world.chair().postJson(
      reviewersOf(first), R"({"person_id":)" + std::to_string(person["an@r1.example"]) + "}");
  EXPECT_EQ(conflicted.status, 409);
  EXPECT_EQ(conflicted.errorCode(), "conflicted");
  const std::string dung = std::to_string(person["dung@r4.example"]);
  HttpResult added = world.chair().postJson(reviewersOf(third), R"({"person_id":)" + dung + "}");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(world.chair().postJson(reviewersOf(third), R"({"person_id":)" + dung + "}").status, 409);
  EXPECT_EQ(current().count({third, person["dung@r4.example"]}), 1u);

  // The first proposal was computed before the manual change: it may not undo it.
  HttpResult stale =
      world.chair().postJson(kAssignment + "/jobs/" + job->getValue<std::string>("id") + "/commit", "{}");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.errorCode(), "stale");
  EXPECT_EQ(current().size(), 1u);

  // A new run keeps the manual pair (it is fixed) and completes the rest.
  auto rerun = run(R"({"reviewers_per_paper":1})", world.chair());
  ASSERT_EQ(rerun->getValue<std::string>("state"), "done");
  ASSERT_EQ(world.chair()
                .postJson(kAssignment + "/jobs/" + rerun->getValue<std::string>("id") + "/commit", "{}")
                .status,
            200);
  const auto pairs = current();
  EXPECT_EQ(pairs.size(), 3u);
  EXPECT_EQ(pairs.count({third, person["dung@r4.example"]}), 1u);

  HttpResult removed = world.chair().request("DELETE", reviewersOf(third) + "/" + dung);
  EXPECT_EQ(removed.status, 204) << removed.body;
  EXPECT_EQ(world.chair().request("DELETE", reviewersOf(third) + "/" + dung).status, 404);
  EXPECT_EQ(current().size(), 2u);
}

TEST_F(AssignmentApiTest, InfeasibleAndInvalidRunsAreExplained) {
  auto job = run(R"({"reviewers_per_paper":4})", world.chair());  // An is conflicted with one paper
  EXPECT_EQ(job->getValue<std::string>("state"), "failed");
  EXPECT_NE(job->getValue<std::string>("message").find("#" + std::to_string(first)), std::string::npos)
      << job->getValue<std::string>("message");
  HttpResult commit =
      world.chair().postJson(kAssignment + "/jobs/" + job->getValue<std::string>("id") + "/commit", "{}");
  EXPECT_EQ(commit.status, 409);
  EXPECT_EQ(commit.errorCode(), "not_done");

  HttpResult zero = world.chair().postJson(kAssignment + "/jobs", R"({"reviewers_per_paper":0})");
  EXPECT_EQ(zero.status, 422);
  EXPECT_EQ(zero.errorField(), "reviewers_per_paper");
  HttpResult mode = world.chair().postJson(kAssignment + "/jobs", R"({"mode":"greedy"})");
  EXPECT_EQ(mode.status, 422);
  EXPECT_EQ(mode.errorField(), "mode");
  HttpResult unknown = world.chair().postJson(kAssignment + "/jobs", R"({"k":3})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(world.chair().get(kAssignment + "/jobs/999999").status, 404);
}

TEST_F(AssignmentApiTest, OnlyChairsAssignAndAConflictedChairDoesNotSeeThePaper) {
  EXPECT_EQ(world.as("binh@r2.example").get(kAssignment).status, 403);
  EXPECT_EQ(world.as("binh@r2.example").postJson(kAssignment + "/jobs", "{}").status, 403);
  EXPECT_EQ(Client(world.server.port()).get(kAssignment).status, 401);

  // A paper whose authors declare a conflict with the chair.
  const int hidden =
      world.paper({.title = "Bài có xung đột với trưởng ban",
                   .authors = {{"mai@a2.example", "Dương", "Thị Mai", "Trường Đại học Kinh tế – Luật"}},
                   .declaredConflicts = {{"chair@chair.example", "personal"}}});
  HttpResult overview = world.chair().get(kAssignment);
  ASSERT_EQ(overview.status, 200);
  EXPECT_EQ(overview.json()->getValue<int>("hidden_papers"), 1);
  const auto numbers = column(overview.json()->getArray("papers"), "id");
  EXPECT_EQ(std::count(numbers.begin(), numbers.end(), std::to_string(hidden)), 0);
  EXPECT_EQ(overview.body.find("Bài có xung đột"), std::string::npos);

  auto job = run(R"({"reviewers_per_paper":2})", world.chair());
  ASSERT_EQ(job->getValue<std::string>("state"), "done");
  EXPECT_EQ(job->getObject("proposal")->getValue<int>("papers"), 4) << "the hidden paper is assigned too";
  EXPECT_EQ(job->getValue<int>("hidden_papers"), 1);
  const auto changed = column(job->getObject("changes")->getArray("papers"), "id");
  EXPECT_EQ(changed.size(), 3u);
  EXPECT_EQ(std::count(changed.begin(), changed.end(), std::to_string(hidden)), 0);
  std::ostringstream body;
  job->stringify(body);
  EXPECT_EQ(body.str().find("Bài có xung đột"), std::string::npos);
  EXPECT_EQ(
      world.chair()
          .postJson(reviewersOf(hidden), R"({"person_id":)" + std::to_string(person["binh@r2.example"]) + "}")
          .status,
      404);
}
