// Conflicts of interest over real HTTP: declarations by authors (enforced at once), detection with evidence
// (domain, affiliation, co-authorship, authorship), chairs confirming and dismissing (a dismissal survives
// detection again), members declaring their own conflicts, and what each conflict hides.
#include <gtest/gtest.h>

#include "support/CommitteeWorld.h"

using namespace confpress;
using cptest::Client;
using cptest::column;
using cptest::HttpResult;
using cptest::kConference;

namespace {

// The conflict of `email` with paper `number` in a list.
Poco::JSON::Object::Ptr find(const Poco::JSON::Array::Ptr& list, int number, const std::string& email,
                             const std::string& source = "") {
  for (unsigned i = 0; i < list->size(); ++i) {
    auto c = list->getObject(i);
    if (c->getValue<int>("submission") == number &&
        c->getObject("member")->getValue<std::string>("email") == email &&
        (source.empty() || c->getValue<std::string>("source") == source))
      return c;
  }
  return nullptr;
}

}  // namespace

class ConflictApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world.account("thanh@tdmu.example", "Huỳnh", "Văn Thạnh", "Trường Đại học Thủ Dầu Một");
    world.account("khanh@hcma.example", "Đặng", "Quốc Khánh", "Học viện Chính trị quốc gia Hồ Chí Minh");
    world.account("duong@uel.example", "Dương", "Thị Mai", "Trường Đại học Kinh tế – Luật");
    world.account("hung@tdmu.example", "Nguyễn", "Văn Hùng", "Khoa Kinh tế");
    world.account("minh@bdu.example", "Phạm", "Minh", "Trường Đại học Bình Dương");
    for (const char* m : {"thanh@tdmu.example", "khanh@hcma.example", "duong@uel.example"}) world.member(m);
    one = world.paper({.title = "Dịch vụ công trực tuyến",
                       .authors = {{"hung@tdmu.example", "Nguyễn", "Văn Hùng", "Khoa Kinh tế"},
                                   {"lan@gmail.com", "Lê", "Thị Lan", "TRƯỜNG ĐẠI HỌC KINH TẾ - LUẬT"}}});
    two = world.paper({.title = "Chính quyền số cấp xã",
                       .authors = {{"khanh@hcma.example", "Đặng", "Quốc Khánh", ""},
                                   {"minh@bdu.example", "Phạm", "Minh", ""}}});
    three = world.paper({.title = "Đô thị thông minh",
                         .authors = {{"minh@bdu.example", "Phạm", "Minh", "Trường Đại học Bình Dương"}},
                         .declaredConflicts = {{"duong@uel.example", "advisor"}}});
  }

  HttpResult paper(const std::string& email, int number) {
    return world.as(email).get(kConference + "/submissions/" + std::to_string(number));
  }

  cptest::CommitteeWorld world;
  int one = 0, two = 0, three = 0;
};

TEST_F(ConflictApiTest, DetectionFindsConflictsWithEvidenceAndChairsDecide) {
  // The authors' declaration hides paper 3 from Dương at once, before anyone looks at conflicts.
  EXPECT_EQ(paper("duong@uel.example", three).status, 404);
  EXPECT_EQ(paper("thanh@tdmu.example", one).status, 200);

  Client& chair = world.chair();
  HttpResult detected = chair.request("POST", kConference + "/conflicts/detect", "", "application/json");
  ASSERT_EQ(detected.status, 200) << detected.body;
  EXPECT_EQ(detected.json()->getValue<int>("created"), 5);
  auto list = chair.get(kConference + "/conflicts").json()->getArray("conflicts");
  EXPECT_EQ(list->size(), 5u);

  auto domain = find(list, one, "thanh@tdmu.example");
  ASSERT_TRUE(domain);
  EXPECT_EQ(domain->getValue<std::string>("status"), "pending");
  EXPECT_EQ(domain->getValue<std::string>("type"), "institutional");
  EXPECT_EQ(domain->getValue<std::string>("evidence"),
            "same domain tdmu.example: thanh@tdmu.example and hung@tdmu.example");
  EXPECT_EQ(domain->getValue<std::string>("title"), "Dịch vụ công trực tuyến");
  auto affiliation = find(list, one, "duong@uel.example");
  ASSERT_TRUE(affiliation);
  EXPECT_EQ(affiliation->getValue<std::string>("evidence"),
            "same affiliation \u201CTRƯỜNG ĐẠI HỌC KINH TẾ - LUẬT\u201D: Dương Thị Mai and Lê Thị Lan");
  auto author = find(list, two, "khanh@hcma.example");
  ASSERT_TRUE(author);
  EXPECT_EQ(author->getValue<std::string>("type"), "author");
  EXPECT_EQ(author->getValue<std::string>("status"), "confirmed");
  auto coauthor = find(list, three, "khanh@hcma.example");
  ASSERT_TRUE(coauthor);
  EXPECT_EQ(coauthor->getValue<std::string>("type"), "collaborator");
  EXPECT_EQ(coauthor->getValue<std::string>("evidence"), "co-authors on #2: Đặng Quốc Khánh with Phạm Minh");
  auto declared = find(list, three, "duong@uel.example");
  ASSERT_TRUE(declared);
  EXPECT_EQ(declared->getValue<std::string>("source"), "author");
  EXPECT_EQ(declared->getValue<std::string>("type"), "advisor");
  EXPECT_EQ(declared->getValue<std::string>("status"), "confirmed");
  EXPECT_EQ(chair.get(kConference + "/conflicts?status=pending").json()->getArray("conflicts")->size(), 3u);
  EXPECT_EQ(chair.get(kConference + "/conflicts?status=maybe").errorField(), "status");

  // A pending detection already hides the paper; the author's own paper stays theirs.
  EXPECT_EQ(paper("thanh@tdmu.example", one).status, 404);
  EXPECT_EQ(paper("khanh@hcma.example", two).status, 200);
  EXPECT_EQ(paper("khanh@hcma.example", three).status, 404);

  // Dismissed: visible again, and detecting again does not bring it back.
  const std::string dismiss = kConference + "/conflicts/" + domain->get("id").toString();
  HttpResult dismissed = chair.request("PATCH", dismiss, R"({"status":"dismissed"})", "application/json");
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(dismissed.json()->getValue<std::string>("status"), "dismissed");
  EXPECT_EQ(paper("thanh@tdmu.example", one).status, 200);
  HttpResult again = chair.request("POST", kConference + "/conflicts/detect", "", "application/json");
  EXPECT_EQ(again.json()->getValue<int>("created"), 0);
  EXPECT_EQ(again.json()->getValue<int>("unchanged"), 5);
  EXPECT_EQ(
      find(chair.get(kConference + "/conflicts").json()->getArray("conflicts"), one, "thanh@tdmu.example")
          ->getValue<std::string>("status"),
      "dismissed");
  EXPECT_EQ(paper("thanh@tdmu.example", one).status, 200);
  // Confirmed by the chair: hidden again.
  ASSERT_EQ(chair.request("PATCH", dismiss, R"({"status":"confirmed"})", "application/json").status, 200);
  EXPECT_EQ(paper("thanh@tdmu.example", one).status, 404);

  // An author is always conflicted; bad input names its field; only chairs decide.
  const std::string authorPath = kConference + "/conflicts/" + author->get("id").toString();
  HttpResult never = chair.request("PATCH", authorPath, R"({"status":"dismissed"})", "application/json");
  EXPECT_EQ(never.status, 409);
  EXPECT_EQ(never.errorCode(), "always_conflicted");
  EXPECT_EQ(chair.request("PATCH", dismiss, R"({"status":"gone"})", "application/json").errorField(),
            "status");
  EXPECT_EQ(chair.request("PATCH", dismiss, R"({})", "application/json").errorField(), "status");
  EXPECT_EQ(chair
                .request("PATCH", kConference + "/conflicts/424242", R"({"status":"dismissed"})",
                         "application/json")
                .status,
            404);
  Client& thanh = world.as("thanh@tdmu.example");
  EXPECT_EQ(thanh.get(kConference + "/conflicts").status, 403);
  EXPECT_EQ(thanh.request("POST", kConference + "/conflicts/detect", "", "application/json").status, 403);
  EXPECT_EQ(thanh.request("PATCH", dismiss, R"({"status":"dismissed"})", "application/json").status, 403);
}

TEST_F(ConflictApiTest, MembersDeclareTheirOwnConflicts) {
  Client& thanh = world.as("thanh@tdmu.example");
  const std::string bid = kConference + "/submissions/" + std::to_string(three) + "/bid";
  EXPECT_EQ(
      thanh.request("PUT", bid, R"({"level":"conflict","type":"friend"})", "application/json").errorField(),
      "type");
  EXPECT_EQ(
      thanh.request("PUT", bid, R"({"level":"eager","type":"personal"})", "application/json").errorField(),
      "type");
  HttpResult declared =
      thanh.request("PUT", bid, R"({"level":"conflict","type":"personal"})", "application/json");
  ASSERT_EQ(declared.status, 200) << declared.body;
  EXPECT_EQ(declared.json()->getValue<std::string>("level"), "conflict");
  EXPECT_EQ(paper("thanh@tdmu.example", three).status, 404);
  EXPECT_EQ(thanh.request("PUT", bid, R"({"level":"eager"})", "application/json").status, 404);
  auto list = world.chair().get(kConference + "/conflicts").json()->getArray("conflicts");
  auto row = find(list, three, "thanh@tdmu.example", "reviewer");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->getValue<std::string>("type"), "personal");
  EXPECT_EQ(row->getValue<std::string>("status"), "confirmed");
  // A chair may dismiss it; the paper comes back.
  ASSERT_EQ(world.chair()
                .request("PATCH", kConference + "/conflicts/" + row->get("id").toString(),
                         R"({"status":"dismissed"})", "application/json")
                .status,
            200);
  EXPECT_EQ(paper("thanh@tdmu.example", three).status, 200);
}
