#pragma once
// The reviewer-assignment problem and its answer as plain data. Papers and reviewers are dense indices
// into the id tables; the ids themselves are only for messages and output. Nothing here is shared
// between threads; each value is owned by its caller.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace confpress::assign {

/// One (paper, reviewer) pair that may be assigned and what assigning it is worth: the affinity plus
/// the reviewer's bid weight (see AssignmentCsv.h for the bid levels). Higher is better; negative is allowed.
struct Candidate {
  int paper = 0;     // index into AssignmentProblem::paperIds
  int reviewer = 0;  // index into AssignmentProblem::reviewerIds
  double score = 0;
};

struct PaperReviewer {
  int paper = 0;
  int reviewer = 0;
};

/// What the solver optimises.
enum class AssignMode {
  /// Maximise the sum of the scores of the assigned pairs.
  Total,
  /// First maximise the floor T: the largest value such that an assignment exists in which every pair
  /// that is not a fixed (manual) assignment scores at least T, i.e. every paper's weakest chosen reviewer
  /// is as good as possible. Then maximise the total among the assignments that keep that floor.
  /// (Maximising the smallest per-paper *sum* instead is NP-hard (Garg et al., "Assigning papers to
  /// referees", Algorithmica 2010); the floor on pairs is what a flow can decide exactly.)
  Fair,
};

/// The input. Every constraint is hard: the solver returns an optimal assignment that meets all of them
/// or throws InfeasibleAssignment explaining which cannot be met.
struct AssignmentProblem {
  std::vector<std::string> paperIds;     // every paper to assign; each must get reviewersPerPaper reviewers
  std::vector<std::string> reviewerIds;  // every reviewer who may be assigned
  /// The eligible pairs, each at most once. A pair not listed is never assigned (unless fixed).
  std::vector<Candidate> candidates;
  /// Never assigned. Conflicts naming pairs that are not candidates change nothing.
  std::vector<PaperReviewer> conflicts;
  /// Manual assignments, always kept; they count towards the paper's k and the reviewer's load. A fixed
  /// pair that is not a candidate is assigned with score 0.
  std::vector<PaperReviewer> fixed;
  int reviewersPerPaper = 3;  // k: every paper gets exactly k reviewers
  /// Per reviewer (indexed like reviewerIds). Empty minLoad means 0 for everyone, empty maxLoad means no
  /// limit. Minimum loads are hard constraints of the same solve, not a second pass.
  std::vector<int> minLoad, maxLoad;
  /// Per reviewer: index into affiliationNames, or -1 for none. Empty means nobody has one.
  std::vector<int> affiliation;
  std::vector<std::string> affiliationNames;
  /// t: at most t reviewers of one affiliation per paper (reviewers without one are never capped);
  /// 0 means no cap.
  int maxPerAffiliation = 0;
};

struct AssignOptions {
  AssignMode mode = AssignMode::Total;
  /// Scores are optimised as integers: llround(score * scoreScale). With the default 10^6 the solver is
  /// exact for scores with up to six decimals; the reported objective sums the real scores.
  double scoreScale = 1e6;
};

/// The answer: the assigned pairs and the figures people look at.
struct Assignment {
  std::vector<Candidate>
      pairs;             // sorted by paper, then reviewer; score as given (0 for a fixed non-candidate)
  double objective = 0;  // sum of the assigned pairs' real scores
  std::int64_t scaledObjective = 0;  // the same in solver units (sum of llround(score * scoreScale))
  /// Fair mode: the floor T reached (the smallest score of a non-fixed assigned pair); empty in total
  /// mode or when every assigned pair is fixed.
  std::optional<double> floor;
  double minPaperScore = 0;      // smallest per-paper sum of assigned scores
  double meanPaperScore = 0;     // mean per-paper sum
  int loadMin = 0, loadMax = 0;  // smallest and largest reviewer load (reviewers with none count as 0)
  std::size_t arcs = 0;          // arcs of the complete flow network
  std::size_t solvedArcs = 0;    // arcs of the largest network actually handed to NetworkSimplex
  int solves = 0;                // NetworkSimplex runs (pricing rounds)
  int feasibilityChecks = 0;     // Circulation runs (fair mode's threshold search, diagnosis)
};

}  // namespace confpress::assign
