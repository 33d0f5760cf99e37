#include "committee/CommitteeSupport.h"

#include <algorithm>

#include "core/Errors.h"
#include "submission/Validation.h"

namespace confpress::committee {

store::ConferenceRecord loadConference(Poco::Data::Session& s, const std::string& slug) {
  auto c = store::ConferenceRepository(s).findBySlug(slug);
  if (!c) throw NotFound("no conference '" + slug + "'");
  return *c;
}

policy::ConferenceStanding standingIn(Poco::Data::Session& s, const store::ConferenceRecord& c,
                                      const auth::Principal& who) {
  return {who.isAdmin, store::ConferenceRepository(s).rolesOf(c.id, who.personId)};
}

void requireChair(Poco::Data::Session& s, const store::ConferenceRecord& c, const auth::Principal& who,
                  const std::string& what) {
  if (!policy::mayManageCommittee(standingIn(s, c, who)))
    throw Forbidden("only the chairs of " + c.slug + " " + what);
}

std::vector<int64_t> resolveTopics(const std::vector<std::string>& topics, const store::ConferenceRecord& c,
                                   const std::string& field) {
  if (topics.size() > 200) throw ValidationError(field, "too_long", field + " holds at most 200 topics");
  std::vector<int64_t> out;
  for (size_t i = 0; i < topics.size(); ++i) {
    const int64_t id = submission::resolveTopic(topics[i], c, field + "[" + std::to_string(i) + "]");
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

}  // namespace confpress::committee
