#pragma once
// Column generation over the candidate arcs: solve the min-cost flow on a small subset, add the left-out
// arcs that the optimal potentials price below zero, repeat. When no arc prices below zero the flow is
// optimal for the whole network (every left-out arc at flow 0 has a non-negative reduced cost, which
// with the solve's own optimality makes the potentials a dual certificate). Stateless.
#include <cstdint>
#include <vector>

#include "assign/Network.h"

namespace confpress::assign {

struct PricingResult {
  std::vector<int> assigned;    // candidate indices, ascending
  std::int64_t slackFlow = 0;   // > 0: even the full network needed the slack route (see solveMinCost)
  int solves = 0;               // NetworkSimplex runs
  std::size_t largestArcs = 0;  // arcs of the largest restricted network solved
};

/// Optimal flow over the fixed candidates and those with gain >= threshold (INT64_MIN: all), with a
/// slack route at slackCost. The restricted networks start from each paper's best `initialPerPaper`
/// candidates (and, for reviewers with a minimum load, their best papers).
PricingResult solveByPricing(const Network& net, std::int64_t threshold, std::int64_t slackCost);

/// A slack cost above the cost difference of any path through the network, kept small enough that
/// NetworkSimplex's potentials cannot overflow.
std::int64_t slackCostFor(const Network& net);

}  // namespace confpress::assign
