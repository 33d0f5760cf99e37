// The affinity combination (0.7 normalised BM25 + 0.3 topic overlap), sparsity (top K per paper and per
// reviewer) and exclusions (conflicts take no place among the K best).
#include <gtest/gtest.h>

#include <map>

#include "affinity/AffinityModel.h"
#include "text/Tokenizer.h"

using namespace confpress;
using affinity::AffinityDocument;

namespace {

std::map<std::pair<int64_t, int64_t>, double> byPair(const std::vector<affinity::AffinityPair>& pairs) {
  std::map<std::pair<int64_t, int64_t>, double> out;
  for (const auto& p : pairs) out[{p.paperId, p.reviewerId}] = p.score;
  return out;
}

const std::vector<AffinityDocument> kReviewers = {
    {101, "Chính quyền số, dịch vụ công trực tuyến, chuyển đổi số ở cấp tỉnh", {1, 2}},
    {102, "Kinh tế số, thương mại điện tử, doanh nghiệp nhỏ và vừa", {3}},
    {103, "Văn học dân gian, lịch sử địa phương", {}}};

}  // namespace

TEST(AffinityModel, CombinesNormalisedBm25WithTopicOverlap) {
  const std::vector<AffinityDocument> papers = {
      {1, "Chính quyền số cấp tỉnh: dịch vụ công trực tuyến", {1, 3}}};
  const auto pairs = byPair(affinity::computeAffinities(papers, kReviewers));
  // Reviewer 101 matches best (text share 1) and covers topic 1 of {1, 3}: 0.7 + 0.3 · 1/2.
  EXPECT_NEAR(pairs.at({1, 101}), 0.85, 1e-12);
  // Reviewer 102: its BM25 relative to 101's, plus topic 3 of {1, 3}.
  std::vector<std::vector<std::string>> docs;
  for (const auto& r : kReviewers) docs.push_back(text::matchTerms(r.text));
  const auto bm25 = affinity::Bm25Index(docs).scores(text::matchTerms(papers[0].text));
  ASSERT_GT(bm25[0], bm25[1]);
  EXPECT_NEAR(pairs.at({1, 102}), 0.7 * bm25[1] / bm25[0] + 0.15, 1e-12);
  // Reviewer 103 shares nothing: no pair is kept.
  EXPECT_EQ(pairs.count({1, 103}), 0u);
}

TEST(AffinityModel, KeepsTheKBestPerPaperAndPerReviewer) {
  const std::vector<AffinityDocument> papers = {{1, "chính quyền số", {1}},
                                                {2, "dịch vụ công trực tuyến", {2}},
                                                {3, "thương mại điện tử", {3}},
                                                {4, "chuyển đổi số ở cấp tỉnh", {}}};
  affinity::AffinityOptions options;
  options.topK = 1;
  const auto all = byPair(affinity::computeAffinities(papers, kReviewers));
  const auto sparse = byPair(affinity::computeAffinities(papers, kReviewers, options));
  EXPECT_LT(sparse.size(), all.size());
  // Every kept pair is the best of its paper or of its reviewer, with the same score as in the full run.
  for (const auto& [pair, score] : sparse) {
    EXPECT_DOUBLE_EQ(score, all.at(pair));
    bool bestOfPaper = true, bestOfReviewer = true;
    for (const auto& [other, s] : all) {
      if (other.first == pair.first && s > score) bestOfPaper = false;
      if (other.second == pair.second && s > score) bestOfReviewer = false;
    }
    EXPECT_TRUE(bestOfPaper || bestOfReviewer) << pair.first << "," << pair.second;
  }
  // Each paper with any match keeps its best reviewer; each reviewer with any match its best paper.
  for (int64_t paper : {1, 2, 3, 4}) EXPECT_TRUE(sparse.count({paper, paper == 3 ? 102 : 101})) << paper;
}

TEST(AffinityModel, ExcludedPairsAreNeitherScoredNorCounted) {
  const std::vector<AffinityDocument> papers = {{1, "Chính quyền số cấp tỉnh", {1}}};
  const auto pairs = byPair(affinity::computeAffinities(
      papers, kReviewers, {}, [](int64_t paper, int64_t reviewer) { return paper == 1 && reviewer == 101; }));
  EXPECT_EQ(pairs.count({1, 101}), 0u);
  // Without 101, reviewer 102 is the best text match left and gets the full text share.
  ASSERT_TRUE(pairs.count({1, 102}));
  EXPECT_NEAR(pairs.at({1, 102}), 0.7, 1e-12);
}
