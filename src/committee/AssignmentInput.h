#pragma once
// The assignment engine's input for one conference (assign/Problem.h), built from the store: the submitted
// papers × the members who accepted, each eligible pair scored affinity + bid weight (assign::bidWeight:
// eager +0.5, willing +0.25, neutral 0, not_willing −0.5; an absent bid or affinity counts 0); pairs with a
// blocking conflict or an author never become candidates (policy::mayBeAssigned) and are listed as
// conflicts; loads come from committee_members (no max_load: options.defaultMaxLoad, else no limit);
// assignments entered by hand are fixed, and so are pairs whose review has started (and, with keepCurrent,
// every current one); members' normalised affiliations feed the per-paper affiliation cap. The web
// assignment job (assignment/AssignmentJob.h) solves it with assign::assignReviewers and maps the indices
// back through the id tables. Thread-safe.
#include <cstdint>
#include <string>
#include <vector>

#include "assign/Problem.h"
#include "store/Database.h"

namespace confpress::committee {

struct AssignmentInputOptions {
  int reviewersPerPaper = 3;
  int maxPerAffiliation = 0;    // 0: no cap
  bool includeSeniorPc = true;  // senior members review too
  int defaultMaxLoad = 0;       // the limit of members without their own maximum; 0: no limit
  bool keepCurrent = false;     // every current assignment is kept (fixed), the engine only completes it
};

struct AssignmentInput {
  assign::AssignmentProblem problem;   // paperIds are "#N", reviewerIds e-mails
  std::vector<int64_t> submissionIds;  // indexed like problem.paperIds
  std::vector<int> numbers;            // the papers' numbers, likewise
  std::vector<int64_t> personIds;      // indexed like problem.reviewerIds
  size_t excludedPairs = 0;            // pairs left out for a conflict or authorship
  size_t bids = 0;                     // bids that changed a candidate's score
};

/// For the conference with this slug (NotFound otherwise). Reads one consistent snapshot.
AssignmentInput buildAssignmentInput(store::Database& db, const std::string& slug,
                                     const AssignmentInputOptions& options = {});

}  // namespace confpress::committee
