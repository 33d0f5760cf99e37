#pragma once
// The background half of the web assignment: a chair's request becomes a job of kind "assignment" whose
// input names the conference and the settings; runAssignmentJob reads the conference's papers,
// committee, conflicts, affinities and bids (committee::buildAssignmentInput), solves the problem exactly
// (assign::assignReviewers) and returns the proposal as the job's result, reporting each step as
// progress. An infeasible problem fails the job with the engine's explanation (papers and members named).
// Thread-safe: a function of the database and the job.
#include <string>

#include "assignment/Proposal.h"
#include "jobs/JobRunner.h"
#include "store/Database.h"

namespace confpress::assignment {

inline constexpr const char* kAssignmentJob = "assignment";

/// The job's input_json for a run of `settings` on conference `slug`.
std::string assignmentJobInput(const std::string& slug, const AssignmentSettings& settings);

/// Runs one job (the handler registered with jobs::JobRunner); returns proposalToJson(…).
std::string runAssignmentJob(store::Database& db, const store::JobRecord& job, jobs::JobProgress& progress);

}  // namespace confpress::assignment
