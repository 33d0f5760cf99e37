// buildNetwork: sorts the candidates by paper (counting sort: linear in the 4M pairs of a large
// conference), merges the fixed pairs in, drops conflicts and forms the affiliation groups.
#include "assign/Network.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace confpress::assign {

namespace {

// One entry of a paper's range while it is sorted: a candidate (kind 0) or a fixed request (kind 1).
struct Entry {
  int reviewer = 0;
  int kind = 0;
  double score = 0;
};

std::string pairName(const AssignmentProblem& problem, int p, int r) {
  return "(" + problem.paperIds[p] + ", " + problem.reviewerIds[r] + ")";
}

void checkShape(const AssignmentProblem& problem) {
  const auto papers = problem.paperIds.size(), reviewers = problem.reviewerIds.size();
  if (problem.reviewersPerPaper < 1) throw std::invalid_argument("reviewers per paper must be at least 1");
  if (papers > static_cast<std::size_t>(std::numeric_limits<int>::max() / 2) ||
      reviewers > static_cast<std::size_t>(std::numeric_limits<int>::max() / 2) ||
      problem.candidates.size() + problem.fixed.size() >=
          static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw std::invalid_argument("too many papers, reviewers or pairs");
  auto checkPair = [&](int p, int r, const char* what) {
    if (p < 0 || static_cast<std::size_t>(p) >= papers || r < 0 || static_cast<std::size_t>(r) >= reviewers)
      throw std::invalid_argument(std::string(what) + " names paper " + std::to_string(p) + " / reviewer " +
                                  std::to_string(r) + ", outside the id tables");
  };
  for (const Candidate& c : problem.candidates) {
    checkPair(c.paper, c.reviewer, "a candidate");
    if (!std::isfinite(c.score))
      throw std::invalid_argument("the score of " + pairName(problem, c.paper, c.reviewer) +
                                  " is not finite");
  }
  for (const PaperReviewer& f : problem.fixed) checkPair(f.paper, f.reviewer, "a fixed assignment");
  for (const PaperReviewer& c : problem.conflicts) checkPair(c.paper, c.reviewer, "a conflict");
  auto checkLoads = [&](const std::vector<int>& loads, const char* name) {
    if (!loads.empty() && loads.size() != reviewers)
      throw std::invalid_argument(std::string(name) + " must have one entry per reviewer");
    for (int load : loads)
      if (load < 0) throw std::invalid_argument(std::string(name) + " must not be negative");
  };
  checkLoads(problem.minLoad, "minLoad");
  checkLoads(problem.maxLoad, "maxLoad");
  if (!problem.affiliation.empty() && problem.affiliation.size() != reviewers)
    throw std::invalid_argument("affiliation must have one entry per reviewer");
  for (int a : problem.affiliation)
    if (a < -1 || a >= static_cast<int>(problem.affiliationNames.size()))
      throw std::invalid_argument("an affiliation index is outside affiliationNames");
  if (problem.maxPerAffiliation < 0) throw std::invalid_argument("maxPerAffiliation must not be negative");
}

// Sorted entries, paper by paper, with the ranges in `first`.
std::vector<Entry> sortedEntries(const AssignmentProblem& problem, std::vector<int>& first) {
  const int papers = static_cast<int>(problem.paperIds.size());
  first.assign(papers + 1, 0);
  for (const Candidate& c : problem.candidates) ++first[c.paper + 1];
  for (const PaperReviewer& f : problem.fixed) ++first[f.paper + 1];
  for (int p = 0; p < papers; ++p) first[p + 1] += first[p];
  std::vector<int> next(first.begin(), first.end() - 1);
  std::vector<Entry> entries(first[papers]);
  for (const Candidate& c : problem.candidates) entries[next[c.paper]++] = {c.reviewer, 0, c.score};
  for (const PaperReviewer& f : problem.fixed) entries[next[f.paper]++] = {f.reviewer, 1, 0};
  auto before = [](const Entry& a, const Entry& b) {
    return a.reviewer != b.reviewer ? a.reviewer < b.reviewer : a.kind < b.kind;
  };
  for (int p = 0; p < papers; ++p) {  // input written paper by paper is often sorted already
    const auto from = entries.begin() + first[p], to = entries.begin() + first[p + 1];
    if (!std::is_sorted(from, to, before)) std::sort(from, to, before);
  }
  return entries;
}

bool sortedByPaperAndReviewer(const std::vector<Candidate>& candidates) {
  return std::is_sorted(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.paper != b.paper ? a.paper < b.paper : a.reviewer < b.reviewer;
  });
}

// The conflicts as a sorted list, for binary search per paper.
std::vector<PaperReviewer> sortedConflicts(const AssignmentProblem& problem) {
  std::vector<PaperReviewer> conflicts = problem.conflicts;
  std::sort(conflicts.begin(), conflicts.end(), [](const PaperReviewer& a, const PaperReviewer& b) {
    return a.paper != b.paper ? a.paper < b.paper : a.reviewer < b.reviewer;
  });
  return conflicts;
}

// Merges fixed requests into candidates, drops conflicts and fills the per-candidate arrays, reading the
// sorted entries through entryAt(i).
template <class EntryAt>
void fillCandidates(const AssignmentProblem& problem, EntryAt&& entryAt, const std::vector<int>& entryFirst,
                    double scale, Network& net) {
  const std::vector<PaperReviewer> conflicts = sortedConflicts(problem);
  auto conflict = conflicts.begin();
  net.first.assign(net.papers + 1, 0);
  for (int p = 0; p < net.papers; ++p) {
    net.first[p] = net.candidates();
    for (int i = entryFirst[p], end = entryFirst[p + 1]; i < end;) {
      const Entry e = entryAt(i);
      int run = i, candidates = 0, fixedRequests = 0;
      for (Entry next = e; run < end && (next = entryAt(run)).reviewer == e.reviewer; ++run)
        ++(next.kind == 0 ? candidates : fixedRequests);
      i = run;
      if (candidates > 1 || fixedRequests > 1)
        throw std::invalid_argument("the pair " + pairName(problem, p, e.reviewer) + " is listed twice as " +
                                    (candidates > 1 ? "a candidate" : "a fixed assignment"));
      const bool isFixed = fixedRequests == 1;
      while (conflict != conflicts.end() &&
             (conflict->paper < p || (conflict->paper == p && conflict->reviewer < e.reviewer)))
        ++conflict;
      if (conflict != conflicts.end() && conflict->paper == p && conflict->reviewer == e.reviewer) {
        if (isFixed) net.fixedConflicts.push_back({p, e.reviewer});
        continue;
      }
      const auto gain = static_cast<std::int64_t>(std::llround(e.score * scale));
      if (std::abs(e.score * scale) > 1e15)
        throw std::invalid_argument("the score of " + pairName(problem, p, e.reviewer) + " is too large");
      net.reviewer.push_back(e.reviewer);
      net.gain.push_back(gain);
      net.score.push_back(e.score);
      net.fixed.push_back(isFixed ? 1 : 0);
      net.maxAbsGain = std::max(net.maxAbsGain, gain < 0 ? -gain : gain);
    }
  }
  net.first[net.papers] = net.candidates();
}

// Creates a group for each (paper, affiliation) with more than t eligible reviewers.
void formGroups(const AssignmentProblem& problem, Network& net) {
  net.group.assign(net.candidates(), -1);
  if (problem.maxPerAffiliation <= 0 || problem.affiliation.empty()) return;
  net.groupCap = problem.maxPerAffiliation;
  std::vector<int> count(problem.affiliationNames.size(), 0), groupOf(problem.affiliationNames.size(), -1);
  for (int p = 0; p < net.papers; ++p) {
    for (int c = net.first[p]; c < net.first[p + 1]; ++c)
      if (int a = problem.affiliation[net.reviewer[c]]; a >= 0) ++count[a];
    for (int c = net.first[p]; c < net.first[p + 1]; ++c) {
      const int a = problem.affiliation[net.reviewer[c]];
      if (a < 0 || count[a] <= net.groupCap) continue;
      if (groupOf[a] < 0) {
        groupOf[a] = net.groups++;
        net.groupPaper.push_back(p);
        net.groupAffiliation.push_back(a);
      }
      net.group[c] = groupOf[a];
    }
    for (int c = net.first[p]; c < net.first[p + 1]; ++c)
      if (int a = problem.affiliation[net.reviewer[c]]; a >= 0) count[a] = 0, groupOf[a] = -1;
  }
}

}  // namespace

Network buildNetwork(const AssignmentProblem& problem, double scoreScale) {
  checkShape(problem);
  if (!(scoreScale >= 1)) throw std::invalid_argument("scoreScale must be at least 1");
  Network net;
  net.papers = static_cast<int>(problem.paperIds.size());
  net.reviewers = static_cast<int>(problem.reviewerIds.size());
  net.k = problem.reviewersPerPaper;
  const std::size_t total = problem.candidates.size() + problem.fixed.size();
  net.reviewer.reserve(total);
  net.gain.reserve(total);
  net.score.reserve(total);
  net.fixed.reserve(total);
  std::vector<int> entryFirst;
  if (problem.fixed.empty() && sortedByPaperAndReviewer(problem.candidates)) {
    // Already in order (the CSV reader sorts): read the candidates in place, sparing a copy of them all.
    entryFirst.assign(net.papers + 1, 0);
    for (const Candidate& c : problem.candidates) ++entryFirst[c.paper + 1];
    for (int p = 0; p < net.papers; ++p) entryFirst[p + 1] += entryFirst[p];
    fillCandidates(
        problem,
        [&](int i) {
          const Candidate& c = problem.candidates[i];
          return Entry{c.reviewer, 0, c.score};
        },
        entryFirst, scoreScale, net);
  } else {
    const std::vector<Entry> entries = sortedEntries(problem, entryFirst);
    fillCandidates(
        problem, [&](int i) { return entries[i]; }, entryFirst, scoreScale, net);
  }
  formGroups(problem, net);
  net.minLoad = problem.minLoad.empty() ? std::vector<int>(net.reviewers, 0) : problem.minLoad;
  net.maxLoad = problem.maxLoad;
  if (net.maxLoad.empty()) net.maxLoad.assign(net.reviewers, net.papers);
  for (int r = 0; r < net.reviewers; ++r) {
    if (net.minLoad[r] > net.maxLoad[r])
      throw std::invalid_argument("reviewer " + problem.reviewerIds[r] +
                                  " has a minimum load above the maximum");
    net.maxLoad[r] = std::min(net.maxLoad[r], net.papers);  // nobody reviews more papers than exist
  }
  if (net.demand() > std::numeric_limits<int>::max() / 2)
    throw std::invalid_argument("papers × reviewers per paper is too large");
  // NetworkSimplex sums costs along tree paths next to an artificial cost of 2^62: keep every path sum
  // (at most |gain| per node) below 2^61 so nothing can overflow.
  const std::int64_t limit = (std::int64_t{1} << 61) / (static_cast<std::int64_t>(net.nodes()) + 2);
  if (net.maxAbsGain > limit)
    throw std::invalid_argument("scores up to " +
                                std::to_string(static_cast<double>(net.maxAbsGain) / scoreScale) +
                                " are too large to optimise exactly; keep them below " +
                                std::to_string(static_cast<double>(limit) / scoreScale));
  return net;
}

}  // namespace confpress::assign
