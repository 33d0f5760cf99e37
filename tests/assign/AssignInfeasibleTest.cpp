// Infeasible problems are explained: the message and the id lists name the papers (and reviewers) at
// fault, for each kind of cause.
#include <gtest/gtest.h>

#include "assign/Assigner.h"

using namespace confpress::assign;

namespace {

// Papers p0..p{n-1}, reviewers r0..r{m-1}, every pair a candidate with score 1, k per paper.
AssignmentProblem dense(int papers, int reviewers, int k, int maxLoad) {
  AssignmentProblem pb;
  for (int p = 0; p < papers; ++p) pb.paperIds.push_back("p" + std::to_string(p));
  for (int r = 0; r < reviewers; ++r) pb.reviewerIds.push_back("r" + std::to_string(r));
  for (int p = 0; p < papers; ++p)
    for (int r = 0; r < reviewers; ++r) pb.candidates.push_back({p, r, 1.0});
  pb.reviewersPerPaper = k;
  pb.maxLoad.assign(reviewers, maxLoad);
  return pb;
}

InfeasibleAssignment failure(const AssignmentProblem& pb, AssignMode mode = AssignMode::Total) {
  AssignOptions options;
  options.mode = mode;
  try {
    assignReviewers(pb, options);
  } catch (const InfeasibleAssignment& e) {
    return e;
  }
  ADD_FAILURE() << "expected InfeasibleAssignment";
  return InfeasibleAssignment({}, {}, {});
}

bool mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(AssignInfeasible, TotalCapacityBelowDemand) {
  const InfeasibleAssignment e = failure(dense(10, 4, 3, 7));  // 28 < 30
  EXPECT_TRUE(mentions(e.what(), "maximum loads add up to 28")) << e.what();
  EXPECT_TRUE(mentions(e.what(), "10 papers × 3 = 30 reviews")) << e.what();
  EXPECT_EQ(e.code(), "assignment_infeasible");
}

TEST(AssignInfeasible, PapersWithTooFewEligibleReviewersAreNamed) {
  AssignmentProblem pb = dense(5, 4, 3, 5);
  pb.conflicts = {{1, 0}, {1, 1}, {3, 2}, {3, 3}, {3, 0}};
  pb.candidates.erase(pb.candidates.begin() + 4 * 4);  // p4 loses r0: 3 left, still enough
  const InfeasibleAssignment e = failure(pb);
  EXPECT_TRUE(mentions(e.what(), "2 papers have fewer than 3 eligible reviewers: p1 (2), p3 (1)"))
      << e.what();
  EXPECT_EQ(e.papers, (std::vector<std::string>{"p1", "p3"}));
}

TEST(AssignInfeasible, AffiliationCapCountsTowardsEligibility) {
  AssignmentProblem pb = dense(2, 4, 3, 2);
  pb.affiliationNames = {"Hanoi University", "Hue University"};
  pb.affiliation = {0, 0, 0, 1};
  pb.maxPerAffiliation = 1;
  const InfeasibleAssignment e = failure(pb);
  EXPECT_TRUE(
      mentions(e.what(), "fewer than 3 eligible reviewers (counting the affiliation cap): p0 (2), p1 (2)"))
      << e.what();
}

TEST(AssignInfeasible, MinimumLoadsThatCannotBeMet) {
  AssignmentProblem pb = dense(4, 3, 1, 4);
  pb.minLoad = {2, 2, 1};  // 5 > 4 reviews
  InfeasibleAssignment e = failure(pb);
  EXPECT_TRUE(mentions(e.what(), "minimum loads (with the fixed assignments) need 5 reviews")) << e.what();

  pb = dense(4, 3, 1, 4);
  pb.minLoad = {0, 0, 2};
  pb.conflicts = {{0, 2}, {1, 2}, {2, 2}};  // r2 can only review p3
  e = failure(pb);
  EXPECT_TRUE(mentions(e.what(), "1 reviewer has fewer eligible papers than their minimum load: r2 (1 < 2)"))
      << e.what();
  EXPECT_EQ(e.reviewers, std::vector<std::string>{"r2"});
}

TEST(AssignInfeasible, FixedAssignmentsThatBreakTheRules) {
  AssignmentProblem pb = dense(3, 4, 2, 1);
  pb.maxLoad = {1, 3, 3, 3};
  pb.fixed = {{0, 0}, {1, 0}, {2, 1}};
  pb.conflicts = {{2, 1}};
  const InfeasibleAssignment e = failure(pb);
  EXPECT_TRUE(mentions(e.what(), "the fixed assignment (p2, r1) is a conflict")) << e.what();
  EXPECT_TRUE(mentions(e.what(), "reviewer r0 has 2 fixed papers, more than the maximum load 1")) << e.what();
}

TEST(AssignInfeasible, HallViolationIsExplainedByTheBarrier) {
  // Every count is fine, but p0, p1, p2 may only be reviewed by r0 and r1 (k = 1, max load 1): three
  // papers, two seats. The other papers have plenty of reviewers.
  AssignmentProblem pb;
  for (int p = 0; p < 6; ++p) pb.paperIds.push_back("p" + std::to_string(p));
  for (int r = 0; r < 6; ++r) pb.reviewerIds.push_back("r" + std::to_string(r));
  for (int p = 0; p < 3; ++p)
    for (int r = 0; r < 2; ++r) pb.candidates.push_back({p, r, 0.5});
  for (int p = 3; p < 6; ++p)
    for (int r = 0; r < 6; ++r) pb.candidates.push_back({p, r, 0.5});
  pb.reviewersPerPaper = 1;
  pb.maxLoad.assign(6, 1);
  for (AssignMode mode : {AssignMode::Total, AssignMode::Fair}) {
    const InfeasibleAssignment e = failure(pb, mode);
    EXPECT_TRUE(mentions(e.what(), "3 papers (p0, p1, p2) need 3 reviews in all")) << e.what();
    EXPECT_TRUE(mentions(e.what(), "at most 2")) << e.what();
    EXPECT_EQ(e.papers, (std::vector<std::string>{"p0", "p1", "p2"}));
  }
}

TEST(AssignInfeasible, MinimumLoadsBlockedByTheStructureAreExplained) {
  // r0 and r1 must each review 2 papers but only p0 and p1 (k = 1) are open to them.
  AssignmentProblem pb;
  for (int p = 0; p < 4; ++p) pb.paperIds.push_back("p" + std::to_string(p));
  for (int r = 0; r < 4; ++r) pb.reviewerIds.push_back("r" + std::to_string(r));
  for (int p = 0; p < 2; ++p)
    for (int r = 0; r < 4; ++r) pb.candidates.push_back({p, r, 0.5});
  for (int p = 2; p < 4; ++p)
    for (int r = 2; r < 4; ++r) pb.candidates.push_back({p, r, 0.5});
  pb.reviewersPerPaper = 1;
  pb.minLoad = {2, 2, 0, 0};
  pb.maxLoad = {2, 2, 2, 2};
  const InfeasibleAssignment e = failure(pb);
  EXPECT_TRUE(mentions(e.what(), "2 reviewers (r0, r1) must take at least 4 reviews")) << e.what();
  EXPECT_TRUE(mentions(e.what(), "(p0, p1) can give them at most 2")) << e.what();
}

TEST(AssignInfeasible, LongListsAreShortenedInTheMessageButKeptInFull) {
  AssignmentProblem pb = dense(30, 2, 3, 100);
  const InfeasibleAssignment e = failure(pb);
  EXPECT_TRUE(mentions(e.what(), "p19 (2) and 10 more")) << e.what();
  EXPECT_EQ(e.papers.size(), 30u);
}
