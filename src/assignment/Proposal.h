#pragma once
// What a chair asks the assignment job for (AssignmentSettings) and what it proposes (Proposal): plain
// data, kept as JSON in the job's row (input_json and result_json) between the run, the preview and the
// commit. The proposal remembers a fingerprint of the assignment it was computed against, so committing
// it over an assignment that changed since is refused instead of silently undoing someone's edits.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assign/Problem.h"

namespace confpress::assignment {

struct AssignmentSettings {
  int reviewersPerPaper = 3;  // k, 1–20
  assign::AssignMode mode = assign::AssignMode::Total;
  int maxPerAffiliation = 0;  // at most this many reviewers of one affiliation per paper; 0: no cap
  int defaultMaxLoad = 0;     // the limit of members who set none; 0: no limit
  bool includeSeniorPc = true;
  bool keepCurrent = false;  // keep every current assignment and only complete it
};

/// ValidationError naming the field ("reviewers_per_paper", …) when a setting is out of range.
void validateSettings(const AssignmentSettings& settings);

std::string settingsToJson(const AssignmentSettings& settings);
/// Missing fields keep their defaults; throws on malformed JSON.
AssignmentSettings settingsFromJson(const std::string& json);

/// One reviewer–paper pair, by database ids.
struct Pair {
  int64_t submissionId = 0;
  int64_t personId = 0;
  bool operator<(const Pair& o) const {
    return submissionId != o.submissionId ? submissionId < o.submissionId : personId < o.personId;
  }
  bool operator==(const Pair& o) const { return submissionId == o.submissionId && personId == o.personId; }
};

/// A stable digest of a set of pairs (order does not matter).
std::string fingerprint(std::vector<Pair> pairs);

struct Proposal {
  AssignmentSettings settings;
  std::vector<Pair> pairs;     // the complete proposed assignment, sorted
  std::vector<double> scores;  // per pair: affinity + bid weight (what was maximised)
  double objective = 0;
  std::optional<double> floor;  // fair mode
  double minPaperScore = 0, meanPaperScore = 0;
  int loadMin = 0, loadMax = 0;
  int papers = 0, reviewers = 0;
  size_t candidates = 0, excludedPairs = 0, fixedPairs = 0;
  double seconds = 0;           // solving time
  std::string baseFingerprint;  // of the assignment it was computed against
  std::optional<std::string> committedAt;
  std::optional<int64_t> committedBy;
};

std::string proposalToJson(const Proposal& proposal);
Proposal proposalFromJson(const std::string& json);

}  // namespace confpress::assignment
