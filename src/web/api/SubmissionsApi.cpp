// Submissions over JSON (ids are the per-conference numbers people use: "paper #7"):
//   GET    /api/v1/conferences/{slug}/submissions[?status=&topic=][&format=csv]   list (authors: theirs)
//   POST   /api/v1/conferences/{slug}/submissions                  create → 201 {id, …}
//   GET    /api/v1/conferences/{slug}/submissions/{id}             one
//   PUT    /api/v1/conferences/{slug}/submissions/{id}             replace the metadata
//   DELETE /api/v1/conferences/{slug}/submissions/{id}             withdraw {reason} (kept, not deleted)
//   POST   /api/v1/conferences/{slug}/submissions/{id}/submit      draft → submitted
//   POST   /api/v1/conferences/{slug}/submissions/{id}/extension   a chair's deadline extension {until}
//   PUT    /api/v1/conferences/{slug}/submissions/{id}/pdf         upload a new version (application/pdf)
//   GET    /api/v1/conferences/{slug}/submissions/{id}/pdf[?version=N]   download
//   GET    /api/v1/conferences/{slug}/submissions/{id}/versions    every version with its preflight report
//   GET    /api/v1/conferences/{slug}/hotcrp[?content=1]           chairs: export as HotCRP JSON (PDFs
//   inlined) POST   /api/v1/conferences/{slug}/hotcrp                       chairs: import HotCRP JSON, all
//   or nothing
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <fstream>

#include "core/Errors.h"
#include "text/Unicode.h"
#include "web/Exchange.h"
#include "web/JsonInput.h"
#include "web/JsonOutput.h"
#include "web/Routes.h"
#include "web/SubmissionApiSupport.h"
#include "web/SubmissionJson.h"

namespace confpress::web {

namespace {

submission::SubmissionInput readSubmission(Exchange& ex) {
  JsonInput in(ex.jsonObject());
  submission::SubmissionInput s;
  s.title = in.requiredString("title");
  s.abstract = in.optionalString("abstract").value_or("");
  s.keywords = in.optionalStringArray("keywords").value_or(std::vector<std::string>{});
  if (auto topics = in.optionalValue("topics")) s.topics = topicNames(*topics, "topics");
  auto authors = in.optionalObjectArray("authors");
  if (!authors) throw ValidationError("authors", "required", "authors is required (at least one author)");
  for (size_t i = 0; i < authors->size(); ++i) {
    JsonInput a((*authors)[i], "authors[" + std::to_string(i) + "].");
    submission::AuthorInput author;
    author.familyName = a.requiredString("family_name");
    author.givenName = a.requiredString("given_name");
    author.email = a.requiredString("email");
    author.affiliation = a.optionalString("affiliation").value_or("");
    author.country = a.optionalString("country").value_or("");
    author.orcid = a.optionalString("orcid").value_or("");
    author.nameOrder = a.optionalString("name_order").value_or("family_first");
    author.corresponding = a.optionalBool("corresponding").value_or(false);
    a.optionalString("display_name");  // as GET returns it; derived, so ignored
    a.finish();
    s.authors.push_back(std::move(author));
  }
  if (auto conflicts = in.optionalObjectArray("declared_conflicts")) {
    for (size_t i = 0; i < conflicts->size(); ++i) {
      JsonInput c((*conflicts)[i], "declared_conflicts[" + std::to_string(i) + "].");
      store::DeclaredConflict d{c.requiredString("email"), c.optionalString("type").value_or("other")};
      c.finish();
      s.declaredConflicts.push_back(std::move(d));
    }
  }
  // Fields GET returns that a client may send back unchanged; the server owns them.
  for (const char* owned : {"id", "conference", "status", "withdraw_reason", "created_at", "updated_at",
                            "submitted_at", "withdrawn_at", "deadline", "pdf", "permissions"})
    in.optionalValue(owned);
  in.finish();
  return s;
}

void listSubmissions(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const std::string slug = ex.params["slug"];
  store::SubmissionFilter filter = filterFrom(ex, slug);
  auto views = ex.services.submissions.list(slug, filter, who);
  if (ex.query("format") == "csv") {
    ex.response.set("Content-Disposition", "attachment; filename=\"" + slug + "-submissions.csv\"");
    ex.sendText(200, submissionsCsv(views), "text/csv; charset=utf-8");
    return;
  }
  auto list = newArray();
  for (const auto& v : views) list->add(toJson(v));
  auto body = newObject();
  body->set("submissions", list);
  if (!views.empty() && views.front().isChair) {
    auto counts = newObject();
    for (const auto& [status, n] : ex.services.submissions.counts(slug, who)) counts->set(status, n);
    body->set("counts", counts);
  }
  ex.sendJson(200, body);
}

void createSubmission(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  auto v = ex.services.submissions.create(ex.params["slug"], readSubmission(ex), who, ex.origin());
  ex.response.set("Location", "/api/v1/conferences/" + v.conference.slug + "/submissions/" +
                                  std::to_string(v.submission.number));
  ex.sendJson(201, toJson(v));
}

void showSubmission(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  ex.sendJson(200, toJson(ex.services.submissions.get(ex.params["slug"], submissionNumber(ex), who)));
}

void replaceSubmission(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const int64_t number = submissionNumber(ex);
  ex.sendJson(200, toJson(ex.services.submissions.update(ex.params["slug"], number, readSubmission(ex), who,
                                                         ex.origin())));
}

void withdrawSubmission(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const int64_t number = submissionNumber(ex);
  std::string reason = ex.query("reason");
  if (Poco::toLower(ex.request.getContentType()).rfind("application/json", 0) == 0) {
    JsonInput in(ex.jsonObject());
    reason = in.optionalString("reason").value_or(reason);
    in.finish();
  }
  ex.sendJson(200,
              toJson(ex.services.submissions.withdraw(ex.params["slug"], number, reason, who, ex.origin())));
}

void submitSubmission(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  ex.sendJson(
      200, toJson(ex.services.submissions.submit(ex.params["slug"], submissionNumber(ex), who, ex.origin())));
}

void extendDeadline(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const int64_t number = submissionNumber(ex);
  JsonInput in(ex.jsonObject());
  const std::string until = in.optionalString("until").value_or("");
  in.finish();
  ex.sendJson(200, toJson(ex.services.submissions.extendDeadline(ex.params["slug"], number, until, who,
                                                                 ex.origin())));
}

void uploadPdf(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const std::string slug = ex.params["slug"];
  const int64_t number = submissionNumber(ex);
  const std::string type = Poco::toLower(ex.request.getContentType());
  if (type.rfind("application/pdf", 0) != 0 && type.rfind("application/octet-stream", 0) != 0)
    throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                "send the PDF as the request body with Content-Type: application/pdf", "pdf");
  const std::string& bytes = readPdfBody(ex, slug);
  std::string fileName = ex.query("filename");
  sendUploadOutcome(
      ex, [&] { return ex.services.submissions.uploadPdf(slug, number, bytes, fileName, who, ex.origin()); });
}

void downloadPdf(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  std::optional<int64_t> version;
  if (!ex.query("version").empty()) {
    Poco::Int64 n = 0;
    if (!Poco::NumberParser::tryParse64(ex.query("version"), n)) throw NotFound("no such version");
    version = n;
  }
  sendPdf(ex, ex.services.submissions.pdf(ex.params["slug"], submissionNumber(ex), version, who));
}

void listVersions(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  auto list = newArray();
  for (const auto& v : ex.services.submissions.versions(ex.params["slug"], submissionNumber(ex), who))
    list->add(toJson(v));
  auto body = newObject();
  body->set("versions", list);
  ex.sendJson(200, body);
}

void exportHotcrp(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const std::string slug = ex.params["slug"];
  const std::string json = ex.services.submissions.exportHotcrp(slug, ex.query("content") == "1", who);
  ex.response.set("Content-Disposition", "attachment; filename=\"" + slug + "-hotcrp.json\"");
  ex.sendText(200, json, "application/json; charset=utf-8");
}

void importHotcrp(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const std::string type = Poco::toLower(ex.request.getContentType());
  if (type.rfind("application/json", 0) != 0)
    throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                "send the HotCRP export as application/json");
  const std::string& body = ex.body(ex.services.limits.maxImportBytes);
  if (!text::isValidUtf8(body)) throw BadRequest("the body is not valid UTF-8", "invalid_utf8");
  const auto [created, updated] =
      ex.services.submissions.importHotcrp(ex.params["slug"], body, who, ex.origin());
  auto result = newObject();
  result->set("created", created);
  result->set("updated", updated);
  ex.sendJson(200, result);
}

}  // namespace

void addSubmissionRoutes(Router& router) {
  router.add("GET", "/api/v1/conferences/{slug}/hotcrp", exportHotcrp);
  router.add("POST", "/api/v1/conferences/{slug}/hotcrp", importHotcrp);
  const std::string base = "/api/v1/conferences/{slug}/submissions";
  router.add("GET", base, listSubmissions);
  router.add("POST", base, createSubmission);
  router.add("GET", base + "/{id}", showSubmission);
  router.add("PUT", base + "/{id}", replaceSubmission);
  router.add("DELETE", base + "/{id}", withdrawSubmission);
  router.add("POST", base + "/{id}/submit", submitSubmission);
  router.add("POST", base + "/{id}/extension", extendDeadline);
  router.add("PUT", base + "/{id}/pdf", uploadPdf);
  router.add("GET", base + "/{id}/pdf", downloadPdf);
  router.add("GET", base + "/{id}/versions", listVersions);
}

}  // namespace confpress::web
