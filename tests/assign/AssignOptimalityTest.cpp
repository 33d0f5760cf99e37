// Optimality on instances too large for brute force, by independent means: the linear program of the
// assignment solved by GLPK (through LEMON's LP layer; the constraint matrix is a network matrix, so
// the LP optimum is the integer optimum), and the complementary-slackness conditions checked arc by
// arc with the potentials NetworkSimplex returns (the certificate the pricing loop relies on).
#include <gtest/gtest.h>

#include <lemon/lp.h>

#include <numeric>

#include "assign/AssignTestSupport.h"
#include "assign/Assigner.h"
#include "assign/MinCostFlow.h"
#include "assign/Network.h"

using namespace confpress::assign;
using cptest::assign::gainOf;
using cptest::assign::RandomShape;

namespace {

// The LP optimum of the problem using only fixed pairs and candidates with gain >= floorGain; nullopt
// when the LP is infeasible.
std::optional<double> lpOptimum(const AssignmentProblem& pb, std::int64_t floorGain = INT64_MIN) {
  lemon::Lp lp;
  lp.messageLevel(lemon::Lp::MESSAGE_NOTHING);
  std::set<std::pair<int, int>> conflicts, fixed, seen;
  for (const PaperReviewer& c : pb.conflicts) conflicts.insert({c.paper, c.reviewer});
  for (const PaperReviewer& f : pb.fixed) fixed.insert({f.paper, f.reviewer});
  std::vector<lemon::Lp::Expr> paper(pb.paperIds.size()), reviewer(pb.reviewerIds.size());
  std::map<std::pair<int, int>, lemon::Lp::Expr> affiliation;
  lemon::Lp::Expr objective;
  auto add = [&](int p, int r, double score) {
    const bool isFixed = fixed.count({p, r}) > 0;
    seen.insert({p, r});
    if (conflicts.count({p, r})) return !isFixed;
    if (!isFixed && gainOf(score) < floorGain) return true;
    const lemon::Lp::Col x = lp.addCol();
    lp.colLowerBound(x, isFixed ? 1 : 0);
    lp.colUpperBound(x, 1);
    paper[p] += x, reviewer[r] += x, objective += score * x;
    if (pb.maxPerAffiliation > 0 && pb.affiliation[r] >= 0) affiliation[{p, pb.affiliation[r]}] += x;
    return true;
  };
  for (const Candidate& c : pb.candidates)
    if (!add(c.paper, c.reviewer, c.score)) return std::nullopt;
  for (const auto& [p, r] : fixed)
    if (!seen.count({p, r}) && !add(p, r, 0)) return std::nullopt;
  for (const lemon::Lp::Expr& e : paper) lp.addRow(pb.reviewersPerPaper, e, pb.reviewersPerPaper);
  for (std::size_t r = 0; r < reviewer.size(); ++r) lp.addRow(pb.minLoad[r], reviewer[r], pb.maxLoad[r]);
  for (const auto& [key, e] : affiliation) lp.addRow(-lemon::Lp::INF, e, pb.maxPerAffiliation);
  lp.max();
  lp.obj(objective);
  if (lp.solve() != lemon::Lp::SOLVED || lp.primalType() != lemon::Lp::OPTIMAL) return std::nullopt;
  return lp.primal();
}

RandomShape medium() {
  RandomShape s;
  s.papers = 80, s.reviewers = 40, s.k = 3;
  s.density = 0.5, s.conflictChance = 0.05, s.fixedChance = 0.02;
  s.maxMinLoad = 3, s.minMaxLoad = 6, s.maxMaxLoad = 9;
  s.affiliations = 5, s.cap = 2;
  s.sixDecimals = true;
  s.fixedMayConflict = false;
  return s;
}

}  // namespace

TEST(AssignOptimality, TotalMatchesTheLinearProgram) {
  std::mt19937 rng(11);
  int feasible = 0;
  for (int i = 0; i < 12; ++i) {
    const AssignmentProblem pb = cptest::assign::randomProblem(rng, medium());
    const std::optional<double> lp = lpOptimum(pb);
    if (!lp) {
      EXPECT_THROW(assignReviewers(pb), InfeasibleAssignment) << "instance " << i;
      continue;
    }
    ++feasible;
    const Assignment a = assignReviewers(pb);
    cptest::assign::expectValid(pb, a);
    EXPECT_NEAR(a.objective, *lp, 1e-6) << "instance " << i;
  }
  EXPECT_GE(feasible, 6);
}

TEST(AssignOptimality, FairFloorIsTheHighestFeasibleAndTheTotalOptimalUnderIt) {
  std::mt19937 rng(12);
  for (int i = 0; i < 8; ++i) {
    const AssignmentProblem pb = cptest::assign::randomProblem(rng, medium());
    if (!lpOptimum(pb)) continue;
    AssignOptions fair;
    fair.mode = AssignMode::Fair;
    const Assignment a = assignReviewers(pb, fair);
    cptest::assign::expectValid(pb, a);
    ASSERT_TRUE(a.floor.has_value());
    const std::int64_t floor = gainOf(*a.floor);
    const std::optional<double> under = lpOptimum(pb, floor);
    ASSERT_TRUE(under.has_value());
    EXPECT_NEAR(a.objective, *under, 1e-6) << "instance " << i;
    EXPECT_FALSE(lpOptimum(pb, floor + 1).has_value()) << "a higher floor is feasible, instance " << i;
  }
}

TEST(AssignOptimality, PotentialsCertifyTheFullSolve) {
  std::mt19937 rng(13);
  for (int i = 0; i < 6; ++i) {
    const AssignmentProblem pb = cptest::assign::randomProblem(rng, medium());
    if (!lpOptimum(pb)) continue;
    const Network net = buildNetwork(pb, 1e6);
    std::vector<int> all(net.candidates());
    std::iota(all.begin(), all.end(), 0);
    const MinCostFlowResult flow = solveMinCost(net, all, 0);
    ASSERT_TRUE(flow.feasible);
    const std::vector<std::int64_t>& pi = flow.potential;
    std::vector<char> used(net.candidates(), 0);
    for (int c : flow.assigned) used[c] = 1;
    std::vector<int> load(net.reviewers, 0), groupFlow(net.groups, 0);
    for (int p = 0; p < net.papers; ++p)
      for (int c = net.first[p]; c < net.first[p + 1]; ++c) {
        const std::int64_t reduced =
            -net.gain[c] + pi[net.tailNode(c, p)] - pi[net.reviewerNode(net.reviewer[c])];
        EXPECT_TRUE(used[c] || reduced >= 0) << "an unused arc could improve the flow";
        EXPECT_TRUE(!used[c] || net.fixed[c] || reduced <= 0) << "a used arc should be dropped";
        if (used[c]) ++load[net.reviewer[c]], net.group[c] >= 0 ? ++groupFlow[net.group[c]] : 0;
      }
    for (int r = 0; r < net.reviewers; ++r) {
      const std::int64_t reduced = pi[net.reviewerNode(r)] - pi[net.sinkNode()];
      EXPECT_TRUE(load[r] == net.maxLoad[r] || reduced >= 0);
      EXPECT_TRUE(load[r] == net.minLoad[r] || reduced <= 0);
    }
    for (int g = 0; g < net.groups; ++g) {
      const std::int64_t reduced = pi[net.paperNode(net.groupPaper[g])] - pi[net.groupNode(g)];
      EXPECT_TRUE(groupFlow[g] == net.groupCap || reduced >= 0);
      EXPECT_TRUE(groupFlow[g] == 0 || reduced <= 0);
    }
  }
}

TEST(AssignOptimality, PricingEqualsOneSolveOverEveryArc) {
  std::mt19937 rng(14);
  RandomShape s;
  s.papers = 600, s.reviewers = 250, s.k = 3, s.density = 0.2;
  s.conflictChance = 0.01, s.fixedChance = 0.003, s.maxMinLoad = 4, s.minMaxLoad = 8, s.maxMaxLoad = 12;
  s.affiliations = 20, s.cap = 2, s.sixDecimals = true, s.fixedMayConflict = false;
  for (int i = 0; i < 3; ++i) {
    const AssignmentProblem pb = cptest::assign::randomProblem(rng, s);
    const Network net = buildNetwork(pb, 1e6);
    std::vector<int> all(net.candidates());
    std::iota(all.begin(), all.end(), 0);
    const MinCostFlowResult full = solveMinCost(net, all, 0);
    ASSERT_TRUE(full.feasible);
    std::int64_t best = 0;
    for (int c : full.assigned) best += net.gain[c];
    const Assignment a = assignReviewers(pb);
    cptest::assign::expectValid(pb, a);
    EXPECT_EQ(a.scaledObjective, best);
    EXPECT_LT(a.solvedArcs, net.arcs()) << "pricing should not need every arc";
  }
}
