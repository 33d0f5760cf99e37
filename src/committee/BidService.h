#pragma once
// Bidding: committee members see the submitted papers they may review (never one they are conflicted with
// or wrote), best affinity first, and say how much they want each one: eager, willing, neutral or
// not_willing, or "conflict", which records a conflict of interest declared by the member (the paper then
// disappears for them; a chair can dismiss it). Every bid is audited. Thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "auth/Principal.h"
#include "store/Database.h"

namespace confpress::committee {

/// A paper as offered for bidding: no authors (bidding happens before reviews, under any blindness).
struct BiddingPaper {
  int64_t submissionId = 0;
  int number = 0;
  std::string title;
  std::string abstract;
  std::vector<std::string> keywords;
  std::vector<int64_t> topicIds;
  double affinity = 0;             // stored affinity (0 when not among the kept pairs)
  std::optional<std::string> bid;  // the member's bid, none yet
};

/// The bid levels, weakest wish last; "conflict" is accepted by setBid as well.
const std::vector<std::string>& bidLevels();

class BidService {
 public:
  explicit BidService(store::Database& db) : db_(db) {}

  /// The caller's biddable papers by affinity (highest first), then number. Forbidden unless the caller
  /// is a committee member who accepted.
  std::vector<BiddingPaper> papers(const std::string& slug, const auth::Principal& who);
  /// How many conflicts the caller declared themself (their papers no longer appear in papers()).
  int declaredConflicts(const std::string& slug, const auth::Principal& who);
  /// Sets the caller's bid on paper `number`; `conflictType` (collaborator, advisor, institutional,
  /// personal, other; default other) only with level "conflict". Returns the level stored.
  std::string setBid(const std::string& slug, int64_t number, const std::string& level,
                     const std::optional<std::string>& conflictType, const auth::Principal& who,
                     const auth::Origin& origin);

 private:
  store::Database& db_;
};

}  // namespace confpress::committee
