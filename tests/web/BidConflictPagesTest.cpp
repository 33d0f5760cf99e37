// The members' bidding page and the chairs' conflicts page over real HTTP: papers by affinity, one bid
// saved by a plain form or by the page's script (JSON), a declared conflict hiding the paper, the chairs'
// list filtered and decided, a conflicted chair never seeing the paper's rows, and the links of the
// conference page for each kind of reader.
#include <gtest/gtest.h>

#include <regex>

#include "store/BidRepository.h"
#include "store/ConferenceRepository.h"
#include "store/ConflictRepository.h"
#include "store/PeopleRepository.h"
#include "store/SubmissionRepository.h"
#include "support/CommitteeWorld.h"
#include "support/Forms.h"

using namespace confpress;
using cptest::Client;
using cptest::contains;
using cptest::HttpResult;
using cptest::kConference;

namespace {
const std::string kPages = "/c/pc22";
const std::map<std::string, std::string> kJson = {{"Accept", "application/json"}};
}  // namespace

class BidConflictPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world.account("thanh@tdmu.example", "Huỳnh", "Văn Thạnh", "Trường Đại học Thủ Dầu Một");
    world.account("khanh@hcma.example", "Đặng", "Quốc Khánh", "Học viện Chính trị quốc gia Hồ Chí Minh");
    world.account("hung@bdu.example", "Nguyễn", "Văn Hùng", "Trường Đại học Bình Dương");
    world.account("mai@uel.example", "Dương", "Thị Mai", "Trường Đại học Kinh tế – Luật");
    world.member("thanh@tdmu.example", R"(,"topics":["Chuyển đổi số"])");
    world.member("khanh@hcma.example", R"(,"topics":["Kinh tế số"])");
    ASSERT_EQ(
        world.as("thanh@tdmu.example")
            .request("PUT", kConference + "/committee/me/profile",
                     R"({"text":"Chính quyền số, dịch vụ công trực tuyến ở cấp tỉnh."})", "application/json")
            .status,
        200);
    government =
        world.paper({.title = "Chính quyền số cấp tỉnh",
                     .abstract = "Dịch vụ công trực tuyến ở Bình Dương.",
                     .keywords = {"chính quyền số"},
                     .topics = {"Chuyển đổi số"},
                     .authors = {{"hung@bdu.example", "Nguyễn", "Văn Hùng", "Trường Đại học Bình Dương"}}});
    economy =
        world.paper({.title = "Kinh tế số và thương mại điện tử",
                     .abstract = "Doanh nghiệp nhỏ trong kinh tế số.",
                     .topics = {"Kinh tế số"},
                     .authors = {{"mai@uel.example", "Dương", "Thị Mai", "Trường Đại học Kinh tế – Luật"}}});
    // The chair recomputes the affinities from the conflicts page.
    Client& chair = world.chair();
    const std::string csrf = cptest::csrfFrom(chair, kPages + "/conflicts");
    HttpResult computed = cptest::postFields(chair, kPages + "/affinity", {{"csrf", csrf}});
    ASSERT_EQ(computed.status, 303) << computed.body;
  }

  int64_t personId(const std::string& email) {
    Poco::Data::Session s = world.server.runtime().db.session();
    return store::PeopleRepository(s).findPersonByEmail(email)->id;
  }
  int64_t conferenceId() {
    Poco::Data::Session s = world.server.runtime().db.session();
    return store::ConferenceRepository(s).findBySlug("pc22")->id;
  }
  std::map<int64_t, std::string> bidsOf(const std::string& email) {
    Poco::Data::Session s = world.server.runtime().db.session();
    return store::BidRepository(s).bidsOf(conferenceId(), personId(email));
  }
  std::vector<store::ConflictRecord> conflicts() {
    Poco::Data::Session s = world.server.runtime().db.session();
    return store::ConflictRepository(s).list(conferenceId());
  }
  int64_t submissionId(int number) {
    Poco::Data::Session s = world.server.runtime().db.session();
    return store::SubmissionRepository(s).find(conferenceId(), number)->id;
  }
  std::string bidPath(int number) const { return kPages + "/bids/" + std::to_string(number); }

  cptest::CommitteeWorld world;
  int government = 0, economy = 0;
};

TEST_F(BidConflictPagesTest, MembersSeePapersByAffinityAndBidWithOrWithoutScript) {
  Client& thanh = world.as("thanh@tdmu.example");
  HttpResult page = thanh.get(kPages + "/bids");
  ASSERT_EQ(page.status, 200) << page.body;
  const size_t first = page.body.find("id=\"paper-" + std::to_string(government) + "\"");
  const size_t second = page.body.find("id=\"paper-" + std::to_string(economy) + "\"");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_TRUE(contains(page.body, "<span class=\"affinity-value\">1.00</span>")) << page.body;
  EXPECT_TRUE(contains(page.body, "data-count=\"none\">2<"));
  EXPECT_TRUE(contains(page.body, "<label for=\"bid-" + std::to_string(government) + "-eager\""));
  EXPECT_FALSE(contains(page.body, "hung@bdu.example"));  // no authors when bidding
  const std::string csrf = cptest::inputValue(page.body, "csrf");

  // A plain form post (no script): refused without the token, else saved and back at the paper.
  EXPECT_EQ(cptest::postFields(thanh, bidPath(government), {{"level", "eager"}}).status, 403);
  EXPECT_TRUE(bidsOf("thanh@tdmu.example").empty());
  HttpResult plain = cptest::postFields(thanh, bidPath(government), {{"csrf", csrf}, {"level", "eager"}});
  ASSERT_EQ(plain.status, 303) << plain.body;
  EXPECT_EQ(plain.headers["location"], "/c/pc22/bids#paper-" + std::to_string(government));
  EXPECT_EQ(bidsOf("thanh@tdmu.example").at(submissionId(government)), "eager");

  // The page's script asks for JSON and gets the new counts.
  HttpResult scripted =
      cptest::postFields(thanh, bidPath(economy), {{"csrf", csrf}, {"level", "willing"}}, kJson);
  ASSERT_EQ(scripted.status, 200) << scripted.body;
  EXPECT_EQ(scripted.json()->getValue<std::string>("level"), "willing");
  EXPECT_EQ(scripted.json()->getValue<std::string>("label"), "Sẵn sàng đọc");
  auto counts = scripted.json()->getObject("counts");
  EXPECT_EQ(counts->getValue<int>("eager"), 1);
  EXPECT_EQ(counts->getValue<int>("willing"), 1);
  EXPECT_EQ(counts->getValue<int>("none"), 0);
  EXPECT_EQ(bidsOf("thanh@tdmu.example").at(submissionId(economy)), "willing");
  EXPECT_TRUE(contains(thanh.get(kPages + "/bids").body, "data-count=\"eager\">1<"));

  // Errors: JSON for the script, beside the paper's form without it.
  HttpResult badJson =
      cptest::postFields(thanh, bidPath(economy), {{"csrf", csrf}, {"level", "keen"}}, kJson);
  EXPECT_EQ(badJson.status, 422);
  EXPECT_EQ(badJson.errorField(), "level");
  HttpResult badPage = cptest::postFields(thanh, bidPath(economy), {{"csrf", csrf}, {"level", "keen"}});
  EXPECT_EQ(badPage.status, 422);
  EXPECT_TRUE(contains(badPage.body, "id=\"bid-" + std::to_string(economy) + "-error\"")) << badPage.body;
  EXPECT_EQ(cptest::postFields(thanh, bidPath(999), {{"csrf", csrf}, {"level", "eager"}}, kJson).status, 404);
}

TEST_F(BidConflictPagesTest, ADeclaredConflictHidesThePaper) {
  Client& thanh = world.as("thanh@tdmu.example");
  const std::string csrf = cptest::csrfFrom(thanh, kPages + "/bids");
  HttpResult declared = cptest::postFields(
      thanh, bidPath(economy), {{"csrf", csrf}, {"level", "conflict"}, {"type", "advisor"}}, kJson);
  ASSERT_EQ(declared.status, 200) << declared.body;
  EXPECT_EQ(declared.json()->getObject("counts")->getValue<int>("conflict"), 1);
  EXPECT_EQ(declared.json()->getObject("counts")->getValue<int>("none"), 1);
  HttpResult page = thanh.get(kPages + "/bids");
  EXPECT_FALSE(contains(page.body, "Kinh tế số và thương mại điện tử"));
  EXPECT_TRUE(contains(page.body, "data-count=\"conflict\">1<"));
  bool found = false;
  for (const auto& c : conflicts())
    if (c.number == economy && c.email == "thanh@tdmu.example" && c.source == "reviewer") {
      found = true;
      EXPECT_EQ(c.type, "advisor");
      EXPECT_EQ(c.status, "confirmed");
    }
  EXPECT_TRUE(found);
  EXPECT_EQ(thanh.get(kPages + "/submissions/" + std::to_string(economy)).status, 404);
}

TEST_F(BidConflictPagesTest, OnlyMembersBidAndOnlyChairsSeeConflicts) {
  Client& author = world.as("hung@bdu.example");
  EXPECT_EQ(author.get(kPages + "/bids").status, 403);
  // Signed out: the page sends the visitor to sign in, the script gets 401.
  Client visitor(world.server.port());
  EXPECT_EQ(visitor.get(kPages + "/bids").status, 303);
  HttpResult anonymous = cptest::postFields(visitor, bidPath(government), {{"level", "eager"}}, kJson);
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.errorCode(), "unauthenticated");
  Client& thanh = world.as("thanh@tdmu.example");
  EXPECT_EQ(thanh.get(kPages + "/conflicts").status, 403);
  const std::string csrf = cptest::csrfFrom(thanh, kPages + "/bids");
  EXPECT_EQ(cptest::postFields(thanh, kPages + "/conflicts/detect", {{"csrf", csrf}}).status, 403);
  EXPECT_EQ(cptest::postFields(thanh, kPages + "/affinity", {{"csrf", csrf}}).status, 403);
}

TEST_F(BidConflictPagesTest, ChairsFilterAndDecideConflictsAndNeverSeeTheirOwn) {
  // A second chair who is also a member works at the same university as the government paper's author.
  world.account("hai@bdu.example", "Trương", "Văn Hải", "Phòng Khoa học");
  ASSERT_EQ(
      world.admin().postJson(kConference + "/roles", R"({"email":"hai@bdu.example","role":"chair"})").status,
      204);
  world.member("hai@bdu.example");
  Client& chair = world.chair();
  const std::string csrf = cptest::csrfFrom(chair, kPages + "/conflicts");
  ASSERT_EQ(cptest::postFields(chair, kPages + "/conflicts/detect", {{"csrf", csrf}}).status, 303);
  int64_t domainId = 0;
  for (const auto& c : conflicts())
    if (c.email == "hai@bdu.example" && c.number == government) domainId = c.id;
  ASSERT_GT(domainId, 0);

  HttpResult page = chair.get(kPages + "/conflicts");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "id=\"conflict-" + std::to_string(domainId) + "\""));
  EXPECT_TRUE(contains(page.body, "same domain bdu.example")) << page.body;
  EXPECT_TRUE(contains(page.body, "Chính quyền số cấp tỉnh"));
  EXPECT_TRUE(contains(page.body, "Chờ xem xét"));

  // The conflicted chair sees neither the row nor the paper anywhere on the page.
  HttpResult conflicted = world.as("hai@bdu.example").get(kPages + "/conflicts");
  ASSERT_EQ(conflicted.status, 200);
  EXPECT_FALSE(contains(conflicted.body, "Chính quyền số cấp tỉnh"));
  EXPECT_FALSE(contains(conflicted.body, "id=\"conflict-" + std::to_string(domainId) + "\""));

  // Filters.
  EXPECT_TRUE(contains(chair.get(kPages + "/conflicts?status=pending&source=detected").body,
                       "id=\"conflict-" + std::to_string(domainId) + "\""));
  EXPECT_FALSE(contains(chair.get(kPages + "/conflicts?status=confirmed").body,
                        "id=\"conflict-" + std::to_string(domainId) + "\""));
  EXPECT_FALSE(contains(chair.get(kPages + "/conflicts?source=reviewer").body,
                        "id=\"conflict-" + std::to_string(domainId) + "\""));

  // Dismissing it: without the token nothing happens, with it the row says so and the paper reappears.
  const std::string decide = kPages + "/conflicts/" + std::to_string(domainId);
  EXPECT_EQ(cptest::postFields(chair, decide, {{"status", "dismissed"}}).status, 403);
  HttpResult dismissed = cptest::postFields(
      chair, decide, {{"csrf", csrf}, {"status", "dismissed"}, {"filter_status", "pending"}});
  ASSERT_EQ(dismissed.status, 303) << dismissed.body;
  EXPECT_EQ(dismissed.headers["location"], "/c/pc22/conflicts?status=pending#conflicts-table");
  for (const auto& c : conflicts()) {
    if (c.id == domainId) {
      EXPECT_EQ(c.status, "dismissed");
    }
  }
  EXPECT_EQ(world.as("hai@bdu.example").get(kPages + "/submissions/" + std::to_string(government)).status,
            200);
  // The conflicted chair cannot decide it either (it is not theirs to see while it blocks).
  ASSERT_EQ(cptest::postFields(chair, decide, {{"csrf", csrf}, {"status", "confirmed"}}).status, 303);
  Client& hai = world.as("hai@bdu.example");
  const std::string haiCsrf = cptest::csrfFrom(hai, kPages + "/conflicts");
  EXPECT_EQ(cptest::postFields(hai, decide, {{"csrf", haiCsrf}, {"status", "dismissed"}}).status, 404);
}

TEST_F(BidConflictPagesTest, TheConferencePageLinksEachReaderToTheirCommitteePages) {
  HttpResult chair = world.chair().get(kPages);
  for (const char* link : {"conference-committee", "conference-conflicts", "conference-assignment"})
    EXPECT_TRUE(contains(chair.body, std::string("id=\"") + link + "\"")) << link;
  EXPECT_TRUE(contains(chair.body, "href=\"&#x2F;c&#x2F;pc22&#x2F;assignment\""));
  EXPECT_FALSE(contains(chair.body, "id=\"conference-bids\""));
  HttpResult member = world.as("thanh@tdmu.example").get(kPages);
  EXPECT_TRUE(contains(member.body, "id=\"conference-profile\""));
  EXPECT_TRUE(contains(member.body, "id=\"conference-bids\""));
  EXPECT_FALSE(contains(member.body, "id=\"conference-conflicts\""));
  HttpResult author = world.as("hung@bdu.example").get(kPages);
  EXPECT_FALSE(contains(author.body, "committee-panel"));
  // In English.
  Client& english = world.as("khanh@hcma.example");
  ASSERT_EQ(english.get("/lang/en?next=/").status, 303);
  HttpResult bids = english.get(kPages + "/bids");
  EXPECT_TRUE(contains(bids.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(bids.body, "<h1>Bidding for papers</h1>"));
  EXPECT_TRUE(contains(bids.body, ">Not willing</label>"));
  EXPECT_TRUE(contains(english.get(kPages).body, ">Bidding</a>"));
  // The committee pages carry the same navigation.
  EXPECT_TRUE(contains(world.as("thanh@tdmu.example").get(kPages + "/bids").body,
                       "id=\"committee-nav-bids\" aria-current=\"page\""));
}
