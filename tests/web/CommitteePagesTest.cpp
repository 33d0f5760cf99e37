// The chairs' committee pages and the members' invitation and profile pages over real HTTP: forms with
// CSRF, errors beside the field that caused them, the CSV import naming the line, and the rows the
// services wrote read back from the database.
#include <gtest/gtest.h>

#include <regex>

#include "store/CommitteeRepository.h"
#include "store/ConferenceRepository.h"
#include "store/Outbox.h"
#include "store/PeopleRepository.h"
#include "support/CommitteeWorld.h"
#include "support/Forms.h"

using namespace confpress;
using cptest::Client;
using cptest::contains;
using cptest::HttpResult;

namespace {
const std::string kPages = "/c/pc22";
}  // namespace

class CommitteePagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world.account("thanh@tdmu.example", "Huỳnh", "Văn Thạnh", "Trường Đại học Thủ Dầu Một");
    world.account("khanh@hcma.example", "Đặng", "Quốc Khánh", "Học viện Chính trị quốc gia Hồ Chí Minh");
    world.account("duong@uel.example", "Dương", "Thị Mai", "Trường Đại học Kinh tế – Luật");
  }

  int64_t personId(const std::string& email) {
    Poco::Data::Session s = world.server.runtime().db.session();
    return store::PeopleRepository(s).findPersonByEmail(email)->id;
  }

  std::optional<store::CommitteeMemberRecord> membership(const std::string& email) {
    Poco::Data::Session s = world.server.runtime().db.session();
    const int64_t conference = store::ConferenceRepository(s).findBySlug("pc22")->id;
    return store::CommitteeRepository(s).find(conference, personId(email));
  }

  std::vector<std::string> roles(const std::string& email) {
    Poco::Data::Session s = world.server.runtime().db.session();
    const int64_t conference = store::ConferenceRepository(s).findBySlug("pc22")->id;
    return store::ConferenceRepository(s).rolesOf(conference, personId(email));
  }

  std::string topicId(const std::string& name) {
    Poco::Data::Session s = world.server.runtime().db.session();
    const auto conference = store::ConferenceRepository(s).findBySlug("pc22");
    for (const auto& t : conference->topics)
      if (t.name == name) return std::to_string(t.id);
    return "";
  }

  cptest::CommitteeWorld world;
};

TEST_F(CommitteePagesTest, ChairsInviteMembersThroughTheForm) {
  Client& chair = world.chair();
  HttpResult page = chair.get(kPages + "/committee");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "id=\"invite-form\""));
  EXPECT_TRUE(contains(page.body, "<label for=\"invite-email\">"));
  const std::string csrf = cptest::inputValue(page.body, "csrf");
  const cptest::Fields invite = {{"email", "thanh@tdmu.example"},
                                 {"role", "senior_pc"},
                                 {"min_load", "1"},
                                 {"max_load", "4"},
                                 {"topic", topicId("Chuyển đổi số")},
                                 {"topic", topicId("Kinh tế số")}};

  // Without the CSRF token nothing happens.
  EXPECT_EQ(cptest::postFields(chair, kPages + "/committee", invite).status, 403);
  EXPECT_FALSE(membership("thanh@tdmu.example"));

  cptest::Fields withToken = invite;
  withToken.push_back({"csrf", csrf});
  HttpResult made = cptest::postFields(chair, kPages + "/committee", withToken);
  ASSERT_EQ(made.status, 303) << made.body;
  auto m = membership("thanh@tdmu.example");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, "invited");
  EXPECT_EQ(m->role, "senior_pc");
  EXPECT_EQ(m->minLoad, 1);
  EXPECT_EQ(m->maxLoad, 4);
  EXPECT_EQ(m->topicIds.size(), 2u);
  {
    Poco::Data::Session s = world.server.runtime().db.session();
    auto mail = store::mailTo(s, "thanh@tdmu.example");
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_TRUE(contains(mail[0].bodyText, "/c/pc22/invitation")) << mail[0].bodyText;
  }
  HttpResult listed = chair.get(kPages + "/committee");
  EXPECT_TRUE(contains(listed.body, "Huỳnh Văn Thạnh"));
  EXPECT_TRUE(contains(listed.body, "member-status-invited"));
  EXPECT_TRUE(contains(listed.body, "1–4"));

  // Errors come back beside the field, with what was typed kept.
  HttpResult again = cptest::postFields(chair, kPages + "/committee", withToken);
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(contains(again.body, "id=\"email-error\"")) << again.body;
  EXPECT_TRUE(contains(again.body, "value=\"thanh@tdmu.example\""));
  HttpResult badLoad = cptest::postFields(
      chair, kPages + "/committee", {{"csrf", csrf}, {"email", "khanh@hcma.example"}, {"max_load", "nhiều"}});
  EXPECT_EQ(badLoad.status, 422);
  EXPECT_TRUE(contains(badLoad.body, "id=\"max_load-error\"")) << badLoad.body;
  EXPECT_TRUE(contains(badLoad.body, "value=\"nhiều\""));
  HttpResult nameless =
      cptest::postFields(chair, kPages + "/committee", {{"csrf", csrf}, {"email", "new@napa.example"}});
  EXPECT_EQ(nameless.status, 422);
  EXPECT_TRUE(contains(nameless.body, "id=\"family_name-error\""));
}

TEST_F(CommitteePagesTest, MembersAreListedInVietnameseOrder) {
  for (const char* email : {"thanh@tdmu.example", "khanh@hcma.example", "duong@uel.example"})
    world.member(email);
  HttpResult page = world.chair().get(kPages + "/committee");
  ASSERT_EQ(page.status, 200);
  const size_t duong = page.body.find("Dương Thị Mai"), dang = page.body.find("Đặng Quốc Khánh"),
               huynh = page.body.find("Huỳnh Văn Thạnh");
  ASSERT_NE(dang, std::string::npos);
  EXPECT_LT(duong, dang);  // D before Đ
  EXPECT_LT(dang, huynh);
}

TEST_F(CommitteePagesTest, CsvImportIsAllOrNothingAndNamesTheLine) {
  Client& chair = world.chair();
  const std::string csrf = cptest::csrfFrom(chair, kPages + "/committee");
  const std::string bad =
      "email,name,role,max_load\n"
      "thanh@tdmu.example,Huỳnh Văn Thạnh,pc,3\n"
      "khanh@hcma.example,Đặng Quốc Khánh,trưởng ban,3\n";
  HttpResult refused =
      cptest::postFields(chair, kPages + "/committee/import", {{"csrf", csrf}, {"csv", bad}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, "id=\"import-error\"")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "Dòng 3, cột <code>role</code>")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "trưởng ban"));  // the pasted list is kept to be corrected
  EXPECT_FALSE(membership("thanh@tdmu.example"));     // nothing of line 2 was kept

  // The same list, corrected, as an uploaded file.
  const std::string good =
      "email,name,role,max_load\n"
      "thanh@tdmu.example,Huỳnh Văn Thạnh,pc,3\n"
      "khanh@hcma.example,Đặng Quốc Khánh,senior pc,2\n";
  HttpResult imported = cptest::postMultipart(chair, kPages + "/committee/import", {{"csrf", csrf}},
                                              {{"csv_file", "ban-chuong-trinh.csv", "text/csv", good}});
  ASSERT_EQ(imported.status, 303) << imported.body;
  EXPECT_EQ(membership("thanh@tdmu.example")->maxLoad, 3);
  EXPECT_EQ(membership("khanh@hcma.example")->role, "senior_pc");
}

TEST_F(CommitteePagesTest, ChairsEditAndRemoveMembers) {
  const int64_t id = world.member("thanh@tdmu.example");
  Client& chair = world.chair();
  const std::string edit = kPages + "/committee/" + std::to_string(id);
  HttpResult form = chair.get(edit);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(contains(form.body, "<label for=\"max_load\">"));
  const std::string csrf = cptest::inputValue(form.body, "csrf");

  HttpResult inverted =
      cptest::postFields(chair, edit, {{"csrf", csrf}, {"role", "pc"}, {"min_load", "5"}, {"max_load", "2"}});
  EXPECT_EQ(inverted.status, 422);
  EXPECT_TRUE(contains(inverted.body, "id=\"min_load-error\"")) << inverted.body;
  EXPECT_TRUE(contains(inverted.body, "value=\"5\""));

  HttpResult saved = cptest::postFields(chair, edit,
                                        {{"csrf", csrf},
                                         {"role", "senior_pc"},
                                         {"min_load", "1"},
                                         {"max_load", ""},
                                         {"topic", topicId("Đô thị thông minh")}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto m = membership("thanh@tdmu.example");
  EXPECT_EQ(m->role, "senior_pc");
  EXPECT_EQ(m->minLoad, 1);
  EXPECT_FALSE(m->maxLoad);
  EXPECT_EQ(m->topicIds, (std::vector<int64_t>{std::stoll(topicId("Đô thị thông minh"))}));
  EXPECT_EQ(roles("thanh@tdmu.example"), (std::vector<std::string>{"senior_pc"}));

  EXPECT_EQ(cptest::postFields(chair, edit + "/remove", {}).status, 403);
  HttpResult removed = cptest::postFields(chair, edit + "/remove", {{"csrf", csrf}});
  ASSERT_EQ(removed.status, 303) << removed.body;
  EXPECT_FALSE(membership("thanh@tdmu.example"));
  EXPECT_TRUE(roles("thanh@tdmu.example").empty());
  EXPECT_EQ(chair.get(edit).status, 404);
}

TEST_F(CommitteePagesTest, OnlyChairsOpenTheCommitteePages) {
  const int64_t id = world.member("thanh@tdmu.example");
  Client& member = world.as("thanh@tdmu.example");
  EXPECT_EQ(member.get(kPages + "/committee").status, 403);
  EXPECT_EQ(member.get(kPages + "/committee/" + std::to_string(id)).status, 403);
  const std::string csrf = cptest::csrfFrom(member, kPages + "/profile");
  EXPECT_EQ(
      cptest::postFields(member, kPages + "/committee", {{"csrf", csrf}, {"email", "khanh@hcma.example"}})
          .status,
      403);
  EXPECT_FALSE(membership("khanh@hcma.example"));
  Client visitor(world.server.port());
  HttpResult anonymous = visitor.get(kPages + "/committee");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.headers["location"], "/signin?next=/c/pc22/committee");
}

TEST_F(CommitteePagesTest, InvitedMembersAcceptOrDeclineOnTheirPage) {
  world.member("thanh@tdmu.example", R"(,"role":"senior_pc")", false);
  Client& thanh = world.as("thanh@tdmu.example");
  HttpResult conference = thanh.get(kPages);
  EXPECT_TRUE(contains(conference.body, "href=\"&#x2F;c&#x2F;pc22&#x2F;invitation\"")) << conference.body;
  HttpResult page = thanh.get(kPages + "/invitation");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "thành viên cao cấp"));
  EXPECT_TRUE(contains(page.body, "id=\"invitation-accept\""));
  const std::string csrf = cptest::inputValue(page.body, "csrf");

  HttpResult accepted =
      cptest::postFields(thanh, kPages + "/invitation", {{"csrf", csrf}, {"response", "accept"}});
  ASSERT_EQ(accepted.status, 303);
  EXPECT_EQ(accepted.headers["location"], "/c/pc22/profile");
  EXPECT_EQ(membership("thanh@tdmu.example")->status, "accepted");
  EXPECT_EQ(roles("thanh@tdmu.example"), (std::vector<std::string>{"senior_pc"}));

  HttpResult declined =
      cptest::postFields(thanh, kPages + "/invitation", {{"csrf", csrf}, {"response", "decline"}});
  ASSERT_EQ(declined.status, 303);
  EXPECT_EQ(membership("thanh@tdmu.example")->status, "declined");
  EXPECT_TRUE(roles("thanh@tdmu.example").empty());

  // Someone never invited has no invitation to see.
  EXPECT_EQ(world.as("khanh@hcma.example").get(kPages + "/invitation").status, 404);
}

TEST_F(CommitteePagesTest, MembersKeepTheirProfileWithPastPapers) {
  world.member("thanh@tdmu.example");
  Client& thanh = world.as("thanh@tdmu.example");
  HttpResult page = thanh.get(kPages + "/profile");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "<label for=\"text\">"));
  const std::string csrf = cptest::inputValue(page.body, "csrf");

  HttpResult saved = cptest::postFields(thanh, kPages + "/profile",
                                        {{"csrf", csrf},
                                         {"text", "Chính quyền số cấp tỉnh; dịch vụ công trực tuyến"},
                                         {"topic", topicId("Đô thị thông minh")}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto m = membership("thanh@tdmu.example");
  EXPECT_EQ(m->profileText, "Chính quyền số cấp tỉnh; dịch vụ công trực tuyến");
  EXPECT_EQ(m->topicIds, (std::vector<int64_t>{std::stoll(topicId("Đô thị thông minh"))}));

  HttpResult tooLong =
      cptest::postFields(thanh, kPages + "/profile", {{"csrf", csrf}, {"text", std::string(20001, 'a')}});
  EXPECT_EQ(tooLong.status, 422);
  EXPECT_TRUE(contains(tooLong.body, "id=\"text-error\""));

  const std::string pdf = cptest::miniPdf({.lines = {"Digital government services in Binh Duong province."}});
  HttpResult uploaded = cptest::postMultipart(thanh, kPages + "/profile/papers", {{"csrf", csrf}},
                                              {{"pdf", "bai-cu.pdf", "application/pdf", pdf}});
  ASSERT_EQ(uploaded.status, 303) << uploaded.body;
  HttpResult listed = thanh.get(kPages + "/profile");
  EXPECT_TRUE(contains(listed.body, "bai-cu.pdf"));
  EXPECT_EQ(membership("thanh@tdmu.example")->papers, 1);

  HttpResult notPdf = cptest::postMultipart(thanh, kPages + "/profile/papers", {{"csrf", csrf}},
                                            {{"pdf", "ghi-chu.txt", "text/plain", "không phải PDF"}});
  EXPECT_EQ(notPdf.status, 422);
  EXPECT_TRUE(contains(notPdf.body, "id=\"pdf-error\"")) << notPdf.body;

  const std::string remove = cptest::inputValue(listed.body, "csrf");
  std::smatch found;
  ASSERT_TRUE(
      std::regex_search(listed.body, found, std::regex("profile&#x2F;papers&#x2F;(\\d+)&#x2F;remove")));
  HttpResult removed =
      cptest::postFields(thanh, kPages + "/profile/papers/" + found[1].str() + "/remove", {{"csrf", remove}});
  ASSERT_EQ(removed.status, 303);
  EXPECT_EQ(membership("thanh@tdmu.example")->papers, 0);
}
