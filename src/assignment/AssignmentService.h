#pragma once
// Reviewer assignment for chairs, over the web: run the exact engine as a background job (start), follow
// it and preview its proposal against the current assignment (job), commit it (commit), see the current
// assignment with its report (overview), and add or remove single reviewers by hand (add, remove: a
// manual pair is kept by every later run). Only chairs and administrators may; a chair never sees a
// paper they are conflicted with (policy::paperAccess): such papers are assigned like the others but
// left out of everything shown to that chair, only counted. Every change is audited. Thread-safe.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assignment/Diff.h"
#include "assignment/Proposal.h"
#include "assignment/Report.h"
#include "auth/Principal.h"
#include "jobs/JobRunner.h"
#include "store/Database.h"
#include "store/JobRepository.h"

namespace confpress::assignment {

struct PaperLabel {
  int number = 0;
  std::string title;
};

struct PersonLabel {
  std::string name, email, affiliation;
};

/// Names for the ids a view mentions (only the papers the viewer may see).
struct Labels {
  std::map<int64_t, PaperLabel> papers;
  std::map<int64_t, PersonLabel> people;
};

struct AssignedReviewer {
  int64_t personId = 0;
  double affinity = 0;
  std::optional<std::string> bid;
  std::string source;  // manual or auto
  bool fixed = false;
  bool reviewStarted = false;
};

struct OverviewPaper {
  int64_t submissionId = 0;
  std::vector<AssignedReviewer> reviewers;
  std::vector<int64_t> addable;  // members who may be added: accepted, not conflicted, not assigned
  double minAffinity = 0, meanAffinity = 0;
  bool hasExpert = false;
};

struct MemberLoad {
  int64_t personId = 0;
  int load = 0;
  int minLoad = 0;
  std::optional<int> maxLoad;
};

struct AssignmentOverview {
  std::vector<OverviewPaper> papers;  // the visible submitted papers, by number
  std::vector<MemberLoad> members;    // by name
  AssignmentReport report;            // papers the viewer may not see are counted, not named
  int reviewersPerPaper = 3;          // of the last run (3 before any)
  int hiddenPapers = 0;
  std::vector<store::JobRecord> recentJobs;  // newest first (without their results)
  Labels labels;
};

struct JobView {
  store::JobRecord job;  // result_json cleared
  AssignmentSettings settings;
  std::optional<Proposal> proposal;  // once done
  AssignmentDiff diff;               // visible papers only
  AssignmentReport proposed, current;
  bool stale = false;  // the assignment changed since the proposal was computed
  int hiddenPapers = 0;
  Labels labels;
};

struct CommitSummary {
  size_t added = 0, removed = 0, kept = 0;
};

class AssignmentService {
 public:
  AssignmentService(store::Database& db, jobs::JobRunner& runner) : db_(db), runner_(runner) {}

  /// Queues a run; returns the job's id. ValidationError naming the setting.
  int64_t start(const std::string& slug, const AssignmentSettings& settings, const auth::Principal& who,
                const auth::Origin& origin);
  JobView job(const std::string& slug, int64_t jobId, const auth::Principal& who);
  /// Makes the proposal the assignment. Conflict when the job is not done, was committed already, the
  /// assignment changed since the run ("stale"), or a proposed pair has become conflicted.
  CommitSummary commit(const std::string& slug, int64_t jobId, const auth::Principal& who,
                       const auth::Origin& origin);
  AssignmentOverview overview(const std::string& slug, const auth::Principal& who);
  /// Assigns member `personId` to paper `number` by hand (kept by later runs).
  void add(const std::string& slug, int64_t number, int64_t personId, const auth::Principal& who,
           const auth::Origin& origin);
  /// Removes the pair; Conflict when the member has started the review.
  void remove(const std::string& slug, int64_t number, int64_t personId, const auth::Principal& who,
              const auth::Origin& origin);

 private:
  store::Database& db_;
  jobs::JobRunner& runner_;
};

}  // namespace confpress::assignment
