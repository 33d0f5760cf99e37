// Bids and affinities over real HTTP, and the assignment engine's input built from them: members see the
// submitted papers by affinity, bid, and the engine assigns each paper to the member who suits it.
#include <gtest/gtest.h>

#include "assign/Assigner.h"
#include "committee/AssignmentInput.h"
#include "support/CommitteeWorld.h"

using namespace confpress;
using cptest::Client;
using cptest::column;
using cptest::HttpResult;
using cptest::kConference;

class BidApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world.account("thanh@tdmu.example", "Huỳnh", "Văn Thạnh", "Trường Đại học Thủ Dầu Một");
    world.account("khanh@hcma.example", "Đặng", "Quốc Khánh", "Học viện Chính trị quốc gia Hồ Chí Minh");
    world.account("hung@bdu.example", "Nguyễn", "Văn Hùng", "Trường Đại học Bình Dương");
    world.account("mai@uel.example", "Dương", "Thị Mai", "Trường Đại học Kinh tế – Luật");
    world.member("thanh@tdmu.example", R"(,"topics":["Chuyển đổi số"],"max_load":2)");
    world.member("khanh@hcma.example", R"(,"topics":["Kinh tế số"],"min_load":1)");
    ASSERT_EQ(
        world.as("thanh@tdmu.example")
            .request("PUT", kConference + "/committee/me/profile",
                     R"({"text":"Chính quyền số, dịch vụ công trực tuyến và chuyển đổi số ở cấp tỉnh."})",
                     "application/json")
            .status,
        200);
    ASSERT_EQ(
        world.as("khanh@hcma.example")
            .request("PUT", kConference + "/committee/me/profile",
                     R"({"text":"kinh te so, thuong mai dien tu va doanh nghiep nho"})", "application/json")
            .status,
        200);
    government =
        world.paper({.title = "Chính quyền số cấp tỉnh",
                     .abstract = "Dịch vụ công trực tuyến ở Bình Dương.",
                     .topics = {"Chuyển đổi số"},
                     .authors = {{"hung@bdu.example", "Nguyễn", "Văn Hùng", "Trường Đại học Bình Dương"}}});
    economy =
        world.paper({.title = "Kinh tế số và thương mại điện tử",
                     .abstract = "Doanh nghiệp nhỏ trong kinh tế số.",
                     .topics = {"Kinh tế số"},
                     .authors = {{"mai@uel.example", "Dương", "Thị Mai", "Trường Đại học Kinh tế – Luật"}}});
    draft = world.paper({.title = "Bản nháp",
                         .authors = {{"hung@bdu.example", "Nguyễn", "Văn Hùng", "Trường Đại học Bình Dương"}},
                         .submit = false});
  }

  std::string bid(int number) const {
    return kConference + "/submissions/" + std::to_string(number) + "/bid";
  }

  cptest::CommitteeWorld world;
  int government = 0, economy = 0, draft = 0;
};

TEST_F(BidApiTest, MembersBidOnPapersSortedByAffinity) {
  Client& chair = world.chair();
  EXPECT_EQ(chair.postJson(kConference + "/affinity", R"({"k":0})").errorField(), "k");
  EXPECT_EQ(chair.postJson(kConference + "/affinity", R"({"top":5})").errorField(), "top");
  EXPECT_EQ(world.as("thanh@tdmu.example")
                .request("POST", kConference + "/affinity", "", "application/json")
                .status,
            403);
  HttpResult computed = chair.request("POST", kConference + "/affinity", "", "application/json");
  ASSERT_EQ(computed.status, 200) << computed.body;
  EXPECT_EQ(computed.json()->getValue<int>("papers"), 2);  // not the draft
  EXPECT_EQ(computed.json()->getValue<int>("members"), 2);
  EXPECT_EQ(computed.json()->getValue<int>("k"), 50);
  EXPECT_GE(computed.json()->getValue<int>("pairs"), 2);

  Client& thanh = world.as("thanh@tdmu.example");
  HttpResult mine = thanh.get(kConference + "/committee/me/bids");
  ASSERT_EQ(mine.status, 200) << mine.body;
  auto papers = mine.json()->getArray("papers");
  EXPECT_EQ(column(papers, "id"),
            (std::vector<std::string>{std::to_string(government), std::to_string(economy)}));
  EXPECT_NEAR(papers->getObject(0)->getValue<double>("affinity"), 1.0,
              1e-9);  // best text match, topic covered
  EXPECT_TRUE(papers->getObject(0)->isNull("bid"));
  EXPECT_EQ(mine.body.find("hung@bdu.example"), std::string::npos);  // no authors when bidding
  // Khánh's profile has no diacritics, and still matches the economy paper best.
  EXPECT_EQ(
      column(
          world.as("khanh@hcma.example").get(kConference + "/committee/me/bids").json()->getArray("papers"),
          "id"),
      (std::vector<std::string>{std::to_string(economy), std::to_string(government)}));

  HttpResult eager = thanh.request("PUT", bid(government), R"({"level":"eager"})", "application/json");
  ASSERT_EQ(eager.status, 200) << eager.body;
  EXPECT_EQ(eager.json()->getValue<std::string>("level"), "eager");
  ASSERT_EQ(thanh.request("PUT", bid(economy), R"({"level":"not_willing"})", "application/json").status, 200);
  ASSERT_EQ(thanh.request("PUT", bid(economy), R"({"level":"willing"})", "application/json").status, 200);
  EXPECT_EQ(column(thanh.get(kConference + "/committee/me/bids").json()->getArray("papers"), "bid"),
            (std::vector<std::string>{"eager", "willing"}));

  // Bad levels, drafts, non-members and authors.
  EXPECT_EQ(thanh.request("PUT", bid(government), R"({"level":"keen"})", "application/json").errorField(),
            "level");
  EXPECT_EQ(thanh.request("PUT", bid(government), R"({})", "application/json").errorField(), "level");
  EXPECT_EQ(thanh.request("PUT", bid(draft), R"({"level":"eager"})", "application/json").status, 404);
  EXPECT_EQ(thanh.request("PUT", bid(999), R"({"level":"eager"})", "application/json").status, 404);
  Client& author = world.as("hung@bdu.example");
  EXPECT_EQ(author.get(kConference + "/committee/me/bids").status, 403);
  EXPECT_EQ(author.request("PUT", bid(government), R"({"level":"eager"})", "application/json").status, 403);
  // A member who wrote a paper cannot bid on it.
  world.member("mai@uel.example");
  HttpResult own =
      world.as("mai@uel.example").request("PUT", bid(economy), R"({"level":"eager"})", "application/json");
  EXPECT_EQ(own.status, 409);
  EXPECT_EQ(own.errorCode(), "own_paper");
  EXPECT_EQ(
      column(world.as("mai@uel.example").get(kConference + "/committee/me/bids").json()->getArray("papers"),
             "id"),
      (std::vector<std::string>{std::to_string(government)}));
}

TEST_F(BidApiTest, TheEngineInputScoresAffinityPlusBidAndLeavesConflictsOut) {
  Client& chair = world.chair();
  ASSERT_EQ(chair.request("POST", kConference + "/affinity", "", "application/json").status, 200);
  ASSERT_EQ(world.as("khanh@hcma.example")
                .request("PUT", bid(government), R"({"level":"not_willing"})", "application/json")
                .status,
            200);
  ASSERT_EQ(world.as("thanh@tdmu.example")
                .request("PUT", bid(economy), R"({"level":"conflict"})", "application/json")
                .status,
            200);
  world.member("mai@uel.example", "", false);  // invited only: not assignable

  const committee::AssignmentInput input = committee::buildAssignmentInput(world.server.runtime().db, "pc22");
  const assign::AssignmentProblem& p = input.problem;
  ASSERT_EQ(p.paperIds.size(), 2u);
  ASSERT_EQ(p.reviewerIds.size(), 2u);
  EXPECT_EQ(p.paperIds[0], "#" + std::to_string(government));
  EXPECT_EQ(p.reviewerIds, (std::vector<std::string>{"khanh@hcma.example", "thanh@tdmu.example"}));
  EXPECT_EQ(p.minLoad, (std::vector<int>{1, 0}));
  EXPECT_EQ(p.maxLoad, (std::vector<int>{2, 2}));  // no limit: at most every paper
  EXPECT_EQ(input.excludedPairs, 1u);
  ASSERT_EQ(p.conflicts.size(), 1u);
  EXPECT_EQ(p.conflicts[0].paper, 1);
  EXPECT_EQ(p.conflicts[0].reviewer, 1);
  ASSERT_EQ(p.candidates.size(), 3u);  // 2 × 2 minus the conflict
  std::map<std::pair<int, int>, double> score;
  for (const auto& c : p.candidates) score[{c.paper, c.reviewer}] = c.score;
  EXPECT_FALSE(score.count({1, 1}));
  EXPECT_NEAR(score.at({0, 1}), 1.0, 1e-9);  // thanh × government: affinity 1, no bid
  EXPECT_LT(score.at({0, 0}), 0.0);          // khánh × government: small affinity − 0.5
  EXPECT_NEAR(score.at({1, 0}), 1.0, 1e-9);  // khánh × economy: affinity 1
  EXPECT_EQ(p.affiliationNames.size(), 2u);

  // The engine takes it as it is: each paper goes to the member who suits it.
  assign::AssignmentProblem one = p;
  one.reviewersPerPaper = 1;
  const assign::Assignment result = assign::assignReviewers(one);
  ASSERT_EQ(result.pairs.size(), 2u);
  EXPECT_EQ(result.pairs[0].paper, 0);
  EXPECT_EQ(result.pairs[0].reviewer, 1);
  EXPECT_EQ(result.pairs[1].paper, 1);
  EXPECT_EQ(result.pairs[1].reviewer, 0);
  EXPECT_NEAR(result.objective, 2.0, 1e-9);
}
