// The chairs' reviewer-assignment pages (HTML forms, CSRF-checked):
// - GET  /c/{slug}/assignment: the current assignment per paper, member loads, the report, the run form,
//        and a form per paper to add a reviewer by hand or remove one;
// - POST /c/{slug}/assignment/run: queue the engine (a background job) and follow it;
// - GET  /c/{slug}/assignment/jobs/{job}: its progress (a script polls the API; without scripts the page
//        offers a refresh link), then the proposal: figures, changes per paper and per member, the report
//        before and after, and the commit button;
// - POST /c/{slug}/assignment/jobs/{job}/commit;
// - POST /c/{slug}/assignment/add {number, person}, /c/{slug}/assignment/remove {number, person}.
#include <Poco/NumberParser.h>

#include "core/Errors.h"
#include "web/ErrorResponse.h"
#include "web/Exchange.h"
#include "web/Page.h"
#include "web/Routes.h"
#include "web/pages/AssignmentViews.h"
#include "web/pages/PageSupport.h"

namespace confpress::web {

namespace {

int64_t positive(const std::string& raw, const std::string& field) {
  Poco::Int64 n = 0;
  if (raw.empty() || raw.size() > 18 || !Poco::NumberParser::tryParse64(raw, n) || n <= 0)
    throw ValidationError(field, "invalid_value", field + " must be a positive whole number");
  return n;
}

std::string assignmentUrl(const std::string& slug) {
  return "/c/" + slug + "/assignment";
}

void renderOverview(Exchange& ex, int status, const std::string& slug, const auth::Principal& who,
                    mstch::map extra) {
  const store::ConferenceRecord c = ex.services.conferences.get(slug);
  mstch::map context = overviewContext(ex, c, ex.services.assignments.overview(slug, who));
  for (auto& [key, value] : extra) context[key] = std::move(value);
  renderPage(ex, status, "assignment", pageTitle(ex, "title_assignment"), context);
}

void renderJob(Exchange& ex, int status, const std::string& slug, int64_t jobId, const auth::Principal& who,
               mstch::map extra) {
  const store::ConferenceRecord c = ex.services.conferences.get(slug);
  mstch::map context = jobContext(ex, c, ex.services.assignments.job(slug, jobId, who));
  for (auto& [key, value] : extra) context[key] = std::move(value);
  renderPage(ex, status, "assignment_job", pageTitle(ex, "title_assignment_job"), context);
}

void showOverview(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  renderOverview(ex, 200, ex.params["slug"], *who, {});
}

assignment::AssignmentSettings settingsFromForm(const Poco::Net::HTMLForm& form) {
  assignment::AssignmentSettings s;
  s.reviewersPerPaper =
      static_cast<int>(positive(form.get("reviewers_per_paper", "3"), "reviewers_per_paper"));
  const std::string mode = form.get("mode", "total");
  if (mode != "total" && mode != "fair")
    throw ValidationError("mode", "invalid_value", "mode must be total or fair");
  s.mode = mode == "fair" ? assign::AssignMode::Fair : assign::AssignMode::Total;
  const std::string cap = form.get("max_per_affiliation", "");
  s.maxPerAffiliation =
      cap.empty() || cap == "0" ? 0 : static_cast<int>(positive(cap, "max_per_affiliation"));
  const std::string load = form.get("default_max_load", "");
  s.defaultMaxLoad = load.empty() || load == "0" ? 0 : static_cast<int>(positive(load, "default_max_load"));
  s.includeSeniorPc = form.has("include_senior_pc");
  s.keepCurrent = form.has("keep_current");
  return s;
}

void runJob(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const std::string slug = ex.params["slug"];
  try {
    const int64_t id = ex.services.assignments.start(slug, settingsFromForm(ex.form()), *who, ex.origin());
    ex.redirect(assignmentUrl(slug) + "/jobs/" + std::to_string(id));
  } catch (const Error& e) {
    if (!isFormError(e)) throw;
    renderOverview(ex, statusFor(e.kind()), slug, *who,
                   {{"errors", mstch::map{{e.field().empty() ? "form" : e.field(), localMessage(ex, e)}}}});
  }
}

void showJob(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  renderJob(ex, 200, ex.params["slug"], positiveIdParam(ex, "job", "job"), *who, {});
}

void commitJob(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const std::string slug = ex.params["slug"];
  const int64_t id = positiveIdParam(ex, "job", "job");
  try {
    ex.services.assignments.commit(slug, id, *who, ex.origin());
    setFlash(ex, "flash_assignment_committed");
    ex.redirect(assignmentUrl(slug));
  } catch (const Error& e) {
    if (!isFormError(e)) throw;
    renderJob(ex, statusFor(e.kind()), slug, id, *who,
              {{"errors", mstch::map{{"form", localMessage(ex, e)}}}});
  }
}

void changeReviewer(Exchange& ex, bool add) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const std::string slug = ex.params["slug"];
  const auto& form = ex.form();
  try {
    const int64_t number = positive(form.get("number", ""), "number");
    const int64_t person = positive(form.get("person", ""), "person");
    if (add)
      ex.services.assignments.add(slug, number, person, *who, ex.origin());
    else
      ex.services.assignments.remove(slug, number, person, *who, ex.origin());
    setFlash(ex, add ? "flash_reviewer_added" : "flash_reviewer_removed");
    ex.redirect(assignmentUrl(slug) + "#paper-" + std::to_string(number));
  } catch (const Error& e) {
    if (!isFormError(e)) throw;
    renderOverview(ex, statusFor(e.kind()), slug, *who,
                   {{"errors", mstch::map{{"form", localMessage(ex, e)}}}});
  }
}

}  // namespace

void addAssignmentPages(Router& router) {
  router.add("GET", "/c/{slug}/assignment", showOverview);
  router.add("POST", "/c/{slug}/assignment/run", runJob);
  router.add("GET", "/c/{slug}/assignment/jobs/{job}", showJob);
  router.add("POST", "/c/{slug}/assignment/jobs/{job}/commit", commitJob);
  router.add("POST", "/c/{slug}/assignment/add", [](Exchange& ex) { changeReviewer(ex, true); });
  router.add("POST", "/c/{slug}/assignment/remove", [](Exchange& ex) { changeReviewer(ex, false); });
}

}  // namespace confpress::web
