#pragma once
// Who sees which paper, for one person in one conference: gathers the facts (roles, authorship, conflicts
// of interest) once and asks policy::paperAccess(), which holds the rule. Every route that shows, lists,
// changes, bids on or assigns a paper goes through this class; build one per request (it reads the
// person's roles and conflicts when constructed). Not shared between threads.
#include <Poco/Data/Session.h>

#include <map>
#include <set>

#include "auth/Principal.h"
#include "policy/Policy.h"
#include "store/ConferenceRepository.h"
#include "store/SubmissionRepository.h"

namespace confpress::submission {

class PaperVisibility {
 public:
  PaperVisibility(Poco::Data::Session& session, const store::ConferenceRecord& conference,
                  const auth::Principal& who);

  const policy::ConferenceStanding& standing() const { return standing_; }

  /// Listed among the paper's authors (by person or by e-mail).
  bool isAuthor(const store::SubmissionRecord& paper) const;
  /// A blocking conflict with the paper (policy::isBlockingConflict), authorship aside.
  bool isConflicted(int64_t submissionId) const { return conflicted_.count(submissionId) > 0; }

  policy::PaperRelation relation(const store::SubmissionRecord& paper) const;
  policy::PaperAccess access(const store::SubmissionRecord& paper) const;
  bool sees(const store::SubmissionRecord& paper) const { return policy::maySeeSubmission(access(paper)); }

  /// For records that name a paper only by id (the audit log): true when the paper is hidden from this
  /// person as a chair would see it, i.e. they are conflicted and not one of its authors.
  bool hidesFromChair(int64_t submissionId) const {
    return isConflicted(submissionId) && !authorOf_.count(submissionId);
  }

 private:
  const auth::Principal& who_;
  policy::ConferenceStanding standing_;
  std::set<int64_t> conflicted_;  // submission ids with a blocking conflict
  std::set<int64_t> authorOf_;    // submission ids the person authored
};

}  // namespace confpress::submission
