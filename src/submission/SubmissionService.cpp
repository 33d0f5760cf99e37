#include "submission/SubmissionService.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <set>

#include "auth/Identity.h"
#include "conference/Deadlines.h"
#include "core/Time.h"
#include "mail/MailComposer.h"
#include "store/AuditLog.h"
#include "store/Outbox.h"
#include "store/PeopleRepository.h"
#include "submission/PaperVisibility.h"
#include "submission/Validation.h"
#include "text/Unicode.h"

namespace confpress::submission {

namespace {

std::string refusalMessage(const preflight::Report& report) {
  std::vector<const preflight::Problem*> errors;
  for (const auto& p : report.problems)
    if (p.severity == "error") errors.push_back(&p);
  std::string message = "the PDF was refused";
  if (!errors.empty()) message += ": " + errors.front()->message;
  if (errors.size() > 1) message += " (and " + std::to_string(errors.size() - 1) + " more problems)";
  return message;
}

store::ConferenceRecord loadConference(Poco::Data::Session& s, const std::string& slug) {
  auto c = store::ConferenceRepository(s).findBySlug(slug);
  if (!c) throw NotFound("no conference '" + slug + "'");
  return *c;
}

policy::ConferenceStanding standingIn(Poco::Data::Session& s, const store::ConferenceRecord& c,
                                      const auth::Principal& who) {
  return {who.isAdmin, store::ConferenceRepository(s).rolesOf(c.id, who.personId)};
}

bool isAuthorOf(const store::SubmissionRecord& sub, const auth::Principal& who) {
  return std::any_of(sub.authors.begin(), sub.authors.end(), [&](const store::SubmissionAuthor& a) {
    return (a.personId && *a.personId == who.personId) || a.email == who.email;
  });
}

// Removes what a committee member does not see: the authors' declared conflicts and the preflight report
// always (it may quote the authors' names), the authors themselves under double-blind review.
void redactForCommittee(const store::ConferenceRecord& c, SubmissionView& v) {
  v.submission.declaredConflicts.clear();
  if (v.submission.current) v.submission.current->preflightJson = "{}";
  if (!policy::maySeeAuthors(v.access, c.rules.blind)) {
    v.submission.authors.clear();
    v.authorsHidden = true;
  }
}

std::string deadlineLabel(const std::string& kind) {
  if (kind == "registration") return "abstract-registration";
  if (kind == "submission") return "full-paper";
  return "camera-ready";
}

[[noreturn]] void deadlinePassed(const store::ConferenceRecord& c, const std::string& kind,
                                 const std::string& at) {
  throw Error(
      ErrorKind::Forbidden, "deadline_passed",
      "the " + deadlineLabel(kind) + " deadline passed on " + conference::formatInstant(at, c.timezone, "en"),
      "deadlines." + kind);
}

// The instant a paper's authors stop editing it: the full-paper deadline or the paper's own extension.
std::string editDeadline(const store::ConferenceRecord& c, const store::SubmissionRecord& sub) {
  std::string at = store::deadlineOf(c, "submission");
  if (sub.deadlineExtension && !at.empty() && *sub.deadlineExtension > at) at = *sub.deadlineExtension;
  return at;
}

std::string authorList(const store::SubmissionRecord& sub) {
  std::string out;
  for (const auto& a : sub.authors)
    out += (out.empty() ? "" : ", ") + auth::displayName(a.familyName, a.givenName, a.nameOrder);
  return out;
}

std::string reportJson(const preflight::Report& report) {
  return report.toJson();
}

}  // namespace

PreflightRefused::PreflightRefused(preflight::Report report)
    : Error(ErrorKind::Validation, "preflight_failed", refusalMessage(report), "pdf"),
      report_(std::move(report)) {}

SubmissionService::SubmissionService(store::Database& db, files::FileStore& files,
                                     const render::TemplateLibrary& templates, PreflightRunner preflight)
    : db_(db), files_(files), templates_(templates), preflight_(std::move(preflight)) {}

preflight::Rules SubmissionService::preflightRules(const store::ConferenceRecord& c,
                                                   const store::SubmissionRecord& sub) {
  preflight::Rules r;
  r.minPages = c.rules.minPages;
  r.maxPages = c.rules.maxPages;
  r.referencesMayExceed = c.rules.referencesMayExceed;
  r.paperSizes = c.rules.paperSizes;
  r.doubleBlind = c.rules.blind == "double";
  if (r.doubleBlind)
    for (const auto& a : sub.authors)
      r.authors.push_back({a.familyName, a.givenName, a.email, a.affiliation});
  if (!c.rules.severityJson.empty()) {
    auto object = Poco::JSON::Parser().parse(c.rules.severityJson).extract<Poco::JSON::Object::Ptr>();
    for (const auto& [code, level] : *object) r.severity[code] = level.toString();
  }
  return r;
}

SubmissionView SubmissionService::view(const store::ConferenceRecord& c, store::SubmissionRecord sub,
                                       const PaperVisibility& visibility) {
  SubmissionView v;
  v.access = visibility.access(sub);
  v.isChair = v.access == policy::PaperAccess::Chair;
  v.isAuthor = v.access == policy::PaperAccess::Author;
  v.deadline = editDeadline(c, sub);
  v.deadlinePassed = conference::hasPassed(v.deadline, nowUtc());
  v.mayEdit = policy::mayChangeSubmission(v.access, v.deadlinePassed, sub.status);
  v.maySubmit = v.mayEdit && sub.status == "draft" && sub.current.has_value();
  v.mayWithdraw = policy::mayWithdrawSubmission(v.access, sub.status);
  v.conference = c;
  v.submission = std::move(sub);
  if (v.access == policy::PaperAccess::Committee) redactForCommittee(c, v);
  return v;
}

SubmissionView SubmissionService::view(Poco::Data::Session& s, const store::ConferenceRecord& c,
                                       store::SubmissionRecord sub, const auth::Principal& who) {
  return view(c, std::move(sub), PaperVisibility(s, c, who));
}

SubmissionView SubmissionService::visible(Poco::Data::Session& s, const store::ConferenceRecord& c,
                                          int64_t number, const auth::Principal& who) {
  auto sub = store::SubmissionRepository(s).find(c.id, number);
  PaperVisibility visibility(s, c, who);
  if (!sub || !visibility.sees(*sub))
    throw NotFound("no submission #" + std::to_string(number) + " in " + c.slug);
  return view(c, std::move(*sub), visibility);
}

// Refuses a change the caller may not make, naming the reason.
static void requireChange(const SubmissionView& v) {
  if (v.mayEdit) return;
  if (v.submission.status != "draft" && v.submission.status != "submitted")
    throw Conflict("submission_closed", "submission #" + std::to_string(v.submission.number) + " is " +
                                            v.submission.status +
                                            " and can no longer be changed by its authors");
  if (v.deadlinePassed) deadlinePassed(v.conference, "submission", v.deadline);
  throw Forbidden("only the authors and the chairs change submission #" +
                  std::to_string(v.submission.number));
}

SubmissionView SubmissionService::create(const std::string& slug, const SubmissionInput& input,
                                         const auth::Principal& who, const auth::Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    const bool chair = standingIn(s, c, who).isChairOrAdmin();
    store::SubmissionRecord sub = validateMetadata(input, c);
    if (!chair && !isAuthorOf(sub, who))
      throw ValidationError(
          "authors", "submitter_not_author",
          "list yourself (" + who.email + ") among the authors, or ask a chair to submit for you");
    if (!chair) {
      const std::string now = nowUtc();
      for (const char* kind : {"registration", "submission"}) {
        const std::string at = store::deadlineOf(c, kind);
        if (conference::hasPassed(at, now)) deadlinePassed(c, kind, at);
      }
    }
    sub.submitterId = who.personId;
    linkAuthors(s, c, sub, who);
    store::SubmissionRepository repo(s);
    const auto [id, number] = repo.insert(sub);
    store::appendAudit(s,
                       {who.personId, origin.ip, "submission.create", "submission", std::to_string(id), c.id,
                        store::auditDetail({{"number", std::to_string(number)}, {"title", sub.title}})});
    return view(s, c, *repo.find(c.id, number), who);
  });
}

SubmissionView SubmissionService::get(const std::string& slug, int64_t number, const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  return visible(s, loadConference(s, slug), number, who);
}

SubmissionView SubmissionService::update(const std::string& slug, int64_t number,
                                         const SubmissionInput& input, const auth::Principal& who,
                                         const auth::Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    SubmissionView v = visible(s, c, number, who);
    requireChange(v);
    store::SubmissionRecord sub = validateMetadata(input, c);
    if (!v.isChair && !isAuthorOf(sub, who))
      throw ValidationError("authors", "submitter_not_author",
                            "you cannot remove yourself (" + who.email + ") from the authors; ask a chair");
    sub.id = v.submission.id;
    linkAuthors(s, c, sub, who);
    store::SubmissionRepository repo(s);
    repo.updateMetadata(sub);
    store::appendAudit(
        s, {who.personId, origin.ip, "submission.update", "submission", std::to_string(sub.id), c.id,
            store::auditDetail({{"number", std::to_string(number)}, {"title", sub.title}})});
    return view(s, c, *repo.find(c.id, number), who);
  });
}

SubmissionView SubmissionService::submit(const std::string& slug, int64_t number, const auth::Principal& who,
                                         const auth::Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    SubmissionView v = visible(s, c, number, who);
    if (v.submission.status == "submitted") return v;
    requireChange(v);
    if (!v.submission.current)
      throw ValidationError("pdf", "required", "upload the paper's PDF before submitting it");
    if (v.submission.current->preflightStatus == "error")
      throw ValidationError("pdf", "preflight_failed",
                            "the current PDF has preflight errors; upload a corrected one");
    store::SubmissionRepository repo(s);
    repo.setStatus(v.submission.id, "submitted", std::nullopt);
    store::appendAudit(
        s, {who.personId, origin.ip, "submission.submit", "submission", std::to_string(v.submission.id), c.id,
            store::auditDetail({{"number", std::to_string(number)}})});
    SubmissionView after = view(s, c, *repo.find(c.id, number), who);
    notify(s, after, "submission_receipt", {});
    return after;
  });
}

SubmissionView SubmissionService::withdraw(const std::string& slug, int64_t number,
                                           const std::string& rawReason, const auth::Principal& who,
                                           const auth::Origin& origin) {
  const std::string reason = text::cleanText(rawReason, "reason");
  if (reason.empty()) throw ValidationError("reason", "required", "give a reason for withdrawing the paper");
  if (text::codePointCount(reason) > 2000)
    throw ValidationError("reason", "too_long", "reason is longer than 2000 characters");
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    SubmissionView v = visible(s, c, number, who);
    if (!v.mayWithdraw)
      throw Conflict("submission_closed", "submission #" + std::to_string(number) + " is " +
                                              v.submission.status + " and cannot be withdrawn" +
                                              (v.isChair ? "" : " by its authors"));
    store::SubmissionRepository repo(s);
    repo.setStatus(v.submission.id, "withdrawn", reason);
    store::appendAudit(
        s, {who.personId, origin.ip, "submission.withdraw", "submission", std::to_string(v.submission.id),
            c.id, store::auditDetail({{"number", std::to_string(number)}, {"reason", reason}})});
    SubmissionView after = view(s, c, *repo.find(c.id, number), who);
    notify(s, after, "submission_withdrawn", {{"reason", reason}});
    return after;
  });
}

SubmissionView SubmissionService::extendDeadline(const std::string& slug, int64_t number,
                                                 const std::string& until, const auth::Principal& who,
                                                 const auth::Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    SubmissionView v = visible(s, c, number, who);
    if (!policy::mayExtendDeadline(v.access)) throw Forbidden("only the chairs extend a paper's deadline");
    const std::string written = text::cleanLine(until, "until");
    std::optional<std::string> at;
    if (!written.empty()) at = conference::parseDeadline(written, c.timezone, "until");
    store::SubmissionRepository repo(s);
    repo.setDeadlineExtension(v.submission.id, at);
    store::appendAudit(
        s,
        {who.personId, origin.ip, "submission.extend_deadline", "submission", std::to_string(v.submission.id),
         c.id, store::auditDetail({{"number", std::to_string(number)}, {"until", at.value_or("")}})});
    return view(s, c, *repo.find(c.id, number), who);
  });
}

std::vector<SubmissionView> SubmissionService::list(const std::string& slug,
                                                    const store::SubmissionFilter& filter,
                                                    const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  const store::ConferenceRecord c = loadConference(s, slug);
  const PaperVisibility visibility(s, c, who);
  store::SubmissionFilter f = filter;
  const policy::ConferenceStanding& standing = visibility.standing();
  if (!standing.isChairOrAdmin() && !standing.isCommitteeMember()) {
    f.authorPersonId = who.personId;
    f.authorEmail = who.email;
  }
  std::vector<SubmissionView> out;
  for (auto& sub : store::SubmissionRepository(s).list(c.id, f))
    if (visibility.sees(sub)) out.push_back(view(c, std::move(sub), visibility));
  return out;
}

std::vector<std::pair<std::string, int>> SubmissionService::counts(const std::string& slug,
                                                                   const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  const store::ConferenceRecord c = loadConference(s, slug);
  if (!policy::mayListAllSubmissions(standingIn(s, c, who)))
    throw Forbidden("only the chairs of " + slug + " see the counts of all submissions");
  return store::SubmissionRepository(s).countByStatus(c.id);
}

size_t SubmissionService::maxPdfBytes(const std::string& slug) {
  Poco::Data::Session s = db_.session();
  return static_cast<size_t>(loadConference(s, slug).rules.maxPdfMb) << 20;
}

UploadOutcome SubmissionService::uploadPdf(const std::string& slug, int64_t number, std::string_view bytes,
                                           const std::string& rawFileName, const auth::Principal& who,
                                           const auth::Origin& origin) {
  preflight::Rules rules;
  int64_t submissionId = 0;
  {
    Poco::Data::Session s = db_.session();
    const store::ConferenceRecord c = loadConference(s, slug);
    SubmissionView v = visible(s, c, number, who);
    requireChange(v);
    submissionId = v.submission.id;
    if (bytes.size() > (static_cast<size_t>(c.rules.maxPdfMb) << 20))
      throw Error(ErrorKind::PayloadTooLarge, "too_large",
                  "the PDF is larger than " + std::to_string(c.rules.maxPdfMb) + " MB", "pdf");
    rules = preflightRules(c, v.submission);
  }
  std::string fileName = text::isValidUtf8(rawFileName) ? text::toNfc(rawFileName) : std::string();
  if (text::codePointCount(fileName) > 200) fileName.clear();

  // Checked outside any transaction: preflight may take seconds and must not hold the write lock.
  preflight::Report report;
  {
    files::StagedFile staged = files_.stage(bytes);
    report = preflight_(staged.path(), rules);
  }
  if (report.hasErrors()) {
    db_.transaction([&](Poco::Data::Session& s) {
      const store::ConferenceRecord c = loadConference(s, slug);
      store::appendAudit(s, {who.personId, origin.ip, "submission.upload_refused", "submission",
                             std::to_string(submissionId), c.id, reportJson(report)});
    });
    throw PreflightRefused(std::move(report));
  }
  const files::StoredFile stored = files_.put(bytes);
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    SubmissionView v = visible(s, c, number, who);
    if (!v.isChair && v.submission.status != "draft" && v.submission.status != "submitted") requireChange(v);
    store::VersionRecord version;
    version.sha256 = stored.sha256;
    version.size = static_cast<int64_t>(stored.size);
    version.pages = report.pages;
    version.paperSize = report.paperSize;
    version.preflightStatus = report.status;
    version.preflightJson = reportJson(report);
    version.fileName = fileName;
    version.uploadedBy = who.personId;
    store::SubmissionRepository repo(s);
    version.id = repo.addVersion(v.submission.id, version, "application/pdf");
    version = *repo.findVersion(v.submission.id, version.id);
    store::appendAudit(
        s, {who.personId, origin.ip, "submission.upload", "submission", std::to_string(v.submission.id), c.id,
            store::auditDetail({{"number", std::to_string(number)},
                                {"sha256", stored.sha256},
                                {"pages", std::to_string(report.pages)},
                                {"preflight", report.status}})});
    notify(s, view(s, c, *repo.find(c.id, number), who), "submission_version",
           {{"pages", std::to_string(report.pages)},
            {"size_kb", std::to_string((stored.size + 1023) / 1024)},
            {"preflight_status", report.status},
            {"has_warnings", report.status == "warning"}});
    return UploadOutcome{version, report};
  });
}

std::vector<store::VersionRecord> SubmissionService::versions(const std::string& slug, int64_t number,
                                                              const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  SubmissionView v = visible(s, loadConference(s, slug), number, who);
  if (!policy::maySeeSubmissionHistory(v.access))
    throw Forbidden("only the authors and the chairs see the versions of submission #" +
                    std::to_string(number));
  return store::SubmissionRepository(s).versions(v.submission.id, "submission");
}

PdfFile SubmissionService::pdf(const std::string& slug, int64_t number, std::optional<int64_t> versionId,
                               const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  SubmissionView v = visible(s, loadConference(s, slug), number, who);
  if (versionId && !policy::maySeeSubmissionHistory(v.access))
    throw Forbidden("only the authors and the chairs see earlier versions of submission #" +
                    std::to_string(number));
  std::optional<store::VersionRecord> version =
      versionId ? store::SubmissionRepository(s).findVersion(v.submission.id, *versionId)
                : v.submission.current;
  if (!version)
    throw NotFound(versionId ? "no version " + std::to_string(*versionId) + " of submission #" +
                                   std::to_string(number)
                             : "submission #" + std::to_string(number) + " has no PDF yet");
  return {files_.pathOf(version->sha256), slug + "-" + std::to_string(number) + ".pdf", version->size,
          version->sha256};
}

void SubmissionService::notify(Poco::Data::Session& s, const SubmissionView& v,
                               const std::string& templateName, const mstch::map& extra) {
  if (!notify_) return;
  const store::SubmissionRecord& sub = v.submission;
  store::PeopleRepository people(s);
  std::set<std::string> sentTo;
  for (const store::SubmissionAuthor& a : sub.authors) {
    const bool submitter = a.personId && sub.submitterId && *a.personId == *sub.submitterId;
    if (!a.corresponding && !submitter) continue;
    if (!sentTo.insert(a.email).second) continue;
    auto person = a.personId ? people.findPersonById(*a.personId) : std::nullopt;
    const std::string lang = person ? person->locale : v.conference.language;
    const bool english = lang == "en" && !v.conference.titleEn.empty();
    mstch::map context{
        {"name", auth::displayName(a.familyName, a.givenName, a.nameOrder)},
        {"conference_title", english ? v.conference.titleEn : v.conference.title},
        {"conference_acronym", v.conference.acronym},
        {"number", std::to_string(sub.number)},
        {"title", sub.title},
        {"authors", authorList(sub)},
        {"status", sub.status},
        {"url", publicUrl_ + "/c/" + v.conference.slug + "/submissions/" + std::to_string(sub.number)},
        {"deadline", v.deadline.empty() ? std::string()
                                        : conference::formatInstant(v.deadline, v.conference.timezone, lang)},
        {"has_deadline", !v.deadline.empty()},
        {"site_name", std::string("ConfPress")}};
    for (const auto& [key, value] : extra) context[key] = value;
    mail::ComposedMail mail = mail::composeMail(templates_, templateName, lang, context);
    store::OutgoingMail out;
    out.toAddress = a.email;
    out.toName = auth::displayName(a.familyName, a.givenName, a.nameOrder);
    out.subject = mail.subject;
    out.bodyText = mail.body;
    out.templateName = templateName;
    out.conferenceId = v.conference.id;
    store::enqueueMail(s, out);
  }
}

}  // namespace confpress::submission
