// Words and match terms: ICU word breaking on Vietnamese, NFC, case folding, diacritics kept and stripped,
// syllable pairs only across white space.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "text/Tokenizer.h"

using namespace confpress;

namespace {

std::set<std::string> termSet(const std::string& text) {
  const auto terms = text::matchTerms(text);
  return {terms.begin(), terms.end()};
}

std::set<std::string> shared(const std::string& a, const std::string& b) {
  const auto x = termSet(a), y = termSet(b);
  std::set<std::string> out;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::inserter(out, out.begin()));
  return out;
}

}  // namespace

TEST(Tokenizer, SplitsVietnameseIntoFoldedSyllables) {
  const auto ws = text::words("Chính quyền SỐ, tỉnh Bình Dương (2022)!");
  std::vector<std::string> folded, stripped;
  std::vector<bool> follows;
  for (const auto& w : ws) {
    folded.push_back(w.folded);
    stripped.push_back(w.stripped);
    follows.push_back(w.followsWord);
  }
  EXPECT_EQ(folded, (std::vector<std::string>{"chính", "quyền", "số", "tỉnh", "bình", "dương", "2022"}));
  EXPECT_EQ(stripped, (std::vector<std::string>{"chinh", "quyen", "so", "tinh", "binh", "duong", "2022"}));
  // The comma and the parenthesis separate; spaces do not.
  EXPECT_EQ(follows, (std::vector<bool>{false, true, true, false, true, true, false}));
}

TEST(Tokenizer, NormalisesDecomposedInputAndFoldsCase) {
  // "Đặng" typed with combining marks (e + dot below + circumflex… in another order) is the same word.
  const auto ws = text::words("\xC4\x90\x61\xCC\xA3\xCC\x86ng ĐẶNG");
  ASSERT_EQ(ws.size(), 2u);
  EXPECT_EQ(ws[0].folded, "đặng");
  EXPECT_EQ(ws[1].folded, "đặng");
  EXPECT_EQ(ws[0].stripped, "dang");
}

TEST(Tokenizer, TermsHaveBothFormsAndSyllablePairs) {
  EXPECT_EQ(text::matchTerms("Quản lý"),
            (std::vector<std::string>{"quản", "~quan", "lý", "~ly", "quản lý", "~quan ly"}));
  EXPECT_TRUE(text::matchTerms("").empty());
  EXPECT_TRUE(text::matchTerms(" , ; ").empty());
}

TEST(Tokenizer, TextWithoutDiacriticsMatchesOnTheStrippedFormsOnly) {
  EXPECT_EQ(shared("chinh quyen so", "Chính quyền số"),
            (std::set<std::string>{"~chinh", "~chinh quyen", "~quyen", "~quyen so", "~so"}));
  // Same text with diacritics: every form matches, twice the terms.
  EXPECT_EQ(shared("chính quyền số", "Chính quyền số").size(), 10u);
  // "số" (digital) and "sở" (department) only meet without their diacritics.
  EXPECT_EQ(shared("số", "sở"), (std::set<std::string>{"~so"}));
  // Pairs do not cross punctuation: "số, sở" has no pair.
  EXPECT_EQ(termSet("số, sở").count("số sở"), 0u);
}
