#pragma once
// The assignment problem turned into the shape of its flow network, independent of LEMON: each paper's
// eligible reviewers in one contiguous, reviewer-sorted range (conflicts removed, fixed pairs marked),
// integer gains, and the (paper, affiliation) groups that need their own node because more than t of
// the paper's eligible reviewers share the affiliation. Built once per solve, read-only afterwards (safe
// to read from several threads).
//
// The flow network it describes (see MinCostFlow.h and CirculationModel.h):
//   paper p (supply k) → reviewer r         capacity 1, cost -gain; lower bound 1 when fixed
//   paper p → group (p, a)                  capacity t, for the groups that exist
//   group (p, a) → reviewer r of a          capacity 1, cost -gain
//   reviewer r → sink (demand papers × k)   lower bound minLoad(r), capacity maxLoad(r)
#include <cstdint>
#include <vector>

#include "assign/Problem.h"

namespace confpress::assign {

struct Network {
  int papers = 0, reviewers = 0, groups = 0;
  int k = 0;         // reviewers per paper
  int groupCap = 0;  // t (0: no affiliation groups)
  /// Candidates of paper p are the indices [first[p], first[p + 1]); sorted by reviewer.
  std::vector<int> first;
  std::vector<int> reviewer;                  // per candidate
  std::vector<std::int64_t> gain;             // per candidate: llround(score * scale)
  std::vector<double> score;                  // per candidate: the real score
  std::vector<std::uint8_t> fixed;            // per candidate: 1 for a manual assignment
  std::vector<int> group;                     // per candidate: its group, or -1 when the arc leaves the paper
  std::vector<int> groupPaper;                // per group
  std::vector<int> groupAffiliation;          // per group
  std::vector<int> minLoad, maxLoad;          // per reviewer
  std::vector<PaperReviewer> fixedConflicts;  // fixed pairs that are also conflicts (never feasible)
  std::int64_t maxAbsGain = 0;

  int candidates() const { return static_cast<int>(reviewer.size()); }
  std::int64_t demand() const { return static_cast<std::int64_t>(papers) * k; }
  /// Node numbering shared by the LEMON models: papers, groups, reviewers, then the sink.
  int paperNode(int p) const { return p; }
  int groupNode(int g) const { return papers + g; }
  int reviewerNode(int r) const { return papers + groups + r; }
  int sinkNode() const { return papers + groups + reviewers; }
  int nodes() const { return sinkNode() + 1; }
  /// The node a candidate's arc leaves from: its group's node or its paper's.
  int tailNode(int c, int paper) const { return group[c] >= 0 ? groupNode(group[c]) : paperNode(paper); }
  /// Arcs of the complete network: candidates, paper → group and reviewer → sink arcs.
  std::size_t arcs() const { return reviewer.size() + static_cast<std::size_t>(groups + reviewers); }
};

/// Checks the problem's shape (throwing std::invalid_argument naming the first fault: indices out of
/// range, a pair listed twice, negative or inverted loads, a non-finite score, scores too large to
/// optimise exactly at this scale) and builds its network. Infeasibility is not checked here.
Network buildNetwork(const AssignmentProblem& problem, double scoreScale);

}  // namespace confpress::assign
