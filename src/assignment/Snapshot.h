#pragma once
// Everything the assignment pages and the commit read about one conference, loaded in one session: the
// submitted papers, the members who accepted, the current assignment, affinities, bids and the pairs
// that may never be assigned (an author or a blocking conflict: policy::mayBeAssigned). Private to
// assignment/.
#include <Poco/Data/Session.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "assignment/Proposal.h"
#include "assignment/Report.h"
#include "store/AssignmentRepository.h"
#include "store/CommitteeRepository.h"
#include "store/ConferenceRepository.h"
#include "store/SubmissionRepository.h"

namespace confpress::assignment {

struct Snapshot {
  store::ConferenceRecord conference;
  std::vector<store::SubmissionRecord> papers;        // submitted, by number
  std::vector<store::CommitteeMemberRecord> members;  // accepted, by name (Vietnamese collation)
  std::vector<store::AssignmentRecord> assignments;   // of the submitted papers
  std::string fingerprint;                            // of every assignment of the conference
  std::map<Pair, double> affinity;
  std::map<Pair, std::string> bids;
  std::set<Pair> forbidden;
  std::map<int64_t, size_t> paperAt, numberAt, memberAt;  // submission id / number / person id → index

  const store::SubmissionRecord* paper(int64_t submissionId) const;
  const store::SubmissionRecord* paperByNumber(int64_t number) const;
  const store::CommitteeMemberRecord* member(int64_t personId) const;
  std::vector<Pair> currentPairs() const;
  /// The report's input for `pairs` (restricted to the snapshot's papers) with k reviewers per paper.
  ReportInput reportInput(const std::vector<Pair>& pairs, int reviewersPerPaper) const;
};

/// Reads the snapshot of `conference` inside the caller's session (and transaction, if any).
Snapshot loadSnapshot(Poco::Data::Session& session, const store::ConferenceRecord& conference);

}  // namespace confpress::assignment
