// assignReviewers: counting checks, the fair mode's floor search, the priced min-cost flow, the
// feasibility fallback and the figures of the answer.
#include "assign/Assigner.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <stdexcept>

#include "assign/CirculationModel.h"
#include "assign/MinCostFlow.h"
#include "assign/Network.h"
#include "assign/Pricing.h"

namespace confpress::assign {

namespace {

constexpr std::int64_t kAll = std::numeric_limits<std::int64_t>::min();

// The largest floor the papers' own candidates allow: a paper needing n more reviewers cannot do better
// than its n-th best non-fixed gain.
std::int64_t upperBoundForFloor(const Network& net, bool& anyNeed) {
  std::int64_t bound = std::numeric_limits<std::int64_t>::max();
  std::vector<std::int64_t> gains;
  anyNeed = false;
  for (int p = 0; p < net.papers; ++p) {
    gains.clear();
    int fixedCount = 0;
    for (int c = net.first[p]; c < net.first[p + 1]; ++c)
      net.fixed[c] ? ++fixedCount : (gains.push_back(net.gain[c]), 0);
    const int need = net.k - fixedCount;
    if (need <= 0) continue;
    anyNeed = true;
    if (gains.size() < static_cast<std::size_t>(need)) return kAll;  // counting checks report it
    std::nth_element(gains.begin(), gains.begin() + (need - 1), gains.end(), std::greater<>());
    bound = std::min(bound, gains[need - 1]);
  }
  return bound;
}

// The reviewers' side of the same kind of bound: with only the pairs at or above T (and the fixed ones),
// reviewer r can take at most min(max load, its eligible pairs), and together they must cover papers × k.
bool reviewersCanCover(const Network& net, std::int64_t threshold) {
  std::vector<int> degree(net.reviewers, 0);
  for (int c = 0; c < net.candidates(); ++c)
    if (net.fixed[c] || net.gain[c] >= threshold) ++degree[net.reviewer[c]];
  std::int64_t capacity = 0;
  for (int r = 0; r < net.reviewers; ++r) capacity += std::min(degree[r], net.maxLoad[r]);
  return capacity >= net.demand();
}

// Fair mode: the largest gain T such that the pairs scoring at least T (and the fixed ones) still admit
// an assignment. Throws InfeasibleAssignment when none does; nullopt when every paper is fully fixed.
// The candidate floors are the distinct gains below two cheap necessary bounds; the search probes them
// downwards from the top with doubling steps (high floors leave few pairs, so those checks are cheap, and
// the answer tends to lie near the bounds), then bisects the last gap.
std::optional<std::int64_t> findFloor(const AssignmentProblem& problem, const Network& net,
                                      CirculationModel& circulation, int& checks) {
  bool anyNeed = false;
  const std::int64_t bound = upperBoundForFloor(net, anyNeed);
  std::vector<std::int64_t> values;
  for (int c = 0; c < net.candidates(); ++c)
    if (!net.fixed[c] && net.gain[c] <= bound) values.push_back(net.gain[c]);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  // Largest index whose floor the reviewers' bound allows (monotone: fewer pairs as the floor rises).
  std::size_t allowed = 0, beyond = values.size();
  if (values.empty() || !reviewersCanCover(net, values[0])) beyond = 0;
  while (beyond - allowed > 1) {
    const std::size_t mid = allowed + (beyond - allowed) / 2;
    (reviewersCanCover(net, values[mid]) ? allowed : beyond) = mid;
  }
  if (!anyNeed || beyond == 0) {  // no floor to find, or only the full check can explain the failure
    ++checks;
    if (!circulation.feasible(kAll)) throwBarrier(problem, net, circulation.barrier());
    if (!anyNeed) return std::nullopt;
    throw std::logic_error("assignment: the reviewers' bound excludes a feasible floor");
  }
  std::size_t feasibleAt = allowed, infeasibleAt = allowed + 1, step = 1;
  for (;;) {
    ++checks;
    if (circulation.feasible(values[feasibleAt])) break;
    if (feasibleAt == 0) throwBarrier(problem, net, circulation.barrier());  // the floor of all pairs
    infeasibleAt = feasibleAt;
    feasibleAt = feasibleAt > step ? feasibleAt - step : 0;
    step *= 2;
  }
  while (infeasibleAt - feasibleAt > 1) {
    const std::size_t mid = feasibleAt + (infeasibleAt - feasibleAt) / 2;
    ++checks;
    (circulation.feasible(values[mid]) ? feasibleAt : infeasibleAt) = mid;
  }
  return values[feasibleAt];
}

Assignment describe(const Network& net, const std::vector<int>& assigned) {
  Assignment a;
  std::vector<double> paperScore(net.papers, 0);
  std::vector<int> load(net.reviewers, 0);
  int paper = 0;
  for (int c : assigned) {
    while (c >= net.first[paper + 1]) ++paper;
    a.pairs.push_back({paper, net.reviewer[c], net.score[c]});
    a.objective += net.score[c];
    a.scaledObjective += net.gain[c];
    paperScore[paper] += net.score[c];
    ++load[net.reviewer[c]];
  }
  if (net.papers > 0) {
    a.minPaperScore = *std::min_element(paperScore.begin(), paperScore.end());
    a.meanPaperScore = a.objective / net.papers;
  }
  if (net.reviewers > 0) {
    a.loadMin = *std::min_element(load.begin(), load.end());
    a.loadMax = *std::max_element(load.begin(), load.end());
  }
  a.arcs = net.arcs();
  return a;
}

}  // namespace

Assignment assignReviewers(const AssignmentProblem& problem, const AssignOptions& options) {
  const Network net = buildNetwork(problem, options.scoreScale);
  checkCounts(problem, net);
  std::optional<CirculationModel> circulation;
  int checks = 0;
  std::int64_t threshold = kAll;
  if (options.mode == AssignMode::Fair) {
    circulation.emplace(net);
    if (std::optional<std::int64_t> floor = findFloor(problem, net, *circulation, checks)) threshold = *floor;
  }
  PricingResult priced = solveByPricing(net, threshold, slackCostFor(net));
  if (priced.slackFlow > 0) {
    // Either no assignment exists, or the slack cost was capped below what this instance needed.
    if (!circulation) circulation.emplace(net);
    ++checks;
    if (!circulation->feasible(threshold)) throwBarrier(problem, net, circulation->barrier());
    std::vector<int> all;
    for (int c = 0; c < net.candidates(); ++c)
      if (net.fixed[c] || net.gain[c] >= threshold) all.push_back(c);
    MinCostFlowResult full = solveMinCost(net, all, 0);
    if (!full.feasible)
      throw std::logic_error("assignment: NetworkSimplex and Circulation disagree on feasibility");
    priced.assigned = std::move(full.assigned);
    ++priced.solves;
    priced.largestArcs = std::max(priced.largestArcs, net.arcs());
  }
  Assignment a = describe(net, priced.assigned);
  a.solves = priced.solves;
  a.solvedArcs = priced.largestArcs;
  a.feasibilityChecks = checks;
  if (options.mode == AssignMode::Fair)
    for (int c : priced.assigned)
      if (!net.fixed[c] && (!a.floor || net.score[c] < *a.floor)) a.floor = net.score[c];
  return a;
}

}  // namespace confpress::assign
