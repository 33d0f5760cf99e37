// BM25 numbers checked by hand on a three-document corpus, and on Vietnamese text with and without
// diacritics.
#include <gtest/gtest.h>

#include <cmath>

#include "affinity/Bm25.h"
#include "text/Tokenizer.h"

using namespace confpress;

// D0 = a b a (3 terms), D1 = b c (2), D2 = c c c d (4): N = 3, avgdl = 3, k1 = 1.2, b = 0.75.
//   idf(a) = ln(1 + (3 − 1 + 0.5) / (1 + 0.5)) = ln(8/3) = 0.980829…;  idf(b) = idf(c) = ln(1.6) = 0.470004…
//   q = a b, D0: a: tf 2, |d| = avgdl → 2·2.2 / (2 + 1.2) = 1.375;  b: 1·2.2 / (1 + 1.2) = 1
//                 0.980829·1.375 + 0.470004·1 = 1.818644
//            D1: b: tf 1, 1 − 0.75 + 0.75·2/3 = 0.75 → 2.2 / (1 + 0.9) = 1.157895 → 0.544215
//   q = c,   D2: tf 3, 0.25 + 0.75·4/3 = 1.25 → 6.6 / (3 + 1.5) = 1.466667 → 0.689339
TEST(Bm25, MatchesHandComputedScores) {
  const affinity::Bm25Index index({{"a", "b", "a"}, {"b", "c"}, {"c", "c", "c", "d"}});
  EXPECT_EQ(index.size(), 3u);
  EXPECT_DOUBLE_EQ(index.averageLength(), 3.0);
  EXPECT_NEAR(index.idf("a"), std::log(8.0 / 3.0), 1e-12);
  EXPECT_NEAR(index.idf("b"), std::log(1.6), 1e-12);
  EXPECT_EQ(index.idf("zzz"), 0.0);

  const auto ab = index.scores({"a", "b"});
  EXPECT_NEAR(ab[0], 1.8186438521368593, 1e-9);
  EXPECT_NEAR(ab[1], 0.5442147286003255, 1e-9);
  EXPECT_EQ(ab[2], 0.0);
  // A repeated query term counts once.
  EXPECT_EQ(index.scores({"a", "a", "b"}), ab);
  const auto c = index.scores({"c"});
  EXPECT_NEAR(c[1], 0.5442147286003255, 1e-9);
  EXPECT_NEAR(c[2], 0.6893386562270789, 1e-9);
  EXPECT_EQ(c[0], 0.0);
}

TEST(Bm25, EmptyCorpusAndEmptyDocumentsScoreZero) {
  EXPECT_TRUE(affinity::Bm25Index(std::vector<std::vector<std::string>>{}).scores({"a"}).empty());
  const affinity::Bm25Index blank(std::vector<std::vector<std::string>>(2));
  EXPECT_EQ(blank.scores({"a"}), (std::vector<double>{0, 0}));
}

TEST(Bm25, VietnameseWithDiacriticsRanksAboveWithoutAboveUnrelated) {
  const affinity::Bm25Index index({text::matchTerms("Nghiên cứu chính quyền số và dịch vụ công trực tuyến"),
                                   text::matchTerms("nghien cuu chinh quyen so va dich vu cong truc tuyen"),
                                   text::matchTerms("Lịch sử văn học dân gian Nam Bộ")});
  const auto s = index.scores(text::matchTerms("Chính quyền số ở Bình Dương"));
  EXPECT_GT(s[0], s[1]);
  EXPECT_GT(s[1], 0.0);
  EXPECT_EQ(s[2], 0.0);
  // Typed without diacritics, the query still finds both, the plain one first.
  const auto plain = index.scores(text::matchTerms("chinh quyen so"));
  EXPECT_GT(plain[1], plain[0]);
  EXPECT_GT(plain[0], 0.0);
}
