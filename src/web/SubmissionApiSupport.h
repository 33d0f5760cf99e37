#pragma once
// Pieces the submission API and the submission pages share: reading ids, filters and PDF bodies,
// answering uploads (with the preflight report, also when refused), sending PDFs, CSV export.
#include <functional>
#include <string>
#include <vector>

#include "submission/SubmissionService.h"
#include "web/Exchange.h"

namespace confpress::web {

/// The {id} route parameter as a submission number (NotFound when it is not one).
int64_t submissionNumber(Exchange& ex);

/// ?status= and ?topic= (a topic id or name) as a filter; ValidationError naming the parameter.
store::SubmissionFilter filterFrom(Exchange& ex, const std::string& slug);

/// Topics given as an array of names, ids or {id, …} objects (the shape GET returns).
std::vector<std::string> topicNames(const Poco::Dynamic::Var& value, const std::string& field);

/// The raw PDF body, refused from Content-Length (413, naming the conference's limit) before it is read.
const std::string& readPdfBody(Exchange& ex, const std::string& slug);

/// Runs an upload and answers 201 {version, preflight}, or 422 {error, preflight} when refused.
void sendUploadOutcome(Exchange& ex, const std::function<submission::UploadOutcome()>& upload);

void sendPdf(Exchange& ex, const submission::PdfFile& file);

/// The list as CSV (UTF-8 with a byte-order mark, so spreadsheets read Vietnamese correctly).
std::string submissionsCsv(const std::vector<submission::SubmissionView>& views);

}  // namespace confpress::web
