#pragma once
// The difference between the current assignment and a proposed one, per paper and per reviewer: what a
// chair reads before committing. Pure functions of their arguments.
#include <cstdint>
#include <vector>

#include "assignment/Proposal.h"

namespace confpress::assignment {

struct PaperChange {
  int64_t submissionId = 0;
  std::vector<int64_t> added, removed, kept;  // person ids
};

struct ReviewerChange {
  int64_t personId = 0;
  std::vector<int64_t> added, removed;  // submission ids
  int loadBefore = 0, loadAfter = 0;
};

struct AssignmentDiff {
  std::vector<PaperChange> papers;        // papers with an added or removed reviewer, by submission id
  std::vector<ReviewerChange> reviewers;  // reviewers with an added or removed paper, by person id
  size_t added = 0, removed = 0, kept = 0;
};

AssignmentDiff diffAssignments(std::vector<Pair> current, std::vector<Pair> proposed);

}  // namespace confpress::assignment
