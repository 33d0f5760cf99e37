#pragma once
// The exact reviewer-assignment engine: the one header other areas include.
//
// assignReviewers() returns an optimal assignment for AssignmentProblem (Problem.h): exactly k reviewers
// per paper, each reviewer between their minimum and maximum load, no conflicts, every fixed pair kept,
// at most t reviewers of one affiliation per paper; maximising the total score (AssignMode::Total) or,
// in AssignMode::Fair, first the floor on the assigned pairs' scores and then the total under it.
//
// How: a min-cost flow (LEMON NetworkSimplex, int64 costs = -llround(score × 10^6)) over the network
// described in Network.h, with minimum loads and fixed pairs as arc lower bounds in the same solve. Big
// conferences have millions of candidate pairs of which few matter, so the solver prices columns: it
// solves on each paper's best candidates and each reviewer's best papers, then adds the left-out pairs
// whose reduced cost under the optimal potentials is negative (with some just above zero), and repeats
// until there is none. At that point the potentials prove
// the flow optimal for the complete network (LP duality), so the answer is exact, not a heuristic. A
// slack route with a high cost keeps the restricted networks feasible; if the final flow still uses it,
// LEMON's Circulation decides feasibility exactly and its barrier explains the failure.
//
// Fair mode finds the floor among the distinct scores below two counting bounds, probing downwards with
// doubling steps and then bisecting; each probe is an exact feasibility test (LEMON Circulation on the
// network of the pairs at or above the candidate floor).
//
// Thread-safety: a pure function of its arguments; concurrent calls are independent.
#include "assign/Diagnosis.h"
#include "assign/Problem.h"

namespace confpress::assign {

/// Throws InfeasibleAssignment (a confpress::Error) when no assignment meets the constraints, naming the
/// papers and reviewers involved; std::invalid_argument for a malformed problem (see buildNetwork).
Assignment assignReviewers(const AssignmentProblem& problem, const AssignOptions& options = {});

}  // namespace confpress::assign
