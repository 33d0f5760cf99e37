#pragma once
// The JSON shapes of the committee room: a member, a reviewer profile and its past papers, a conflict of
// interest, a paper offered for bidding. One shape each, for every route that returns it.
#include <Poco/JSON/Object.h>

#include <vector>

#include "committee/BidService.h"
#include "committee/ReviewerProfileService.h"
#include "store/CommitteeRepository.h"
#include "store/ConferenceRepository.h"
#include "store/ConflictRepository.h"

namespace confpress::web {

/// Topic ids as [{id, name, name_en}] in the conference's order.
Poco::JSON::Array::Ptr topicsJson(const std::vector<int64_t>& topicIds, const store::ConferenceRecord& c);

Poco::JSON::Object::Ptr toJson(const store::CommitteeMemberRecord& m, const store::ConferenceRecord& c);
Poco::JSON::Object::Ptr toJson(const store::CommitteePaperRecord& p);
Poco::JSON::Object::Ptr toJson(const committee::ReviewerProfile& p, const store::ConferenceRecord& c);
Poco::JSON::Object::Ptr toJson(const store::ConflictRecord& c);
Poco::JSON::Object::Ptr toJson(const committee::BiddingPaper& p, const store::ConferenceRecord& c);

}  // namespace confpress::web
