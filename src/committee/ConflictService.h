#pragma once
// Conflicts of interest as chairs handle them: the list with its evidence, detection (ConflictDetector over
// the committee and the papers, plus the authors' declarations matched to members and chairs by e-mail),
// and confirming or dismissing each one. What a conflict *does* (the paper disappears for that person, who
// is never assigned to it) is decided by policy::paperAccess through submission::PaperVisibility. Every
// change is audited. Thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "auth/Principal.h"
#include "store/ConflictRepository.h"
#include "store/Database.h"

namespace confpress::committee {

struct DetectionSummary {
  int created = 0;    // new rows (detected: pending; declared by authors: confirmed)
  int updated = 0;    // rows whose evidence changed (their status is kept: a dismissal stays)
  int removed = 0;    // pending detections and declarations that no longer hold
  int unchanged = 0;  // rows found again as they were
};

class ConflictService {
 public:
  explicit ConflictService(store::Database& db) : db_(db) {}

  /// Chairs: every conflict, optionally of one status, except those about papers the chair may not see
  /// (their own conflicts).
  std::vector<store::ConflictRecord> list(const std::string& slug, const std::optional<std::string>& status,
                                          const auth::Principal& who);
  /// Chairs: detects conflicts between the committee (members who did not decline) and every paper that is
  /// not withdrawn, and records the authors' declarations naming a member or a chair.
  DetectionSummary detect(const std::string& slug, const auth::Principal& who, const auth::Origin& origin);
  /// Chairs: confirms or dismisses (or sends back to pending) a conflict. An author's conflict with their
  /// own paper cannot be dismissed (Conflict "always_conflicted").
  store::ConflictRecord decide(const std::string& slug, int64_t id, const std::string& status,
                               const auth::Principal& who, const auth::Origin& origin);

 private:
  store::Database& db_;
};

/// Detection inside the caller's transaction (also used when loading the sample); `actor` for the audit.
DetectionSummary detectConflictsIn(Poco::Data::Session& s, int64_t conferenceId, std::optional<int64_t> actor,
                                   const std::string& ip);

}  // namespace confpress::committee
