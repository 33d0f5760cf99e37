#include "submission/PaperVisibility.h"

#include <algorithm>

#include "store/ConflictRepository.h"

namespace confpress::submission {

PaperVisibility::PaperVisibility(Poco::Data::Session& s, const store::ConferenceRecord& c,
                                 const auth::Principal& who)
    : who_(who), standing_{who.isAdmin, store::ConferenceRepository(s).rolesOf(c.id, who.personId)} {
  for (const store::ConflictFact& f : store::ConflictRepository(s).factsFor(c.id, who.personId, who.email)) {
    if (f.source == "author_of")
      authorOf_.insert(f.submissionId);
    else if (policy::isBlockingConflict(f.status))
      conflicted_.insert(f.submissionId);
  }
}

bool PaperVisibility::isAuthor(const store::SubmissionRecord& sub) const {
  return std::any_of(sub.authors.begin(), sub.authors.end(), [&](const store::SubmissionAuthor& a) {
    return (a.personId && *a.personId == who_.personId) || a.email == who_.email;
  });
}

policy::PaperRelation PaperVisibility::relation(const store::SubmissionRecord& sub) const {
  return {isAuthor(sub), isConflicted(sub.id), sub.status};
}

policy::PaperAccess PaperVisibility::access(const store::SubmissionRecord& sub) const {
  return policy::paperAccess(standing_, relation(sub));
}

}  // namespace confpress::submission
