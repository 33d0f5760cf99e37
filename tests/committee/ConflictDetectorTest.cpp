// Detection rules: authorship, co-authorship on another paper, same e-mail domain (public providers
// excluded), same affiliation after normalisation; one conflict per pair with every reason as evidence.
#include <gtest/gtest.h>

#include "committee/ConflictDetector.h"

using namespace confpress;
using committee::DetectionPaper;
using committee::DetectionPerson;

namespace {

DetectionPerson member(int64_t id, const std::string& email, const std::string& name,
                       const std::string& affiliation) {
  return {id, email, name, affiliation};
}

DetectionPerson author(const std::string& email, const std::string& name, const std::string& affiliation) {
  return {std::nullopt, email, name, affiliation};
}

}  // namespace

TEST(ConflictDetector, NormalisesAffiliationsAndReadsDomains) {
  EXPECT_EQ(committee::normaliseAffiliation("  Trường Đại học  Thủ Dầu Một "), "truong dai hoc thu dau mot");
  EXPECT_EQ(committee::normaliseAffiliation("TRƯỜNG ĐẠI HỌC THỦ DẦU MỘT"), "truong dai hoc thu dau mot");
  EXPECT_EQ(committee::normaliseAffiliation("Trường Đại học Kinh tế – Luật, ĐHQG-HCM"),
            "truong dai hoc kinh te luat dhqg hcm");
  EXPECT_EQ(committee::normaliseAffiliation(" – "), "");
  EXPECT_EQ(committee::mailDomain("Hung.NV@TDMU.edu.vn"), "tdmu.edu.vn");
  EXPECT_EQ(committee::mailDomain("nobody"), "");
  for (const char* provider : {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com"})
    EXPECT_TRUE(committee::publicMailDomains().count(provider)) << provider;
}

TEST(ConflictDetector, FindsEachRuleWithItsEvidence) {
  const std::vector<DetectionPerson> members = {
      member(1, "thanh.hv@tdmu.edu.vn", "Huỳnh Văn Thạnh", "Trường Đại học Thủ Dầu Một"),
      member(2, "lan@gmail.com", "Lê Thị Lan", "Sở Nội vụ tỉnh Bình Dương"),
      member(3, "khanh@hcma.edu.vn", "Đặng Quốc Khánh", "Học viện Chính trị quốc gia Hồ Chí Minh")};
  const std::vector<DetectionPaper> papers = {
      {10, 1, {author("hung.nv@tdmu.edu.vn", "Nguyễn Văn Hùng", "Khoa Kinh tế")}},
      {11, 2, {author("hoa@gmail.com", "Trần Thị Hoa", "sở nội vụ tỉnh bình dương")}},
      {12,
       3,
       {author("khanh@hcma.edu.vn", "Đặng Quốc Khánh", ""), author("minh@uel.edu.vn", "Phạm Minh", "")}},
      {13, 4, {author("minh@uel.edu.vn", "Phạm Minh", "")}}};
  const auto found = committee::detectConflicts(members, papers);
  ASSERT_EQ(found.size(), 4u);
  // Same domain, not a public provider.
  EXPECT_EQ(found[0].submissionId, 10);
  EXPECT_EQ(found[0].personId, 1);
  EXPECT_EQ(found[0].type, "institutional");
  EXPECT_EQ(found[0].evidence, "same domain tdmu.edu.vn: thanh.hv@tdmu.edu.vn and hung.nv@tdmu.edu.vn");
  // gmail.com says nothing; the affiliation does, after case and diacritic folding.
  EXPECT_EQ(found[1].submissionId, 11);
  EXPECT_EQ(found[1].personId, 2);
  EXPECT_EQ(found[1].evidence,
            "same affiliation \u201Csở nội vụ tỉnh bình dương\u201D: Lê Thị Lan and Trần Thị Hoa");
  // An author of the paper.
  EXPECT_EQ(found[2].submissionId, 12);
  EXPECT_EQ(found[2].personId, 3);
  EXPECT_EQ(found[2].type, "author");
  // Co-authors on #3, so conflicted with #4 of Phạm Minh.
  EXPECT_EQ(found[3].submissionId, 13);
  EXPECT_EQ(found[3].personId, 3);
  EXPECT_EQ(found[3].type, "collaborator");
  EXPECT_EQ(found[3].evidence, "co-authors on #3: Đặng Quốc Khánh with Phạm Minh");
}

TEST(ConflictDetector, SeveralReasonsMakeOneConflictOfTheStrongestType) {
  const std::vector<DetectionPerson> members = {
      member(1, "a@tdmu.edu.vn", "A", "Trường Đại học Thủ Dầu Một")};
  const std::vector<DetectionPaper> papers = {
      {10, 1, {author("a@tdmu.edu.vn", "A", ""), author("b@tdmu.edu.vn", "B", "")}},
      {11, 2, {author("b@tdmu.edu.vn", "B", "Trường Đại học Thủ Dầu Một")}}};
  const auto found = committee::detectConflicts(members, papers);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].type, "author");
  EXPECT_EQ(found[1].type, "collaborator");
  EXPECT_EQ(found[1].evidence,
            "co-authors on #1: A with B; same domain tdmu.edu.vn: a@tdmu.edu.vn and b@tdmu.edu.vn; same "
            "affiliation "
            "\u201CTrường Đại học Thủ Dầu Một\u201D: A and B");
}
