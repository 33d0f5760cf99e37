#pragma once
// Helpers for the assignment tests: random instances, an exhaustive solver for tiny ones, and a checker
// that an answer meets every constraint of its problem.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "assign/Problem.h"

namespace cptest::assign {

using confpress::assign::AssignmentProblem;
using confpress::assign::Candidate;
using confpress::assign::PaperReviewer;

struct RandomShape {
  int papers = 4, reviewers = 5, k = 2;
  double density = 0.8;  // chance that a pair is a candidate
  double conflictChance = 0.1;
  double fixedChance = 0.0;  // chance per candidate of being fixed (at most k - 1 per paper)
  int maxMinLoad = 0;        // minimum loads drawn from [0, maxMinLoad]
  int minMaxLoad = 1, maxMaxLoad = 3;
  int affiliations = 0;          // > 0: reviewers drawn among this many affiliations (or none)
  int cap = 0;                   // maxPerAffiliation
  int scoreSteps = 8;            // scores are multiples of 0.25 in [-0.5, scoreSteps / 4 - 0.5]
  bool sixDecimals = false;      // scores with six random decimals instead
  bool fixedMayConflict = true;  // a fixed pair may also be a conflict (never feasible)
};

inline AssignmentProblem randomProblem(std::mt19937& rng, const RandomShape& s) {
  AssignmentProblem pb;
  for (int p = 0; p < s.papers; ++p) pb.paperIds.push_back("p" + std::to_string(p));
  for (int r = 0; r < s.reviewers; ++r) pb.reviewerIds.push_back("r" + std::to_string(r));
  pb.reviewersPerPaper = s.k;
  std::uniform_real_distribution<double> unit(0, 1);
  for (int p = 0; p < s.papers; ++p) {
    int fixedHere = 0;
    for (int r = 0; r < s.reviewers; ++r) {
      const bool conflict = unit(rng) < s.conflictChance;
      if (conflict) pb.conflicts.push_back({p, r});
      if (unit(rng) >= s.density) continue;
      const double score = s.sixDecimals
                               ? std::uniform_int_distribution<int>(0, 1'000'000)(rng) / 1e6
                               : std::uniform_int_distribution<int>(0, s.scoreSteps)(rng) * 0.25 - 0.5;
      pb.candidates.push_back({p, r, score});
      if (fixedHere < s.k - 1 && unit(rng) < s.fixedChance && (s.fixedMayConflict || !conflict))
        pb.fixed.push_back({p, r}), ++fixedHere;
    }
  }
  for (int r = 0; r < s.reviewers; ++r) {
    const int hi = std::uniform_int_distribution<int>(s.minMaxLoad, s.maxMaxLoad)(rng);
    pb.maxLoad.push_back(hi);
    pb.minLoad.push_back(std::min(hi, std::uniform_int_distribution<int>(0, s.maxMinLoad)(rng)));
  }
  if (s.affiliations > 0) {
    for (int a = 0; a < s.affiliations; ++a) pb.affiliationNames.push_back("u" + std::to_string(a));
    for (int r = 0; r < s.reviewers; ++r)
      pb.affiliation.push_back(std::uniform_int_distribution<int>(-1, s.affiliations - 1)(rng));
    pb.maxPerAffiliation = s.cap;
  }
  return pb;
}

inline std::int64_t gainOf(double score) {
  return std::llround(score * 1e6);
}

/// Checks every constraint; returns the problem's score of each assigned pair summed in solver units.
inline std::int64_t expectValid(const AssignmentProblem& pb, const confpress::assign::Assignment& a) {
  std::set<std::pair<int, int>> conflicts, fixed, assigned;
  for (const PaperReviewer& c : pb.conflicts) conflicts.insert({c.paper, c.reviewer});
  for (const PaperReviewer& f : pb.fixed) fixed.insert({f.paper, f.reviewer});
  std::map<std::pair<int, int>, double> score;
  for (const Candidate& c : pb.candidates) score[{c.paper, c.reviewer}] = c.score;
  std::vector<int> perPaper(pb.paperIds.size()), load(pb.reviewerIds.size());
  std::map<std::pair<int, int>, int> perAffiliation;
  std::int64_t total = 0;
  for (const Candidate& c : a.pairs) {
    EXPECT_TRUE(assigned.insert({c.paper, c.reviewer}).second) << "pair assigned twice";
    EXPECT_FALSE(conflicts.count({c.paper, c.reviewer})) << "conflict assigned";
    const auto found = score.find({c.paper, c.reviewer});
    EXPECT_TRUE(found != score.end() || fixed.count({c.paper, c.reviewer})) << "not a candidate";
    const double expected = found == score.end() ? 0 : found->second;
    EXPECT_EQ(c.score, expected);
    total += gainOf(expected);
    ++perPaper[c.paper], ++load[c.reviewer];
    if (!pb.affiliation.empty() && pb.affiliation[c.reviewer] >= 0)
      ++perAffiliation[{c.paper, pb.affiliation[c.reviewer]}];
  }
  for (const auto& f : fixed) EXPECT_TRUE(assigned.count(f)) << "fixed pair dropped";
  for (int n : perPaper) EXPECT_EQ(n, pb.reviewersPerPaper);
  for (std::size_t r = 0; r < load.size(); ++r) {
    if (!pb.minLoad.empty()) {
      EXPECT_GE(load[r], pb.minLoad[r]);
    }
    if (!pb.maxLoad.empty()) {
      EXPECT_LE(load[r], pb.maxLoad[r]);
    }
  }
  if (pb.maxPerAffiliation > 0) {
    for (const auto& [key, n] : perAffiliation) EXPECT_LE(n, pb.maxPerAffiliation);
  }
  EXPECT_EQ(total, a.scaledObjective);
  return total;
}

/// The optimum found by trying every assignment: best total, and for the fair mode the best floor
/// (smallest gain of a non-fixed assigned pair; INT64_MAX when there is none) with the best total under it.
struct BruteForce {
  bool feasible = false;
  std::int64_t bestTotal = std::numeric_limits<std::int64_t>::min();
  std::int64_t bestFloor = std::numeric_limits<std::int64_t>::min();
  std::int64_t bestTotalAtFloor = std::numeric_limits<std::int64_t>::min();

  explicit BruteForce(const AssignmentProblem& pb) : pb_(pb) {
    const int papers = static_cast<int>(pb.paperIds.size());
    options_.resize(papers);
    std::set<std::pair<int, int>> conflicts;
    for (const PaperReviewer& c : pb.conflicts) conflicts.insert({c.paper, c.reviewer});
    std::map<std::pair<int, int>, double> score;
    for (const Candidate& c : pb.candidates) score[{c.paper, c.reviewer}] = c.score;
    std::set<std::pair<int, int>> fixed;
    for (const PaperReviewer& f : pb.fixed) fixed.insert({f.paper, f.reviewer});
    for (int p = 0; p < papers; ++p)
      for (int r = 0; r < static_cast<int>(pb.reviewerIds.size()); ++r) {
        const bool isFixed = fixed.count({p, r}) > 0;
        const auto s = score.find({p, r});
        if (!isFixed && s == score.end()) continue;
        if (conflicts.count({p, r})) {
          if (isFixed) impossible_ = true;
          continue;
        }
        options_[p].push_back({r, s == score.end() ? 0 : gainOf(s->second), isFixed});
      }
    load_.assign(pb.reviewerIds.size(), 0);
    if (!impossible_) paper(0, 0, std::numeric_limits<std::int64_t>::max());
  }

 private:
  struct Option {
    int reviewer;
    std::int64_t gain;
    bool fixed;
  };

  void paper(int p, std::int64_t total, std::int64_t floor) {
    if (p == static_cast<int>(options_.size())) return leaf(total, floor);
    choose(p, 0, 0, total, floor);
  }

  void choose(int p, std::size_t i, int taken, std::int64_t total, std::int64_t floor) {
    const auto& opts = options_[p];
    if (taken == pb_.reviewersPerPaper) {
      for (std::size_t j = i; j < opts.size(); ++j)
        if (opts[j].fixed) return;  // a fixed pair left out
      if (!affiliationsOk(p)) return;
      return paper(p + 1, total, floor);
    }
    if (i == opts.size()) return;
    const Option& o = opts[i];
    const int maxLoad = pb_.maxLoad.empty() ? 1 << 30 : pb_.maxLoad[o.reviewer];
    if (load_[o.reviewer] < maxLoad) {
      ++load_[o.reviewer];
      chosen_.push_back(o.reviewer);
      choose(p, i + 1, taken + 1, total + o.gain, o.fixed ? floor : std::min(floor, o.gain));
      chosen_.pop_back();
      --load_[o.reviewer];
    }
    if (!o.fixed) choose(p, i + 1, taken, total, floor);
  }

  bool affiliationsOk(int /*p*/) const {
    if (pb_.maxPerAffiliation <= 0 || pb_.affiliation.empty()) return true;
    std::map<int, int> count;
    for (std::size_t j = chosen_.size() - pb_.reviewersPerPaper; j < chosen_.size(); ++j)
      if (int a = pb_.affiliation[chosen_[j]]; a >= 0 && ++count[a] > pb_.maxPerAffiliation) return false;
    return true;
  }

  void leaf(std::int64_t total, std::int64_t floor) {
    for (std::size_t r = 0; r < load_.size(); ++r)
      if (!pb_.minLoad.empty() && load_[r] < pb_.minLoad[r]) return;
    feasible = true;
    bestTotal = std::max(bestTotal, total);
    if (floor > bestFloor)
      bestFloor = floor, bestTotalAtFloor = total;
    else if (floor == bestFloor)
      bestTotalAtFloor = std::max(bestTotalAtFloor, total);
  }

  const AssignmentProblem& pb_;
  std::vector<std::vector<Option>> options_;
  std::vector<int> load_, chosen_;
  bool impossible_ = false;
};

}  // namespace cptest::assign
