// The committee API over real HTTP: invitations (mailed, answered, roles following the answer), the CSV
// import (all or nothing, errors with line numbers), chairs' changes to loads and topics, and reviewer
// profiles with past papers whose text is extracted in the sandboxed worker.
#include <gtest/gtest.h>

#include "store/CommitteeRepository.h"
#include "store/ConferenceRepository.h"
#include "store/Outbox.h"
#include "store/PeopleRepository.h"
#include "support/CommitteeWorld.h"

using namespace confpress;
using cptest::Client;
using cptest::column;
using cptest::HttpResult;
using cptest::kConference;

namespace {

std::vector<std::string> myRoles(Client& client) {
  std::vector<std::string> out;
  auto roles = client.get(kConference).json()->getArray("my_roles");
  for (unsigned i = 0; i < roles->size(); ++i) out.push_back(roles->getElement<std::string>(i));
  return out;
}

}  // namespace

class CommitteeApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world.account("thanh@tdmu.example", "Huỳnh", "Văn Thạnh", "Trường Đại học Thủ Dầu Một");
    world.account("khanh@hcma.example", "Đặng", "Quốc Khánh", "Học viện Chính trị quốc gia Hồ Chí Minh");
    world.account("duong@uel.example", "Dương", "Thị Mai", "Trường Đại học Kinh tế – Luật");
  }

  size_t mails(const std::string& to) {
    Poco::Data::Session s = world.server.runtime().db.session();
    return store::mailTo(s, to).size();
  }

  cptest::CommitteeWorld world;
};

TEST_F(CommitteeApiTest, ChairsInviteMembersWhoAcceptOrDecline) {
  Client& chair = world.chair();
  HttpResult invited =
      chair.postJson(kConference + "/committee", R"({"email":"Thanh@TDMU.example","role":"senior_pc",
      "topics":["chuyen doi so"],"min_load":1,"max_load":5})");
  ASSERT_EQ(invited.status, 201) << invited.body;
  auto m = invited.json();
  EXPECT_EQ(m->getValue<std::string>("email"), "thanh@tdmu.example");
  EXPECT_EQ(m->getValue<std::string>("status"), "invited");
  EXPECT_EQ(m->getValue<std::string>("role"), "senior_pc");
  EXPECT_EQ(m->getValue<int>("min_load"), 1);
  EXPECT_EQ(m->getValue<int>("max_load"), 5);
  EXPECT_EQ(column(m->getArray("topics"), "name"), (std::vector<std::string>{"Chuyển đổi số"}));

  // The invitation is queued in the member's language (Vietnamese by default).
  {
    Poco::Data::Session s = world.server.runtime().db.session();
    auto queued = store::mailTo(s, "thanh@tdmu.example");
    ASSERT_EQ(queued.size(), 1u);
    EXPECT_EQ(queued[0].templateName, "committee_invitation");
    EXPECT_NE(queued[0].subject.find("[PC22] Thư mời tham gia Ban Chương trình"), std::string::npos)
        << queued[0].subject;
    EXPECT_NE(queued[0].bodyText.find("thành viên cao cấp"), std::string::npos);
    EXPECT_NE(queued[0].bodyText.find("/c/pc22"), std::string::npos);
    EXPECT_EQ(queued[0].bodyText.find("/signup"), std::string::npos);  // they have an account
  }

  // Someone unknown needs names, then gets a sign-up link.
  HttpResult nameless = chair.postJson(kConference + "/committee", R"({"email":"new@napa.example"})");
  EXPECT_EQ(nameless.status, 422);
  EXPECT_EQ(nameless.errorField(), "family_name");
  HttpResult stranger = chair.postJson(
      kConference + "/committee",
      R"({"email":"new@napa.example","family_name":"Lê","given_name":"Thị Thủy","affiliation":"Học viện Hành chính"})");
  ASSERT_EQ(stranger.status, 201) << stranger.body;
  {
    Poco::Data::Session s = world.server.runtime().db.session();
    EXPECT_NE(store::mailTo(s, "new@napa.example").at(0).bodyText.find("/signup"), std::string::npos);
  }
  HttpResult again = chair.postJson(kConference + "/committee", R"({"email":"thanh@tdmu.example"})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.errorCode(), "already_member");
  EXPECT_EQ(again.errorField(), "email");

  // Bad input names its field.
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"email":"not an address"})", "email"},
           {R"({"email":"khanh@hcma.example","role":"chair"})", "role"},
           {R"({"email":"khanh@hcma.example","min_load":-1})", "min_load"},
           {R"({"email":"khanh@hcma.example","min_load":6,"max_load":2})", "min_load"},
           {R"({"email":"khanh@hcma.example","topics":["Thiên văn"]})", "topics[0]"},
           {R"({"email":"khanh@hcma.example","load":3})", "load"},
           {R"({"role":"pc"})", "email"}}) {
    HttpResult r = chair.postJson(kConference + "/committee", body);
    EXPECT_EQ(r.status, 422) << body << " → " << r.body;
    EXPECT_EQ(r.errorField(), field) << body;
  }

  // Only chairs manage the committee.
  Client& thanh = world.as("thanh@tdmu.example");
  EXPECT_EQ(thanh.get(kConference + "/committee").status, 403);
  EXPECT_EQ(thanh.postJson(kConference + "/committee", R"({"email":"khanh@hcma.example"})").status, 403);

  // Accepting grants the role; declining takes it back.
  EXPECT_EQ(thanh.get(kConference + "/committee/me").json()->getValue<std::string>("status"), "invited");
  EXPECT_TRUE(myRoles(thanh).empty());
  HttpResult accepted = thanh.postJson(kConference + "/committee/me/response", R"({"response":"accept"})");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()->getValue<std::string>("status"), "accepted");
  EXPECT_EQ(myRoles(thanh), (std::vector<std::string>{"senior_pc"}));
  EXPECT_EQ(thanh.postJson(kConference + "/committee/me/response", R"({"response":"maybe"})").errorField(),
            "response");
  ASSERT_EQ(thanh.postJson(kConference + "/committee/me/response", R"({"response":"decline"})").status, 200);
  EXPECT_TRUE(myRoles(thanh).empty());
  EXPECT_EQ(world.as("khanh@hcma.example")
                .postJson(kConference + "/committee/me/response", R"({"response":"accept"})")
                .status,
            404);
  // A member who declined can be invited again.
  EXPECT_EQ(chair.postJson(kConference + "/committee", R"({"email":"thanh@tdmu.example"})").status, 201);
  EXPECT_EQ(mails("thanh@tdmu.example"), 2u);
}

TEST_F(CommitteeApiTest, ChairsListAndChangeMembers) {
  const int64_t thanh = world.member("thanh@tdmu.example");
  world.member("khanh@hcma.example");
  world.member("duong@uel.example", R"(,"role":"senior_pc")", false);
  Client& chair = world.chair();
  HttpResult list = chair.get(kConference + "/committee");
  ASSERT_EQ(list.status, 200) << list.body;
  // Vietnamese order: Dương before Đặng (Đ is a letter after D), then Huỳnh.
  EXPECT_EQ(column(list.json()->getArray("members"), "family_name"),
            (std::vector<std::string>{"Dương", "Đặng", "Huỳnh"}));
  EXPECT_EQ(column(list.json()->getArray("members"), "status"),
            (std::vector<std::string>{"invited", "accepted", "accepted"}));

  const std::string path = kConference + "/committee/" + std::to_string(thanh);
  HttpResult changed = chair.request(
      "PATCH", path, R"({"max_load":3,"min_load":1,"topics":["Kinh tế số",1],"role":"senior_pc"})",
      "application/json");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()->getValue<int>("max_load"), 3);
  EXPECT_EQ(column(changed.json()->getArray("topics"), "name"),
            (std::vector<std::string>{"Chuyển đổi số", "Kinh tế số"}));
  EXPECT_EQ(myRoles(world.as("thanh@tdmu.example")), (std::vector<std::string>{"senior_pc"}));
  for (const auto& [body, field] :
       std::vector<std::pair<std::string, std::string>>{{R"({"min_load":9})", "min_load"},
                                                        {R"({"max_load":5000})", "max_load"},
                                                        {R"({"role":"author"})", "role"},
                                                        {R"({"topics":"Kinh tế số"})", "topics"},
                                                        {R"({"status":"accepted"})", "status"}}) {
    HttpResult r = chair.request("PATCH", path, body, "application/json");
    EXPECT_EQ(r.status, 422) << body << " → " << r.body;
    EXPECT_EQ(r.errorField(), field) << body;
  }
  HttpResult unlimited = chair.request("PATCH", path, R"({"max_load":null})", "application/json");
  ASSERT_EQ(unlimited.status, 200);
  EXPECT_TRUE(unlimited.json()->isNull("max_load"));
  EXPECT_EQ(chair.request("PATCH", kConference + "/committee/999999", "{}", "application/json").status, 404);
  EXPECT_EQ(chair.request("PATCH", kConference + "/committee/me", "{}", "application/json").status, 404);
  EXPECT_EQ(world.as("khanh@hcma.example").request("PATCH", path, "{}", "application/json").status, 403);

  // A committee role granted directly through the roles API makes an accepted member.
  world.account("direct@sonv.example", "Trần", "Văn Trực", "Sở Nội vụ");
  ASSERT_EQ(chair.postJson(kConference + "/roles", R"({"email":"direct@sonv.example","role":"pc"})").status,
            204);
  EXPECT_EQ(world.as("direct@sonv.example")
                .get(kConference + "/committee/me")
                .json()
                ->getValue<std::string>("status"),
            "accepted");
  ASSERT_EQ(chair.request("DELETE", kConference + "/roles?email=direct@sonv.example&role=pc").status, 204);
  EXPECT_EQ(world.as("direct@sonv.example")
                .get(kConference + "/committee/me")
                .json()
                ->getValue<std::string>("status"),
            "declined");
}

TEST_F(CommitteeApiTest, ImportsACsvListAllOrNothing) {
  world.member("thanh@tdmu.example");
  Client& chair = world.chair();
  const std::string csv =
      "name,email,affiliation,topics,min_load,max_load,role\n"
      "Huỳnh Văn Thạnh,thanh@tdmu.example,,Đô thị thông minh,2,6,senior pc\n"
      "Đặng Quốc Khánh,khanh@hcma.example,,\"Chuyển đổi số;Kinh tế số\",,4,\n"
      "Võ Hoàng Phúc,phuc@hcmussh.example,\"Trường Đại học Khoa học Xã hội và Nhân văn\",,,,pc\n";
  HttpResult imported =
      chair.request("POST", kConference + "/committee/import", csv, "text/csv; charset=utf-8");
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json()->getValue<int>("invited"), 2);
  EXPECT_EQ(imported.json()->getValue<int>("updated"), 1);
  auto members = chair.get(kConference + "/committee").json()->getArray("members");
  EXPECT_EQ(column(members, "family_name"), (std::vector<std::string>{"Đặng", "Huỳnh", "Võ"}));
  EXPECT_EQ(column(members, "role"), (std::vector<std::string>{"pc", "senior_pc", "pc"}));
  EXPECT_EQ(column(members, "status"), (std::vector<std::string>{"invited", "accepted", "invited"}));
  EXPECT_EQ(column(members, "max_load"), (std::vector<std::string>{"4", "6", ""}));
  EXPECT_EQ(mails("thanh@tdmu.example"), 1u);  // already a member: not invited twice
  EXPECT_EQ(mails("phuc@hcmussh.example"), 1u);

  // One bad line refuses the whole file, naming the line and the column.
  const std::string bad =
      "email,name,max_load\n"
      "nguoimoi@bdu.example,Phan Văn Mới,3\n"
      "\n"
      "khong-phai-email,Lỗi Địa Chỉ,2\n";
  HttpResult refused = chair.request("POST", kConference + "/committee/import", bad, "text/csv");
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.errorField(), "line[4].email");
  EXPECT_EQ(refused.json()->getObject("error")->getValue<std::string>("message").rfind("line 4: ", 0), 0u)
      << refused.body;
  EXPECT_EQ(chair.get(kConference + "/committee").json()->getArray("members")->size(), 3u);
  EXPECT_EQ(mails("nguoimoi@bdu.example"), 0u);

  HttpResult twice = chair.request("POST", kConference + "/committee/import",
                                   "email\nkhanh@hcma.example\nKHANH@hcma.example\n", "text/csv");
  EXPECT_EQ(twice.errorField(), "line[3].email");
  EXPECT_EQ(chair.request("POST", kConference + "/committee/import", csv, "application/json").status, 415);
  EXPECT_EQ(world.as("thanh@tdmu.example")
                .request("POST", kConference + "/committee/import", csv, "text/csv")
                .status,
            403);
}

TEST_F(CommitteeApiTest, MembersKeepAProfileWithPastPapers) {
  world.member("thanh@tdmu.example", R"(,"topics":["Chuyển đổi số"])");
  Client& thanh = world.as("thanh@tdmu.example");
  const std::string path = kConference + "/committee/me/profile";
  HttpResult empty = thanh.get(path);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.json()->getValue<std::string>("text"), "");
  EXPECT_EQ(column(empty.json()->getArray("topics"), "name"), (std::vector<std::string>{"Chuyển đổi số"}));

  HttpResult put = thanh.request(
      "PUT", path,
      R"({"text":"Chi\u0301nh quye\u0302\u0300n so\u0302\u0301 cấp tỉnh;\r\n\r\ndịch vụ công","topics":["Đô thị thông minh"]})",
      "application/json");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()->getValue<std::string>("text"), "Chính quyền số cấp tỉnh;\n\ndịch vụ công");
  EXPECT_EQ(column(put.json()->getArray("topics"), "name"), (std::vector<std::string>{"Đô thị thông minh"}));
  // What GET returns goes back unchanged.
  std::ostringstream back;
  put.json()->stringify(back);
  EXPECT_EQ(thanh.request("PUT", path, back.str(), "application/json").status, 200);
  EXPECT_EQ(thanh.request("PUT", path, R"({"text":")" + std::string(20001, 'a') + "\"}", "application/json")
                .errorField(),
            "text");
  EXPECT_EQ(thanh.request("PUT", path, R"({"bio":"x"})", "application/json").errorField(), "bio");

  // A past paper: its text is extracted (in the preflight worker) and kept, the file is not.
  const std::string pdf = cptest::miniPdf({.lines = {"Digital government services in Binh Duong province."}});
  HttpResult paper = thanh.request("PUT", path + "/papers?filename=bai-cu.pdf", pdf, "application/pdf");
  ASSERT_EQ(paper.status, 201) << paper.body;
  auto p = paper.json()->getObject("paper");
  EXPECT_EQ(p->getValue<std::string>("file_name"), "bai-cu.pdf");
  EXPECT_EQ(p->getValue<int>("pages"), 1);
  EXPECT_GT(p->getValue<int>("text_bytes"), 40);
  EXPECT_EQ(thanh.request("PUT", path + "/papers", pdf, "application/pdf").status,
            201);  // the same file again
  EXPECT_EQ(thanh.get(path).json()->getArray("papers")->size(), 1u);
  {
    Poco::Data::Session s = world.server.runtime().db.session();
    auto c = store::ConferenceRepository(s).findBySlug("pc22");
    auto person = world.as("thanh@tdmu.example")
                      .get("/api/v1/accounts/me")
                      .json()
                      ->getObject("account")
                      ->getValue<int64_t>("id");
    auto stored = store::CommitteeRepository(s).papers(c->id, person, true);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_NE(stored[0].text.find("Digital government services in Binh Duong"), std::string::npos)
        << stored[0].text;
  }
  HttpResult junk = thanh.request("PUT", path + "/papers", "hello, not a PDF", "application/pdf");
  EXPECT_EQ(junk.status, 422) << junk.body;
  EXPECT_EQ(junk.errorField(), "pdf");
  EXPECT_EQ(thanh.request("PUT", path + "/papers", pdf, "text/plain").status, 415);

  const std::string one = path + "/papers/" + std::to_string(p->getValue<int64_t>("id"));
  EXPECT_EQ(thanh.request("DELETE", one).status, 204);
  EXPECT_EQ(thanh.request("DELETE", one).status, 404);
  EXPECT_EQ(thanh.get(path).json()->getArray("papers")->size(), 0u);
  // Only members have a profile.
  EXPECT_EQ(world.as("khanh@hcma.example").get(path).status, 404);
}

TEST_F(CommitteeApiTest, PastPaperTextIsBounded) {
  world.member("thanh@tdmu.example");
  auto& rt = world.server.runtime();
  committee::ProfileLimits limits;
  limits.paperTextBytes = 40;
  committee::ReviewerProfileService small(rt.db, rt.files, rt.preflight, limits);
  auth::Principal who;
  {
    Poco::Data::Session s = rt.db.session();
    auto account = store::PeopleRepository(s).findAccountByEmail("thanh@tdmu.example");
    who.personId = account->person.id;
    who.email = account->person.email;
  }
  // Vietnamese text would be cut on a character boundary; the PDF's ASCII text is cut at 40 bytes.
  auto paper = small.addPaper("pc22", cptest::miniPdf({}), "a.pdf", who, {"127.0.0.1", "test", {}});
  EXPECT_LE(paper.textBytes, 40);
  EXPECT_GT(paper.textBytes, 20);
}
