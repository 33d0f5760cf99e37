// Reviewer assignment over JSON (chairs and administrators):
//   GET    /api/v1/conferences/{slug}/assignment                     the current assignment and its report
//   POST   /api/v1/conferences/{slug}/assignment/jobs                run the engine in the background:
//          {reviewers_per_paper?, mode? total|fair, max_per_affiliation?, default_max_load?,
//           include_senior_pc?, keep_current?} → 202 {id, state, …} with Location
//   GET    /api/v1/conferences/{slug}/assignment/jobs/{job}          progress; once done the proposal, its
//          changes against the current assignment and both reports
//   POST   /api/v1/conferences/{slug}/assignment/jobs/{job}/commit   make the proposal the assignment →
//          {added, removed, kept}; 409 when stale, committed already or not done
//   POST   /api/v1/conferences/{slug}/submissions/{id}/reviewers     assign by hand: {person_id} → 201
//   DELETE /api/v1/conferences/{slug}/submissions/{id}/reviewers/{person}   → 204
#include <Poco/NumberParser.h>

#include "assignment/AssignmentService.h"
#include "core/Errors.h"
#include "web/AssignmentJson.h"
#include "web/Exchange.h"
#include "web/JsonInput.h"
#include "web/JsonOutput.h"
#include "web/Routes.h"
#include "web/SubmissionApiSupport.h"
#include "web/pages/PageSupport.h"

namespace confpress::web {

namespace {

assignment::AssignmentSettings settingsFrom(JsonInput& in) {
  assignment::AssignmentSettings s;
  s.reviewersPerPaper = static_cast<int>(in.optionalInt("reviewers_per_paper", 1, 20).value_or(3));
  if (auto mode = in.optionalString("mode")) {
    if (*mode != "total" && *mode != "fair")
      throw ValidationError("mode", "invalid_value", "mode must be total or fair");
    s.mode = *mode == "fair" ? assign::AssignMode::Fair : assign::AssignMode::Total;
  }
  s.maxPerAffiliation = static_cast<int>(in.optionalInt("max_per_affiliation", 0, 20).value_or(0));
  s.defaultMaxLoad = static_cast<int>(in.optionalInt("default_max_load", 0, 10000).value_or(0));
  s.includeSeniorPc = in.optionalBool("include_senior_pc").value_or(true);
  s.keepCurrent = in.optionalBool("keep_current").value_or(false);
  return s;
}

void showAssignment(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  ex.sendJson(200, toJson(ex.services.assignments.overview(ex.params["slug"], who)));
}

void startJob(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const std::string slug = ex.params["slug"];
  assignment::AssignmentSettings settings;
  if (ex.request.hasContentLength() && ex.request.getContentLength64() > 0) {
    JsonInput in(ex.jsonObject());
    settings = settingsFrom(in);
    in.finish();
  }
  const int64_t id = ex.services.assignments.start(slug, settings, who, ex.origin());
  ex.response.set("Location", "/api/v1/conferences/" + slug + "/assignment/jobs/" + std::to_string(id));
  ex.sendJson(202, toJson(ex.services.assignments.job(slug, id, who)));
}

void showJob(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  ex.sendJson(200,
              toJson(ex.services.assignments.job(ex.params["slug"], positiveIdParam(ex, "job", "job"), who)));
}

void commitJob(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const auto summary =
      ex.services.assignments.commit(ex.params["slug"], positiveIdParam(ex, "job", "job"), who, ex.origin());
  auto body = newObject();
  body->set("added", static_cast<Poco::UInt64>(summary.added));
  body->set("removed", static_cast<Poco::UInt64>(summary.removed));
  body->set("kept", static_cast<Poco::UInt64>(summary.kept));
  ex.sendJson(200, body);
}

void addReviewer(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const int64_t number = submissionNumber(ex);
  JsonInput in(ex.jsonObject());
  const auto person = in.optionalInt("person_id", 1, INT64_MAX);
  in.finish();
  if (!person) throw ValidationError("person_id", "required", "person_id is required");
  ex.services.assignments.add(ex.params["slug"], number, *person, who, ex.origin());
  auto body = newObject();
  body->set("id", number);
  body->set("person_id", *person);
  ex.sendJson(201, body);
}

void removeReviewer(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  ex.services.assignments.remove(ex.params["slug"], submissionNumber(ex),
                                 positiveIdParam(ex, "person", "reviewer"), who, ex.origin());
  ex.sendNoContent();
}

}  // namespace

void addAssignmentRoutes(Router& router) {
  router.add("GET", "/api/v1/conferences/{slug}/assignment", showAssignment);
  router.add("POST", "/api/v1/conferences/{slug}/assignment/jobs", startJob);
  router.add("GET", "/api/v1/conferences/{slug}/assignment/jobs/{job}", showJob);
  router.add("POST", "/api/v1/conferences/{slug}/assignment/jobs/{job}/commit", commitJob);
  router.add("POST", "/api/v1/conferences/{slug}/submissions/{id}/reviewers", addReviewer);
  router.add("DELETE", "/api/v1/conferences/{slug}/submissions/{id}/reviewers/{person}", removeReviewer);
}

}  // namespace confpress::web
