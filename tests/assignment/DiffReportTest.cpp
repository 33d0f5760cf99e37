// The pure parts of the web assignment: the changes between two assignments, the report a chair judges
// an assignment by, and the proposal's round trip through the job's JSON.
#include <gtest/gtest.h>

#include "assignment/Diff.h"
#include "assignment/Proposal.h"
#include "assignment/Report.h"
#include "core/Errors.h"

using namespace confpress::assignment;

TEST(AssignmentDiff, ListsAddedRemovedAndKeptPerPaperAndPerReviewer) {
  const std::vector<Pair> current{{1, 10}, {1, 11}, {2, 10}, {3, 12}};
  const std::vector<Pair> proposed{{1, 10}, {1, 12}, {2, 10}, {3, 12}, {2, 11}};
  const AssignmentDiff d = diffAssignments(current, proposed);
  EXPECT_EQ(d.added, 2u);
  EXPECT_EQ(d.removed, 1u);
  EXPECT_EQ(d.kept, 3u);
  ASSERT_EQ(d.papers.size(), 2u);  // papers 1 and 2 changed, 3 did not
  EXPECT_EQ(d.papers[0].submissionId, 1);
  EXPECT_EQ(d.papers[0].added, std::vector<int64_t>{12});
  EXPECT_EQ(d.papers[0].removed, std::vector<int64_t>{11});
  EXPECT_EQ(d.papers[0].kept, std::vector<int64_t>{10});
  EXPECT_EQ(d.papers[1].submissionId, 2);
  EXPECT_EQ(d.papers[1].added, std::vector<int64_t>{11});
  ASSERT_EQ(d.reviewers.size(), 2u);  // 11 (−1 +2) and 12 (+1); 10 unchanged
  EXPECT_EQ(d.reviewers[0].personId, 11);
  EXPECT_EQ(d.reviewers[0].added, std::vector<int64_t>{2});
  EXPECT_EQ(d.reviewers[0].removed, std::vector<int64_t>{1});
  EXPECT_EQ(d.reviewers[0].loadBefore, 1);
  EXPECT_EQ(d.reviewers[0].loadAfter, 1);
  EXPECT_EQ(d.reviewers[1].personId, 12);
  EXPECT_EQ(d.reviewers[1].loadBefore, 1);
  EXPECT_EQ(d.reviewers[1].loadAfter, 2);
  EXPECT_TRUE(diffAssignments(proposed, proposed).papers.empty());
}

TEST(AssignmentReport, HistogramAffinityExpertsUnderstaffingAndBids) {
  ReportInput in;
  in.papers = {1, 2, 3};
  in.members = {10, 11, 12};
  in.pairs = {{1, 10}, {1, 11}, {2, 10}, {2, 12}, {3, 10}};
  in.affinity = {{{1, 10}, 0.9}, {{1, 11}, 0.3}, {{2, 10}, 0.2}, {{2, 12}, 0.4}, {{3, 10}, 0.6}};
  in.bids = {{{1, 10}, "eager"}, {{2, 12}, "not_willing"}, {{3, 11}, "eager"}};
  in.reviewersPerPaper = 2;
  const AssignmentReport r = buildReport(in);
  EXPECT_EQ(r.pairs, 5);
  EXPECT_EQ(r.loadHistogram, (std::map<int, int>{{1, 2}, {3, 1}}));  // 11 and 12 review one, 10 three
  ASSERT_EQ(r.papers.size(), 3u);
  EXPECT_DOUBLE_EQ(r.papers[0].minAffinity, 0.3);
  EXPECT_DOUBLE_EQ(r.papers[0].meanAffinity, 0.6);
  EXPECT_TRUE(r.papers[0].hasExpert);
  EXPECT_FALSE(r.papers[1].hasExpert);  // best is 0.4 < 0.5
  EXPECT_EQ(r.withoutExpert, std::vector<int64_t>{2});
  EXPECT_EQ(r.understaffed, std::vector<int64_t>{3});
  EXPECT_EQ(r.assignedByBid.at("eager"), 1);
  EXPECT_EQ(r.assignedByBid.at("not_willing"), 1);
  EXPECT_EQ(r.assignedByBid.at("none"), 3);
  EXPECT_EQ(r.eagerBids, 2);
  EXPECT_EQ(r.eagerGranted, 1);
  EXPECT_NEAR(r.meanAffinity, (0.9 + 0.3 + 0.2 + 0.4 + 0.6) / 5, 1e-12);
  EXPECT_NEAR(r.lowestPaperMean, 0.3, 1e-12);
}

TEST(AssignmentProposal, SurvivesTheJobsJsonAndFingerprintsIgnoreOrder) {
  Proposal p;
  p.settings.reviewersPerPaper = 4;
  p.settings.mode = confpress::assign::AssignMode::Fair;
  p.settings.keepCurrent = true;
  p.pairs = {{1, 10}, {2, 11}};
  p.scores = {0.75, -0.5};
  p.objective = 0.25;
  p.floor = -0.5;
  p.baseFingerprint = fingerprint({{2, 11}, {1, 10}});
  p.committedAt = "2026-11-25T01:00:00Z";
  const Proposal back = proposalFromJson(proposalToJson(p));
  EXPECT_EQ(back.settings.reviewersPerPaper, 4);
  EXPECT_EQ(back.settings.mode, confpress::assign::AssignMode::Fair);
  EXPECT_TRUE(back.settings.keepCurrent);
  EXPECT_EQ(back.pairs, p.pairs);
  EXPECT_EQ(back.scores, p.scores);
  EXPECT_EQ(back.floor, p.floor);
  EXPECT_EQ(back.committedAt, p.committedAt);
  EXPECT_EQ(back.baseFingerprint, fingerprint({{1, 10}, {2, 11}}));
  EXPECT_NE(fingerprint({{1, 10}}), fingerprint({{1, 11}}));
  EXPECT_NE(fingerprint({}), fingerprint({{1, 10}}));

  AssignmentSettings bad;
  bad.reviewersPerPaper = 0;
  try {
    validateSettings(bad);
    FAIL() << "k = 0 accepted";
  } catch (const confpress::ValidationError& e) {
    EXPECT_EQ(e.field(), "reviewers_per_paper");
  }
}
