#pragma once
// The JSON shape of a submission, its versions and preflight reports: one shape for every route.
#include <Poco/JSON/Object.h>

#include "preflight/Report.h"
#include "store/SubmissionRepository.h"
#include "submission/SubmissionService.h"

namespace confpress::web {

Poco::JSON::Object::Ptr toJson(const submission::SubmissionView& v);
Poco::JSON::Object::Ptr toJson(const store::VersionRecord& version);
/// The stored report JSON as an object (an empty object if unreadable).
Poco::Dynamic::Var reportJson(const std::string& json);

}  // namespace confpress::web
