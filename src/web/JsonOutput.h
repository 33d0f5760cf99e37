#pragma once
// Building JSON answers: objects keep the order fields were set in, and domain records have one JSON
// shape each, used by every route that returns them.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "auth/Principal.h"
#include "store/ConferenceRepository.h"

namespace confpress::web {

inline Poco::JSON::Object::Ptr newObject() {
  return Poco::makeShared<Poco::JSON::Object>(Poco::JSON_PRESERVE_KEY_ORDER);
}
inline Poco::JSON::Array::Ptr newArray() {
  return Poco::makeShared<Poco::JSON::Array>(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::JSON::Object::Ptr toJson(const auth::Principal& who);
/// `full` adds the call texts and time stamps (the single-conference view).
Poco::JSON::Object::Ptr toJson(const store::ConferenceRecord& c, bool full);

}  // namespace confpress::web
