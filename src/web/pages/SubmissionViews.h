#pragma once
// What the submission pages show, as mstch maps: lists, the form's values, the paper page with its
// versions and preflight reports. Labels come from the reader's catalog. Keys are documented in
// templates/README.md.
#include <mstch/mstch.hpp>

#include <map>
#include <string>

#include "preflight/Report.h"
#include "submission/SubmissionService.h"
#include "web/Exchange.h"

namespace confpress::web {

/// Title, slug, links and the deadlines (in the conference's zone and the reader's language).
mstch::map conferenceSummary(Exchange& ex, const store::ConferenceRecord& c);

/// One row of a list.
mstch::map submissionRow(Exchange& ex, const submission::SubmissionView& v);

/// The paper page's "submission" object.
mstch::map submissionDetail(Exchange& ex, const submission::SubmissionView& v);

/// A preflight report: status label and problems with their severity.
mstch::map reportView(Exchange& ex, const preflight::Report& report);

/// The form's values from a stored submission (for editing) or from what was posted (after an error).
mstch::map formValues(Exchange& ex, const store::ConferenceRecord& c,
                      const submission::SubmissionInput& input,
                      const std::map<std::string, std::string>& errors);

/// The submission a posted form describes (repeated author rows, topic checkboxes, conflict lines).
submission::SubmissionInput inputFromForm(const Poco::Net::HTMLForm& form);

/// The input that reproduces a stored submission.
submission::SubmissionInput inputFrom(const store::SubmissionRecord& s);

std::string submissionUrl(const std::string& slug, int number);

}  // namespace confpress::web
