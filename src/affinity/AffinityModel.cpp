#include "affinity/AffinityModel.h"

#include <algorithm>
#include <map>
#include <queue>
#include <set>

#include "text/Tokenizer.h"

namespace confpress::affinity {

namespace {

// Better first: higher score, then lower id.
bool better(double a, int64_t aId, double b, int64_t bId) {
  return a != b ? a > b : aId < bId;
}

double topicOverlap(const std::vector<int64_t>& paper, const std::vector<int64_t>& reviewer) {
  if (paper.empty()) return 0;
  const std::set<int64_t> theirs(reviewer.begin(), reviewer.end());
  const std::set<int64_t> distinct(paper.begin(), paper.end());
  size_t shared = 0;
  for (int64_t t : distinct) shared += theirs.count(t);
  return static_cast<double>(shared) / static_cast<double>(distinct.size());
}

}  // namespace

std::vector<AffinityPair> computeAffinities(const std::vector<AffinityDocument>& papers,
                                            const std::vector<AffinityDocument>& reviewers,
                                            const AffinityOptions& options,
                                            const std::function<bool(int64_t, int64_t)>& excluded) {
  std::vector<std::vector<std::string>> profiles;
  profiles.reserve(reviewers.size());
  for (const auto& r : reviewers) profiles.push_back(text::matchTerms(r.text));
  const Bm25Index index(profiles, options.bm25);
  const size_t k = options.topK;

  // Per reviewer, the K best pairs so far in a heap whose top is the worst of them.
  struct Entry {
    double score;
    int64_t paperId;
    size_t paper;
  };
  const auto worseOnTop = [](const Entry& a, const Entry& b) {
    return better(a.score, a.paperId, b.score, b.paperId);
  };
  std::vector<std::priority_queue<Entry, std::vector<Entry>, decltype(worseOnTop)>> bestPapers(
      reviewers.size(), std::priority_queue<Entry, std::vector<Entry>, decltype(worseOnTop)>(worseOnTop));
  std::map<std::pair<size_t, size_t>, double> kept;  // (paper index, reviewer index) → score
  std::vector<double> row;

  for (size_t p = 0; p < papers.size(); ++p) {
    const AffinityDocument& paper = papers[p];
    const std::vector<double> bm25 = index.scores(text::matchTerms(paper.text));
    double best = 0;
    for (size_t r = 0; r < reviewers.size(); ++r)
      if (!excluded || !excluded(paper.id, reviewers[r].id)) best = std::max(best, bm25[r]);
    row.assign(reviewers.size(), 0.0);
    std::vector<size_t> candidates;
    for (size_t r = 0; r < reviewers.size(); ++r) {
      if (excluded && excluded(paper.id, reviewers[r].id)) continue;
      const double text = best > 0 ? bm25[r] / best : 0;
      row[r] =
          options.textWeight * text + options.topicWeight * topicOverlap(paper.topics, reviewers[r].topics);
      if (row[r] <= 0) continue;
      candidates.push_back(r);
      auto& heap = bestPapers[r];
      heap.push({row[r], paper.id, p});
      if (heap.size() > k) heap.pop();
    }
    const auto byScore = [&](size_t a, size_t b) {
      return better(row[a], reviewers[a].id, row[b], reviewers[b].id);
    };
    if (candidates.size() > k) {
      std::nth_element(candidates.begin(), candidates.begin() + static_cast<long>(k), candidates.end(),
                       byScore);
      candidates.resize(k);
    }
    for (size_t r : candidates) kept[{p, r}] = row[r];
  }
  for (size_t r = 0; r < reviewers.size(); ++r)
    for (auto& heap = bestPapers[r]; !heap.empty(); heap.pop())
      kept[{heap.top().paper, r}] = heap.top().score;

  std::vector<AffinityPair> out;
  out.reserve(kept.size());
  for (const auto& [pair, score] : kept)
    out.push_back({papers[pair.first].id, reviewers[pair.second].id, score});
  std::sort(out.begin(), out.end(), [](const AffinityPair& a, const AffinityPair& b) {
    return a.paperId != b.paperId ? a.paperId < b.paperId : a.reviewerId < b.reviewerId;
  });
  return out;
}

}  // namespace confpress::affinity
