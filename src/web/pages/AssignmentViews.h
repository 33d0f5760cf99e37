#pragma once
// The template contexts of the assignment pages: the current assignment with its report, and a job with
// its progress, proposal, changes and the report before and after. Numbers arrive formatted.
#include <mstch/mstch.hpp>

#include "assignment/AssignmentService.h"
#include "store/ConferenceRepository.h"
#include "web/Exchange.h"

namespace confpress::web {

mstch::map overviewContext(Exchange& ex, const store::ConferenceRecord& c,
                           const assignment::AssignmentOverview& overview);

mstch::map jobContext(Exchange& ex, const store::ConferenceRecord& c, const assignment::JobView& view);

}  // namespace confpress::web
