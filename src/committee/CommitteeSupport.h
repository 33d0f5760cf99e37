#pragma once
// Small pieces every committee service shares: loading the conference, the caller's standing, refusing
// non-chairs, resolving topic names. Private to committee/.
#include <Poco/Data/Session.h>

#include <string>
#include <vector>

#include "auth/Principal.h"
#include "policy/Policy.h"
#include "store/ConferenceRepository.h"

namespace confpress::committee {

/// NotFound naming the slug.
store::ConferenceRecord loadConference(Poco::Data::Session& s, const std::string& slug);

policy::ConferenceStanding standingIn(Poco::Data::Session& s, const store::ConferenceRecord& c,
                                      const auth::Principal& who);

/// Forbidden ("only the chairs of SLUG may WHAT") unless policy::mayManageCommittee.
void requireChair(Poco::Data::Session& s, const store::ConferenceRecord& c, const auth::Principal& who,
                  const std::string& what);

/// Topic ids for names or ids, without repeats; errors name "field[i]".
std::vector<int64_t> resolveTopics(const std::vector<std::string>& topics, const store::ConferenceRecord& c,
                                   const std::string& field);

}  // namespace confpress::committee
