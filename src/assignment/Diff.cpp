#include "assignment/Diff.h"

#include <algorithm>
#include <map>

namespace confpress::assignment {

AssignmentDiff diffAssignments(std::vector<Pair> current, std::vector<Pair> proposed) {
  std::sort(current.begin(), current.end());
  current.erase(std::unique(current.begin(), current.end()), current.end());
  std::sort(proposed.begin(), proposed.end());
  proposed.erase(std::unique(proposed.begin(), proposed.end()), proposed.end());

  std::map<int64_t, PaperChange> papers;
  std::map<int64_t, ReviewerChange> reviewers;
  AssignmentDiff diff;
  auto reviewer = [&](int64_t person) -> ReviewerChange& {
    ReviewerChange& r = reviewers[person];
    r.personId = person;
    return r;
  };
  for (const Pair& p : current) ++reviewer(p.personId).loadBefore;
  for (const Pair& p : proposed) ++reviewer(p.personId).loadAfter;

  std::vector<Pair> added, removed, kept;
  std::set_difference(proposed.begin(), proposed.end(), current.begin(), current.end(),
                      std::back_inserter(added));
  std::set_difference(current.begin(), current.end(), proposed.begin(), proposed.end(),
                      std::back_inserter(removed));
  std::set_intersection(current.begin(), current.end(), proposed.begin(), proposed.end(),
                        std::back_inserter(kept));
  for (const Pair& p : added) {
    papers[p.submissionId].added.push_back(p.personId);
    reviewer(p.personId).added.push_back(p.submissionId);
  }
  for (const Pair& p : removed) {
    papers[p.submissionId].removed.push_back(p.personId);
    reviewer(p.personId).removed.push_back(p.submissionId);
  }
  for (const Pair& p : kept)  // a changed paper also lists the reviewers it keeps
    if (auto it = papers.find(p.submissionId); it != papers.end()) it->second.kept.push_back(p.personId);
  for (auto& [id, change] : papers) {
    change.submissionId = id;
    diff.papers.push_back(std::move(change));
  }
  for (auto& [id, change] : reviewers)
    if (!change.added.empty() || !change.removed.empty()) diff.reviewers.push_back(std::move(change));
  diff.added = added.size();
  diff.removed = removed.size();
  diff.kept = kept.size();
  return diff;
}

}  // namespace confpress::assignment
