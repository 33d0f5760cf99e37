#pragma once
// The JSON shapes of the assignment API: the current assignment, a job with its proposal, the changes
// and the report. Papers are named by number (what people call them), members by person id, name and
// e-mail.
#include <Poco/JSON/Object.h>

#include "assignment/AssignmentService.h"

namespace confpress::web {

Poco::JSON::Object::Ptr toJson(const assignment::AssignmentOverview& overview);
Poco::JSON::Object::Ptr toJson(const assignment::JobView& view);
Poco::JSON::Object::Ptr toJson(const assignment::AssignmentSettings& settings);

}  // namespace confpress::web
