#include <gtest/gtest.h>

#include "sample/SampleLoader.h"
#include "store/ConferenceRepository.h"
#include "store/PeopleRepository.h"
#include "support/TestRuntime.h"

using namespace confpress;

TEST(SampleLoader, LoadsTheBinhDuongWorkshopIdempotently) {
  cptest::TempDir dir;
  auto rt = cptest::makeRuntime(dir);
  const std::string samples = CONFPRESS_SOURCE_DIR "/samples/binhduong";
  sample::SampleSummary first = sample::loadSample(rt->db, samples);
  EXPECT_EQ(first.conferenceSlug, "binhduong-2022");
  EXPECT_GE(first.people, 55);
  EXPECT_EQ(first.accountsCreated, first.people);
  sample::SampleSummary second = sample::loadSample(rt->db, samples);
  EXPECT_EQ(second.accountsCreated, 0);

  Poco::Data::Session s = rt->db.session();
  store::PeopleRepository people(s);
  EXPECT_EQ(people.countAccounts(), first.people);
  auto conference = store::ConferenceRepository(s).findBySlug("binhduong-2022");
  ASSERT_TRUE(conference);
  EXPECT_EQ(conference->title, "Xây dựng chính quyền số tỉnh Bình Dương – Lý luận và thực tiễn");
  bool hasSmartCities = false;
  for (const auto& t : conference->topics) hasSmartCities |= t.name == "Đô thị thông minh";
  EXPECT_TRUE(hasSmartCities);
  std::map<std::string, int> roles;
  for (const auto& h : store::ConferenceRepository(s).roleHolders(conference->id)) ++roles[h.role];
  EXPECT_EQ(roles["chair"], 1);
  EXPECT_EQ(roles["editor"], 1);
  EXPECT_GE(roles["pc"], 10);
  EXPECT_GE(roles["author"], 40);
  // Every demo account signs in with the demo password.
  for (const auto& demo : first.demoAccounts)
    EXPECT_NO_THROW(rt->sessions.signIn(demo.email, first.demoPassword, {"127.0.0.1", "test", {}}))
        << demo.email;
  auto admin = people.findAccountByEmail("admin@confpress.example");
  ASSERT_TRUE(admin);
  EXPECT_TRUE(admin->isAdmin);
}
