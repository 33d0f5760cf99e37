#pragma once
// The offline assignment's files: reading scores, conflicts, bids, fixed assignments and affiliations
// into an AssignmentProblem, and writing the assignment. Formats (a header line is optional: a first
// line whose first field is the first column's name, e.g. "paper", is skipped):
//   scores        paper,reviewer,score     real score; only listed pairs can be assigned; a pair once
//   conflicts     paper,reviewer           never assigned
//   bids          paper,reviewer,bid       a level or a number, added to the pair's score (bidWeight);
//                                          bids on pairs without a score are ignored (and counted)
//   fixed         paper,reviewer           manual assignments, always kept
//   affiliations  reviewer,affiliation     for the per-paper affiliation cap
//   output        paper,reviewer,score     with a header; one line per assigned pair
// Ids are strings (quoted if they hold commas); papers and reviewers are numbered in order of first
// appearance in the scores file, then the fixed file; the candidates come out sorted by paper, then
// reviewer (in that numbering). Errors are confpress::BadRequest with
// "FILE:LINE: message".
#include <optional>
#include <string>
#include <string_view>

#include "assign/Problem.h"

namespace confpress::assign {

/// The weight a bid adds to the pair's score. Levels (case-insensitive; '-' and ' ' count as '_'):
///   eager +0.5, willing +0.25, neutral 0, not_willing -0.5
/// or any number, added as it is. Affinities are usually in [0, 1], so an eager bid counts for half
/// of the whole affinity range, and not_willing discourages a pair without forbidding it (conflicts
/// forbid). Empty when `bid` is neither.
std::optional<double> bidWeight(std::string_view bid);

struct AssignmentFiles {
  std::string scores;                                // required
  std::string conflicts, bids, fixed, affiliations;  // optional ("" = none)
};

/// What reading found besides the problem itself.
struct InputCounts {
  std::size_t scoreLines = 0;
  std::size_t conflicts = 0;  // conflict lines naming a known paper and reviewer
  std::size_t bidsApplied = 0;
  std::size_t bidsIgnored = 0;  // bids on pairs without a score
};

/// Reads the files. The caller sets reviewersPerPaper, the loads and maxPerAffiliation afterwards.
AssignmentProblem readAssignmentFiles(const AssignmentFiles& files, InputCounts* counts = nullptr);

/// Writes the assignment as CSV (header `paper,reviewer,score`), through a temporary file renamed into
/// place. Throws std::runtime_error naming the file on failure.
void writeAssignmentCsv(const std::string& path, const AssignmentProblem& problem,
                        const Assignment& assignment);

/// A number as the output shows it: at most six decimals, trailing zeros dropped ("1406.25", "3").
std::string formatScore(double value);

}  // namespace confpress::assign
