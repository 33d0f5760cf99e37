// The author's and the chair's submission pages (HTML forms, CSRF-checked):
// - GET /c/{slug}/submissions: my submissions (authors), every submission with filters (chairs);
// - GET …/submissions/new and POST …/submissions: the submission form, create;
// - GET …/submissions/{id}: the paper page (status, versions, preflight report, actions);
// - GET …/{id}/edit and POST …/{id}: the form filled in, save;
// - POST …/{id}/pdf: upload a version (multipart); GET …/{id}/pdf: download it;
// - POST …/{id}/submit, …/withdraw {reason}, …/extension {until} (chairs).
#include <functional>

#include "conference/Deadlines.h"
#include "core/Errors.h"
#include "web/ErrorResponse.h"
#include "web/Exchange.h"
#include "web/Page.h"
#include "web/Routes.h"
#include "web/SubmissionApiSupport.h"
#include "web/pages/PageSupport.h"
#include "web/pages/SubmissionViews.h"

namespace confpress::web {

namespace {

std::string title(Exchange& ex, const std::string& key) {
  return pageTitle(ex, key);
}

void showList(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  const std::string slug = ex.params["slug"];
  const store::ConferenceRecord c = ex.services.conferences.get(slug);
  const store::SubmissionFilter filter = filterFrom(ex, slug);
  auto views = ex.services.submissions.list(slug, filter, *who);
  const bool chair = policy::mayListAllSubmissions(ex.services.conferences.standing(c.id, *who));
  mstch::array rows;
  for (const auto& v : views) rows.push_back(submissionRow(ex, v));
  mstch::array statuses, topics, counts;
  int total = 0;
  for (const char* status : {"draft", "submitted", "withdrawn", "accepted", "rejected"})
    statuses.push_back(mstch::map{{"value", std::string(status)},
                                  {"label", title(ex, std::string("status_") + status)},
                                  {"selected", filter.status && *filter.status == status}});
  for (const auto& t : c.topics)
    topics.push_back(mstch::map{{"id", std::to_string(t.id)},
                                {"name", ex.lang() == "en" && !t.nameEn.empty() ? t.nameEn : t.name},
                                {"selected", filter.topicId && *filter.topicId == t.id}});
  if (chair)
    for (const auto& [status, n] : ex.services.submissions.counts(slug, *who)) {
      counts.push_back(
          mstch::map{{"status", status}, {"label", title(ex, "status_" + status)}, {"count", n}});
      total += n;
    }
  const bool any = !rows.empty();
  std::string csv = "/api/v1/conferences/" + slug + "/submissions?format=csv";
  if (filter.status) csv += "&status=" + *filter.status;
  if (filter.topicId) csv += "&topic=" + std::to_string(*filter.topicId);
  renderPage(ex, 200, "submissions", title(ex, chair ? "title_all_submissions" : "title_my_submissions"),
             mstch::map{{"conference", conferenceSummary(ex, c)},
                        {"is_chair", chair},
                        {"submissions", rows},
                        {"has_submissions", any},
                        {"shown", static_cast<int>(views.size())},
                        {"statuses", statuses},
                        {"topics", topics},
                        {"counts", counts},
                        {"total", total},
                        {"csv_url", csv}});
}

void renderForm(Exchange& ex, int status, const store::ConferenceRecord& c,
                const submission::SubmissionInput& input, const std::map<std::string, std::string>& errors,
                std::optional<int> number) {
  mstch::map context = formValues(ex, c, input, errors);
  context["conference"] = conferenceSummary(ex, c);
  context["is_new"] = !number.has_value();
  context["action"] = number ? submissionUrl(c.slug, *number) : "/c/" + c.slug + "/submissions";
  context["cancel_url"] = number ? submissionUrl(c.slug, *number) : "/c/" + c.slug + "/submissions";
  if (number) context["number"] = *number;
  renderPage(ex, status, "submission_form",
             title(ex, number ? "title_edit_submission" : "title_new_submission"), context);
}

void showNewForm(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  const store::ConferenceRecord c = ex.services.conferences.get(ex.params["slug"]);
  auto account = ex.services.accounts.profile(who->personId);
  submission::SubmissionInput input;
  submission::AuthorInput me{account.familyName,  account.givenName, account.email,
                             account.affiliation, account.country,   account.orcid.value_or("")};
  me.nameOrder = account.nameOrder;
  me.corresponding = true;
  input.authors.push_back(me);
  renderForm(ex, 200, c, input, {}, std::nullopt);
}

void showEditForm(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  auto v = ex.services.submissions.get(ex.params["slug"], submissionNumber(ex), *who);
  if (!v.mayEdit)
    throw Forbidden("only the authors and the chairs change submission #" +
                    std::to_string(v.submission.number));
  renderForm(ex, 200, v.conference, inputFrom(v.submission), {}, v.submission.number);
}

void saveForm(Exchange& ex, std::optional<int64_t> number) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const std::string slug = ex.params["slug"];
  const submission::SubmissionInput input = inputFromForm(ex.form());
  try {
    auto v = number ? ex.services.submissions.update(slug, *number, input, *who, ex.origin())
                    : ex.services.submissions.create(slug, input, *who, ex.origin());
    setFlash(ex, number ? "flash_submission_saved" : "flash_submission_created");
    ex.redirect(submissionUrl(slug, v.submission.number));
  } catch (const Error& e) {
    if (!isFormError(e)) throw;
    renderForm(ex, statusFor(e.kind()), ex.services.conferences.get(slug), input,
               {{e.field().empty() ? "form" : e.field(), localMessage(ex, e)}},
               number ? std::optional<int>(static_cast<int>(*number)) : std::nullopt);
  }
}

void renderPaper(Exchange& ex, int status, const submission::SubmissionView& v, mstch::map extra) {
  mstch::array versions;
  const auth::Principal& who = *ex.principal();
  const auto history = policy::maySeeSubmissionHistory(v.access)
                           ? ex.services.submissions.versions(v.conference.slug, v.submission.number, who)
                           : std::vector<store::VersionRecord>{};
  for (const auto& version : history) {
    mstch::map row = reportView(ex, preflight::Report::fromJson(version.preflightJson));
    row["id"] = std::to_string(version.id);
    row["uploaded"] = conference::formatInstant(version.uploadedAt, v.conference.timezone, ex.lang());
    row["size_kb"] = std::to_string((version.size + 1023) / 1024);
    row["sha256_short"] = version.sha256.substr(0, 12);
    row["file_name"] = version.fileName;
    row["url"] =
        submissionUrl(v.conference.slug, v.submission.number) + "/pdf?version=" + std::to_string(version.id);
    versions.push_back(row);
  }
  const bool hasVersions = !versions.empty();
  mstch::map context{{"conference", conferenceSummary(ex, v.conference)},
                     {"submission", submissionDetail(ex, v)},
                     {"versions", versions},
                     {"has_versions", hasVersions}};
  for (auto& [key, value] : extra) context[key] = std::move(value);
  renderPage(ex, status, "submission", "#" + std::to_string(v.submission.number) + " " + v.submission.title,
             context);
}

void showPaper(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  renderPaper(ex, 200, ex.services.submissions.get(ex.params["slug"], submissionNumber(ex), *who), {});
}

// After an action that failed for a reason the author can act on: the paper page with the message.
void renderPaperError(Exchange& ex, const Error& e, const std::string& slug, int64_t number) {
  auto v = ex.services.submissions.get(slug, number, *ex.principal());
  const std::string field =
      e.field() == "reason" || e.field() == "until" || e.field() == "pdf" ? e.field() : "form";
  renderPaper(ex, statusFor(e.kind()), v, {{"errors", mstch::map{{field, localMessage(ex, e)}}}});
}

void uploadPdf(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  const std::string slug = ex.params["slug"];
  const int64_t number = submissionNumber(ex);
  const size_t limit = ex.services.submissions.maxPdfBytes(slug);
  const UploadedFile* file = nullptr;
  try {
    ex.form(limit + (64 << 10));
    checkCsrf(ex);
    for (const auto& f : ex.uploadedFiles())
      if (f.fieldName == "pdf" && !f.bytes.empty()) file = &f;
    if (!file) throw ValidationError("pdf", "required", "choose the PDF file to upload");
    ex.services.submissions.uploadPdf(slug, number, file->bytes, file->fileName, *who, ex.origin());
    setFlash(ex, "flash_pdf_uploaded");
    ex.redirect(submissionUrl(slug, number));
  } catch (const submission::PreflightRefused& refused) {
    auto v = ex.services.submissions.get(slug, number, *who);
    renderPaper(ex, 422, v,
                {{"refused", reportView(ex, refused.report())},
                 {"refused_file", file ? file->fileName : std::string()}});
  } catch (const Error& e) {
    if (!isFormError(e) && e.kind() != ErrorKind::PayloadTooLarge && e.kind() != ErrorKind::BadRequest &&
        e.kind() != ErrorKind::UnsupportedMediaType)
      throw;
    renderPaperError(ex, e, slug, number);
  }
}

/// A form button on the paper page: runs `action` for the signed-in user, then back to the paper with
/// `flash`; a refusal the author can act on (deadline passed, reason missing …) shows on the paper page.
using PaperAction =
    std::function<void(Exchange&, const std::string& slug, int64_t number, const auth::Principal& who)>;

Handler paperAction(std::string flash, PaperAction action) {
  return [flash = std::move(flash), action = std::move(action)](Exchange& ex) {
    const auth::Principal* who = signedInOrRedirect(ex);
    if (!who) return;
    checkCsrf(ex);
    const std::string slug = ex.params["slug"];
    const int64_t number = submissionNumber(ex);
    try {
      action(ex, slug, number, *who);
      setFlash(ex, flash);
      ex.redirect(submissionUrl(slug, number));
    } catch (const Error& e) {
      if (!isFormError(e)) throw;
      renderPaperError(ex, e, slug, number);
    }
  };
}

void submitPaper(Exchange& ex, const std::string& slug, int64_t number, const auth::Principal& who) {
  ex.services.submissions.submit(slug, number, who, ex.origin());
}

void withdrawPaper(Exchange& ex, const std::string& slug, int64_t number, const auth::Principal& who) {
  ex.services.submissions.withdraw(slug, number, ex.form().get("reason", ""), who, ex.origin());
}

void extendPaperDeadline(Exchange& ex, const std::string& slug, int64_t number, const auth::Principal& who) {
  ex.services.submissions.extendDeadline(slug, number, ex.form().get("until", ""), who, ex.origin());
}

void downloadPdf(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  std::optional<int64_t> version;
  if (!ex.query("version").empty()) {
    try {
      version = std::stoll(ex.query("version"));
    } catch (const std::exception&) {
      throw NotFound("no such version");
    }
  }
  sendPdf(ex, ex.services.submissions.pdf(ex.params["slug"], submissionNumber(ex), version, *who));
}

}  // namespace

void addSubmissionPages(Router& router) {
  router.add("GET", "/c/{slug}/submissions", showList);
  router.add("GET", "/c/{slug}/submissions/new", showNewForm);
  router.add("POST", "/c/{slug}/submissions", [](Exchange& ex) { saveForm(ex, std::nullopt); });
  router.add("GET", "/c/{slug}/submissions/{id}", showPaper);
  router.add("GET", "/c/{slug}/submissions/{id}/edit", showEditForm);
  router.add("POST", "/c/{slug}/submissions/{id}", [](Exchange& ex) { saveForm(ex, submissionNumber(ex)); });
  router.add("POST", "/c/{slug}/submissions/{id}/pdf", uploadPdf);
  router.add("GET", "/c/{slug}/submissions/{id}/pdf", downloadPdf);
  router.add("POST", "/c/{slug}/submissions/{id}/submit",
             paperAction("flash_submission_submitted", submitPaper));
  router.add("POST", "/c/{slug}/submissions/{id}/withdraw",
             paperAction("flash_submission_withdrawn", withdrawPaper));
  router.add("POST", "/c/{slug}/submissions/{id}/extension",
             paperAction("flash_deadline_extended", extendPaperDeadline));
}

}  // namespace confpress::web
