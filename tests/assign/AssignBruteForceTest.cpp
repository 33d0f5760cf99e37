// The engine against exhaustive search on many small random instances: every constraint kind (minimum
// loads, conflicts, fixed pairs, the affiliation cap), both modes, feasible and infeasible alike.
#include <gtest/gtest.h>

#include "assign/AssignTestSupport.h"
#include "assign/Assigner.h"

using namespace confpress::assign;
using cptest::assign::BruteForce;
using cptest::assign::RandomShape;

namespace {

struct Tally {
  int feasible = 0, infeasible = 0;
};

// Solves `instances` random problems of the shape in both modes and compares with brute force.
Tally compare(RandomShape shape, int instances, unsigned seed) {
  std::mt19937 rng(seed);
  Tally tally;
  for (int i = 0; i < instances; ++i) {
    shape.papers = std::uniform_int_distribution<int>(1, 4)(rng);
    shape.reviewers = std::uniform_int_distribution<int>(1, 5)(rng);
    shape.k = std::uniform_int_distribution<int>(1, std::min(2, shape.reviewers))(rng);
    const AssignmentProblem pb = cptest::assign::randomProblem(rng, shape);
    const BruteForce best(pb);
    SCOPED_TRACE("seed " + std::to_string(seed) + ", instance " + std::to_string(i));
    for (AssignMode mode : {AssignMode::Total, AssignMode::Fair}) {
      AssignOptions options;
      options.mode = mode;
      if (!best.feasible) {
        EXPECT_THROW(assignReviewers(pb, options), InfeasibleAssignment);
        continue;
      }
      Assignment a;
      EXPECT_NO_THROW(a = assignReviewers(pb, options));
      if (::testing::Test::HasFailure()) return tally;
      cptest::assign::expectValid(pb, a);
      if (mode == AssignMode::Total) {
        EXPECT_EQ(a.scaledObjective, best.bestTotal);
      } else {
        EXPECT_EQ(a.scaledObjective, best.bestTotalAtFloor);
        if (best.bestFloor == std::numeric_limits<std::int64_t>::max()) {
          EXPECT_FALSE(a.floor.has_value());
        } else {
          EXPECT_TRUE(a.floor.has_value());
          EXPECT_EQ(cptest::assign::gainOf(a.floor.value_or(-1e9)), best.bestFloor);
        }
      }
    }
    ++(best.feasible ? tally.feasible : tally.infeasible);
  }
  return tally;
}

void expectBothOutcomes(const Tally& t) {
  EXPECT_GT(t.feasible, 50) << "the random shape should give feasible instances";
  EXPECT_GT(t.infeasible, 5) << "the random shape should give infeasible instances";
}

}  // namespace

TEST(AssignBruteForce, PlainInstances) {
  RandomShape shape;
  shape.conflictChance = 0;
  expectBothOutcomes(compare(shape, 600, 1));
}

TEST(AssignBruteForce, ConflictsAndMinimumLoads) {
  RandomShape shape;
  shape.conflictChance = 0.15;
  shape.maxMinLoad = 2;
  shape.maxMaxLoad = 4;
  expectBothOutcomes(compare(shape, 600, 2));
}

TEST(AssignBruteForce, FixedAssignments) {
  RandomShape shape;
  shape.fixedChance = 0.25;
  shape.maxMinLoad = 1;
  expectBothOutcomes(compare(shape, 600, 3));
}

TEST(AssignBruteForce, AffiliationCap) {
  RandomShape shape;
  shape.affiliations = 2;
  shape.cap = 1;
  shape.maxMinLoad = 1;
  shape.fixedChance = 0.1;
  expectBothOutcomes(compare(shape, 600, 4));
}

TEST(AssignBruteForce, NegativeScoresAndTies) {
  RandomShape shape;
  shape.scoreSteps = 3;  // scores in {-0.5, -0.25, 0, 0.25}: many ties
  shape.maxMinLoad = 1;
  expectBothOutcomes(compare(shape, 600, 5));
}

TEST(AssignBruteForce, FixedPairWithoutScoreIsKeptWithScoreZero) {
  AssignmentProblem pb;
  pb.paperIds = {"p"};
  pb.reviewerIds = {"a", "b", "c"};
  pb.reviewersPerPaper = 2;
  pb.candidates = {{0, 0, 0.9}, {0, 1, 0.8}};
  pb.fixed = {{0, 2}};
  const Assignment a = assignReviewers(pb);
  ASSERT_EQ(a.pairs.size(), 2u);
  EXPECT_EQ(a.pairs[0].reviewer, 0);
  EXPECT_EQ(a.pairs[1].reviewer, 2);
  EXPECT_EQ(a.pairs[1].score, 0);
  EXPECT_DOUBLE_EQ(a.objective, 0.9);
}

TEST(AssignBruteForce, FairModeRaisesTheWeakestPair) {
  // Total: p0-a (1.0) + p1-c (0.1) = 1.1 beats p0-b + p1-a = 0.5 + 0.5; fair: the second, floor 0.5.
  AssignmentProblem pb;
  pb.paperIds = {"p0", "p1"};
  pb.reviewerIds = {"a", "b", "c"};
  pb.reviewersPerPaper = 1;
  pb.maxLoad = {1, 1, 1};
  pb.candidates = {{0, 0, 1.0}, {0, 1, 0.5}, {1, 0, 0.5}, {1, 2, 0.1}};
  const Assignment total = assignReviewers(pb);
  EXPECT_DOUBLE_EQ(total.objective, 1.1);
  EXPECT_DOUBLE_EQ(total.minPaperScore, 0.1);
  AssignOptions fair;
  fair.mode = AssignMode::Fair;
  const Assignment balanced = assignReviewers(pb, fair);
  EXPECT_DOUBLE_EQ(balanced.objective, 1.0);
  ASSERT_TRUE(balanced.floor.has_value());
  EXPECT_DOUBLE_EQ(*balanced.floor, 0.5);
  EXPECT_DOUBLE_EQ(balanced.minPaperScore, 0.5);
}
