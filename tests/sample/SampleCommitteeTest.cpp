// The sample workshop's committee: profiles, detected and decided conflicts, a member's own conflict,
// affinities and bids, loaded again without change, and an assignment the engine can solve from them.
#include <gtest/gtest.h>

#include <set>

#include "assign/Assigner.h"
#include "committee/AssignmentInput.h"
#include "sample/SampleCommittee.h"
#include "sample/SampleLoader.h"
#include "sample/SampleSubmissions.h"
#include "store/BidRepository.h"
#include "store/CommitteeRepository.h"
#include "store/ConferenceRepository.h"
#include "store/ConflictRepository.h"
#include "support/TestRuntime.h"

using namespace confpress;

TEST(SampleCommittee, MembersHaveProfilesConflictsAndBidsAndTheEngineCanAssign) {
  cptest::TempDir dir;
  auto rt = cptest::makeRuntime(dir);
  const std::string samples = CONFPRESS_SOURCE_DIR "/samples/binhduong";
  const sample::SampleSummary loaded = sample::loadSample(rt->db, samples);
  rt->submissions.setNotifications(false);
  sample::loadSampleSubmissions(rt->db, rt->submissions, samples, loaded.conferenceSlug);
  const sample::CommitteeSummary first = sample::loadSampleCommittee(rt->db, samples, loaded.conferenceSlug);
  EXPECT_EQ(first.members, 11);
  EXPECT_GT(first.detection.created, 10);
  EXPECT_EQ(first.affinity.papers, 43);  // two papers are withdrawn
  EXPECT_EQ(first.affinity.members, 11);
  EXPECT_GT(first.affinity.pairs, 200u);
  EXPECT_GT(first.bids, 80);

  Poco::Data::Session s = rt->db.session();
  const auto c = *store::ConferenceRepository(s).findBySlug(loaded.conferenceSlug);
  for (const auto& m : store::CommitteeRepository(s).list(c.id)) {
    EXPECT_EQ(m.status, "accepted") << m.email;
    EXPECT_GT(m.profileText.size(), 100u) << m.email;
    EXPECT_EQ(m.topicIds.size(), 2u) << m.email;
    EXPECT_FALSE(store::BidRepository(s).bidsOf(c.id, m.personId).empty()) << m.email;
  }
  std::map<std::string, int> bySourceAndStatus;
  bool authorFound = false;
  for (const auto& row : store::ConflictRepository(s).list(c.id)) {
    ++bySourceAndStatus[row.source + "/" + row.status];
    EXPECT_FALSE(row.evidence.empty());
    if (row.email == "ductm@uit.example" && row.number == 5) authorFound = row.type == "author";
    if (row.email == "thanhhv@tdmu.example" && row.number == 3 && row.source == "detected") {
      EXPECT_EQ(row.status, "confirmed");
    }
    if (row.email == "lttthuy@napa.example" && row.number == 29) {
      EXPECT_EQ(row.status, "dismissed");
    }
  }
  EXPECT_TRUE(authorFound);
  EXPECT_GT(bySourceAndStatus["detected/pending"], 5);
  EXPECT_EQ(bySourceAndStatus["reviewer/confirmed"], 1);

  // Again: nothing new, decisions kept.
  const sample::CommitteeSummary second = sample::loadSampleCommittee(rt->db, samples, loaded.conferenceSlug);
  EXPECT_EQ(second.detection.created, 0);
  EXPECT_EQ(second.bids, 0);
  EXPECT_EQ(second.conflicts, first.conflicts);

  // A chair can assign three reviewers per paper; no conflicted pair is used.
  const committee::AssignmentInput input = committee::buildAssignmentInput(rt->db, loaded.conferenceSlug);
  EXPECT_EQ(input.problem.paperIds.size(), 43u);
  EXPECT_EQ(input.problem.reviewerIds.size(), 11u);
  EXPECT_GT(input.excludedPairs, 20u);
  EXPECT_GT(input.bids, 80u);
  const assign::Assignment result = assign::assignReviewers(input.problem);
  EXPECT_EQ(result.pairs.size(), 43u * 3);
  std::set<std::pair<int, int>> forbidden;
  for (const auto& f : input.problem.conflicts) forbidden.insert({f.paper, f.reviewer});
  for (const auto& pair : result.pairs) EXPECT_FALSE(forbidden.count({pair.paper, pair.reviewer}));
}
