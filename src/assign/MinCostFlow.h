#pragma once
// One exact min-cost flow solve (LEMON NetworkSimplex, int capacities, int64 costs) of the assignment
// network restricted to a chosen subset of candidate arcs, with the node potentials (the dual solution)
// the caller prices the other arcs with. Stateless; each call builds and frees its own graph.
#include <cstdint>
#include <vector>

#include "assign/Network.h"

namespace confpress::assign {

struct MinCostFlowResult {
  bool feasible = false;
  std::vector<int> assigned;  // candidate indices carrying flow (each assigned pair once)
  /// Units that took the slack route (see solveMinCost); 0 in a solution of the real problem.
  std::int64_t slackFlow = 0;
  /// Node potentials indexed by Network's node numbering: reduced cost of an arc u → v is
  /// cost + potential[u] - potential[v]; an optimal flow leaves no arc at flow 0 with a negative one.
  std::vector<std::int64_t> potential;
};

/// Minimises Σ -gain over the arcs of `arcs` (candidate indices; every fixed candidate must be among
/// them) subject to k per paper, the loads, the affiliation caps and the fixed pairs' lower bounds.
/// With slackCost > 0 a slack node is added so that the restricted problem is always feasible when the
/// loads allow it at all: each paper may send up to k units to it at slackCost each, and it may feed
/// reviewers up to their minimum load (and the sink). A large slackCost makes any real assignment
/// cheaper than any use of slack.
MinCostFlowResult solveMinCost(const Network& net, const std::vector<int>& arcs, std::int64_t slackCost);

}  // namespace confpress::assign
