#pragma once
// Explaining why no assignment exists, in the chairs' terms: which papers lack eligible reviewers,
// whether the loads can carry the demand at all, which minimum loads or fixed assignments cannot be met,
// and, when none of these simple counts shows it, the group of papers (or reviewers) that LEMON's
// circulation barrier proves cannot be served. Stateless functions.
#include <string>
#include <vector>

#include "assign/CirculationModel.h"
#include "assign/Network.h"
#include "core/Errors.h"

namespace confpress::assign {

/// No assignment meets every constraint. what() joins the reasons; the ids name the papers and
/// reviewers involved (in full; messages list at most 20 of each).
struct InfeasibleAssignment : Error {
  InfeasibleAssignment(std::vector<std::string> reasonList, std::vector<std::string> paperIds,
                       std::vector<std::string> reviewerIds);
  std::vector<std::string> reasons;
  std::vector<std::string> papers;
  std::vector<std::string> reviewers;
};

/// The counting checks (each necessary for feasibility): fixed pairs that are conflicts or exceed k, a
/// load or an affiliation cap; papers with fewer than k eligible reviewers (after conflicts and caps);
/// Σ max loads below papers × k; minimum loads (or fixed pairs) needing more reviews than exist;
/// reviewers with fewer eligible papers than their minimum load. Throws InfeasibleAssignment listing
/// every failed check; returns if all pass.
void checkCounts(const AssignmentProblem& problem, const Network& net);

/// Throws InfeasibleAssignment describing `barrier` (from a failed CirculationModel::feasible).
[[noreturn]] void throwBarrier(const AssignmentProblem& problem, const Network& net, const Barrier& barrier);

/// "p1, p2, p3 and 17 more": at most `shown` ids.
std::string listIds(const std::vector<std::string>& ids, std::size_t shown = 20);

}  // namespace confpress::assign
