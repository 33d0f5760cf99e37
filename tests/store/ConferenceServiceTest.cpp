#include <gtest/gtest.h>

#include "core/Errors.h"
#include "support/TestRuntime.h"

using namespace confpress;

namespace {

const auth::Origin kOrigin{"127.0.0.1", "test", {}};

conference::ConferenceInput workshop() {
  conference::ConferenceInput in;
  in.slug = "bd-2022";
  in.title = "Xây dựng chính quyền số tỉnh Bình Dương – Lý luận và thực tiễn";
  in.timezone = "Asia/Ho_Chi_Minh";
  in.startDate = "2022-11-25";
  in.endDate = "2022-11-25";
  in.topics = std::vector<conference::TopicInput>{{"Đô thị thông minh", "Smart cities"},
                                                  {"Chuyển đổi số trong quản trị nhà nước", ""}};
  return in;
}

}  // namespace

class ConferenceServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    rt = cptest::makeRuntime(dir);
    admin = rt->accounts.registerAccount(cptest::sampleAccount("admin@x.example"), kOrigin, true);
    member = rt->accounts.registerAccount(cptest::sampleAccount("member@x.example"), kOrigin);
  }
  cptest::TempDir dir;
  std::unique_ptr<app::Runtime> rt;
  auth::Principal admin, member;
};

TEST_F(ConferenceServiceTest, AdminsCreateOthersMayNot) {
  EXPECT_THROW(rt->conferences.create(workshop(), member, kOrigin), Forbidden);
  auto c = rt->conferences.create(workshop(), admin, kOrigin);
  EXPECT_EQ(c.slug, "bd-2022");
  ASSERT_EQ(c.topics.size(), 2u);
  EXPECT_EQ(c.topics[0].nameEn, "Smart cities");
  EXPECT_THROW(rt->conferences.create(workshop(), admin, kOrigin), Conflict);
  EXPECT_EQ(rt->conferences.list().size(), 1u);
}

TEST_F(ConferenceServiceTest, ValidatesEachFieldByName) {
  auto check = [&](conference::ConferenceInput in, const std::string& field) {
    try {
      rt->conferences.create(in, admin, kOrigin);
      ADD_FAILURE() << field << " accepted";
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.field(), field);
    }
  };
  auto in = workshop();
  in.slug = "Bad Slug";
  check(in, "slug");
  in = workshop();
  in.timezone = "Mars/Olympus";
  check(in, "timezone");
  in = workshop();
  in.startDate = "2022-02-30";
  check(in, "start_date");
  in = workshop();
  in.endDate = "2022-11-24";
  check(in, "end_date");
  in = workshop();
  in.topics->push_back({"đô thị THÔNG MINH", ""});
  check(in, "topics[2].name");
  EXPECT_TRUE(rt->conferences.list().empty());
}

TEST_F(ConferenceServiceTest, ChairsEditAndGrantRolesSortedInVietnameseOrder) {
  rt->conferences.create(workshop(), admin, kOrigin);
  conference::ConferenceInput edit;
  edit.venue = "Thủ Dầu Một";
  EXPECT_THROW(rt->conferences.update("bd-2022", edit, member, kOrigin), Forbidden);
  rt->conferences.grantRole("bd-2022", {"member@x.example", "chair", "", "", ""}, admin, kOrigin);
  EXPECT_EQ(rt->conferences.update("bd-2022", edit, member, kOrigin).venue, "Thủ Dầu Một");
  EXPECT_THROW(rt->conferences.grantRole("bd-2022", {"x@x.example", "admin", "A", "B", ""}, member, kOrigin),
               Forbidden);
  // A chair adds people not yet known by e-mail, given their names.
  EXPECT_THROW(rt->conferences.grantRole("bd-2022", {"new@x.example", "pc", "", "", ""}, member, kOrigin),
               ValidationError);
  rt->conferences.grantRole("bd-2022", {"zhou@x.example", "pc", "Zhou", "Wei", ""}, member, kOrigin);
  rt->conferences.grantRole("bd-2022", {"dang@x.example", "pc", "Đặng", "Văn Bình", ""}, member, kOrigin);
  rt->conferences.grantRole("bd-2022", {"duong@x.example", "pc", "Dương", "Thị Mai", ""}, member, kOrigin);
  std::vector<std::string> families;
  for (const auto& h : rt->conferences.roleHolders("bd-2022", member)) families.push_back(h.familyName);
  EXPECT_EQ(families, (std::vector<std::string>{"Dương", "Đặng", "Trần", "Zhou"}));
  rt->conferences.revokeRole("bd-2022", "zhou@x.example", "pc", member, kOrigin);
  EXPECT_THROW(rt->conferences.revokeRole("bd-2022", "zhou@x.example", "pc", member, kOrigin), NotFound);
}
