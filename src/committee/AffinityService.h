#pragma once
// Recomputes the affinities of a conference (affinity/AffinityModel.h: BM25 between members' profiles and
// papers' title, abstract and keywords, plus topic overlap; top K per paper and per member) and stores them,
// replacing the previous ones in one transaction. Papers: those submitted (not drafts, not withdrawn);
// members: those who did not decline; pairs with a blocking conflict or an author are left out.
// Thread-safe.
#include <optional>
#include <string>

#include "affinity/AffinityModel.h"
#include "auth/Principal.h"
#include "store/Database.h"

namespace confpress::committee {

struct AffinitySummary {
  int papers = 0;
  int members = 0;
  size_t pairs = 0;  // pairs stored
  size_t k = 0;
};

class AffinityService {
 public:
  explicit AffinityService(store::Database& db, affinity::AffinityOptions defaults = {})
      : db_(db), defaults_(defaults) {}

  /// Chairs: recompute with `topK` (1..1000; default the configured K, 50).
  AffinitySummary recompute(const std::string& slug, std::optional<int64_t> topK, const auth::Principal& who,
                            const auth::Origin& origin);

 private:
  store::Database& db_;
  affinity::AffinityOptions defaults_;
};

/// The same without a caller (sample loading); `actor` for the audit entry.
AffinitySummary recomputeAffinities(store::Database& db, int64_t conferenceId,
                                    const affinity::AffinityOptions& options, std::optional<int64_t> actor,
                                    const std::string& ip);

}  // namespace confpress::committee
