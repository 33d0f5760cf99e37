// The chairs' committee pages (HTML forms, CSRF-checked; anyone else gets 403):
//   GET  /c/{slug}/committee                   members, the invitation form and the CSV import form
//   POST /c/{slug}/committee                   invite one member (the invitation mail is queued)
//   POST /c/{slug}/committee/import            import a CSV list, uploaded or pasted (all or nothing)
//   GET  /c/{slug}/committee/{member}          one member's role, loads and topics to edit
//   POST /c/{slug}/committee/{member}          save them
//   POST /c/{slug}/committee/{member}/remove   remove the member from the committee
#include <Poco/Net/HTMLForm.h>

#include "committee/CommitteeService.h"
#include "web/ErrorResponse.h"
#include "web/Exchange.h"
#include "web/Page.h"
#include "web/Routes.h"
#include "web/pages/CommitteeViews.h"
#include "web/pages/PageSupport.h"

namespace confpress::web {

namespace {

const std::vector<std::string> kRoles = {"pc", "senior_pc"};
const std::vector<std::string> kInviteFields = {"email", "family_name", "given_name", "affiliation",
                                                "role",  "min_load",    "max_load",   "topics"};
const std::vector<std::string> kMemberFields = {"role", "min_load", "max_load", "topics"};
constexpr size_t kMaxCsvUpload = 2 << 20;

std::string committeeUrl(const std::string& slug) {
  return "/c/" + slug + "/committee";
}

/// What the committee page shows besides the members: the invitation form (blank, or as posted with its
/// errors) and the import form (with the pasted text and the error naming a line).
struct CommitteeForms {
  mstch::map invite;
  std::string inviteRole = "pc";
  mstch::map inviteErrors;
  std::vector<std::string> inviteTopics;
  std::string csv;
  mstch::map importError;
};

mstch::map inviteValues(const Poco::Net::HTMLForm& form) {
  mstch::map values;
  for (const char* field : {"email", "family_name", "given_name", "affiliation", "min_load", "max_load"})
    values[field] = form.get(field, "");
  return values;
}

mstch::array statusCounts(Exchange& ex, const std::vector<store::CommitteeMemberRecord>& members) {
  mstch::array counts;
  for (const char* status : {"accepted", "invited", "declined"}) {
    int n = 0;
    for (const auto& m : members) n += m.status == status;
    counts.push_back(mstch::map{{"status", std::string(status)},
                                {"label", pageTitle(ex, std::string("member_status_") + status)},
                                {"count", n}});
  }
  return counts;
}

void renderCommittee(Exchange& ex, int status, const CommitteeForms& forms) {
  const auth::Principal& who = *ex.principal();
  const std::string slug = ex.params["slug"];
  const auto members = ex.services.committee.list(slug, who);  // Forbidden unless a chair
  const store::ConferenceRecord c = ex.services.conferences.get(slug);
  mstch::array rows;
  for (const auto& m : members) rows.push_back(memberView(ex, c, m));
  mstch::map invite = forms.invite;
  invite["roles"] = selectOptions(ex, kRoles, "role_", forms.inviteRole);
  invite["topics"] = topicChoices(ex, c, forms.inviteTopics);
  const bool any = !rows.empty();
  renderPage(ex, status, "committee", pageTitle(ex, "title_committee"),
             mstch::map{{"conference", conferenceHeading(ex, c)},
                        {"committee_nav",
                         committeeNav(ex, c, ex.services.conferences.standing(c.id, who), "committee")},
                        {"members", rows},
                        {"has_members", any},
                        {"counts", statusCounts(ex, members)},
                        {"invite", invite},
                        {"errors", forms.inviteErrors},
                        {"csv", forms.csv},
                        {"import_error", forms.importError},
                        {"invite_action", committeeUrl(slug)},
                        {"import_action", committeeUrl(slug) + "/import"}});
}

void showCommittee(Exchange& ex) {
  if (!signedInOrRedirect(ex)) return;
  renderCommittee(ex, 200, {});
}

committee::MemberInput memberInput(const Poco::Net::HTMLForm& form) {
  committee::MemberInput in;
  in.email = form.get("email", "");
  in.familyName = form.get("family_name", "");
  in.givenName = form.get("given_name", "");
  in.affiliation = form.get("affiliation", "");
  in.role = form.get("role", "pc");
  in.topics = repeatedValues(form, "topic");
  in.minLoad = formNumber(form.get("min_load", ""), "min_load");
  in.maxLoad = formNumber(form.get("max_load", ""), "max_load");
  return in;
}

void invite(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const auto& form = ex.form();
  const std::string slug = ex.params["slug"];
  try {
    ex.services.committee.invite(slug, memberInput(form), *who, ex.origin());
    setFlash(ex, "flash_member_invited");
    ex.redirect(committeeUrl(slug));
  } catch (const Error& e) {
    if (!isFormError(e) || e.kind() == ErrorKind::Forbidden) throw;
    CommitteeForms forms;
    forms.invite = inviteValues(form);
    forms.inviteRole = form.get("role", "pc");
    forms.inviteTopics = repeatedValues(form, "topic");
    forms.inviteErrors = fieldErrors(ex, e, kInviteFields);
    renderCommittee(ex, statusFor(e.kind()), forms);
  }
}

// The import error: the line and column in the reader's language, the catalog's explanation, and the
// service's own words (in English) which say exactly what was wrong.
mstch::map importError(Exchange& ex, const Error& e) {
  mstch::map error{{"message", localMessage(ex, e)},
                   {"detail", std::string(e.what())},
                   {"detail_is_english", ex.lang() != "en"}};
  if (const auto at = lineField(e.field())) {
    error["has_line"] = true;
    error["line"] = at->line;
    error["column"] = at->column;
  }
  return error;
}

void importCsv(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  const std::string slug = ex.params["slug"];
  std::string csv;
  try {
    const auto& form = ex.form(kMaxCsvUpload);
    checkCsrf(ex);
    csv = form.get("csv", "");
    for (const auto& file : ex.uploadedFiles())
      if (file.fieldName == "csv_file" && !file.bytes.empty()) csv = file.bytes;
    const auto summary = ex.services.committee.importCsv(slug, csv, *who, ex.origin());
    setFlash(ex,
             summary.invited + summary.updated > 0 ? "flash_committee_imported" : "flash_nothing_imported");
    ex.redirect(committeeUrl(slug));
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Validation && e.kind() != ErrorKind::Conflict &&
        e.kind() != ErrorKind::PayloadTooLarge && e.kind() != ErrorKind::BadRequest)
      throw;
    CommitteeForms forms;
    forms.csv = csv;
    forms.importError = importError(ex, e);
    renderCommittee(ex, statusFor(e.kind()), forms);
  }
}

store::CommitteeMemberRecord findMember(Exchange& ex, const auth::Principal& who, int64_t id) {
  for (auto& m : ex.services.committee.list(ex.params["slug"], who))
    if (m.personId == id) return m;
  throw NotFound("no committee member " + std::to_string(id));
}

// The edit form with the member's values, or with what was posted (`posted`) after an error.
void renderMember(Exchange& ex, int status, const store::CommitteeMemberRecord& m, mstch::map errors,
                  const Poco::Net::HTMLForm* posted = nullptr) {
  const auth::Principal& who = *ex.principal();
  const store::ConferenceRecord c = ex.services.conferences.get(ex.params["slug"]);
  mstch::map member = memberView(ex, c, m);
  member["roles"] = selectOptions(ex, kRoles, "role_", posted ? posted->get("role", m.role) : m.role);
  member["topic_choices"] =
      posted ? topicChoices(ex, c, repeatedValues(*posted, "topic")) : topicChoices(ex, c, m.topicIds);
  if (posted) {
    member["min_load"] = posted->get("min_load", "");
    member["max_load"] = posted->get("max_load", "");
  }
  renderPage(ex, status, "committee_member", pageTitle(ex, "title_committee_member"),
             mstch::map{{"conference", conferenceHeading(ex, c)},
                        {"committee_nav",
                         committeeNav(ex, c, ex.services.conferences.standing(c.id, who), "committee")},
                        {"member", member},
                        {"errors", errors},
                        {"back_url", committeeUrl(c.slug)}});
}

void showMember(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  renderMember(ex, 200, findMember(ex, *who, positiveIdParam(ex, "member", "committee member")), {});
}

void saveMember(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const int64_t id = positiveIdParam(ex, "member", "committee member");
  const auto& form = ex.form();
  const store::CommitteeMemberRecord shown = findMember(ex, *who, id);
  try {
    committee::MemberChange change;
    change.role = form.get("role", shown.role);
    change.topics = repeatedValues(form, "topic");
    change.minLoad = formNumber(form.get("min_load", ""), "min_load").value_or(0);
    change.maxLoad = formNumber(form.get("max_load", ""), "max_load");
    change.clearMaxLoad = !change.maxLoad;
    ex.services.committee.update(ex.params["slug"], id, change, *who, ex.origin());
    setFlash(ex, "flash_member_saved");
    ex.redirect(committeeUrl(ex.params["slug"]));
  } catch (const Error& e) {
    if (!isFormError(e) || e.kind() == ErrorKind::Forbidden) throw;
    // Show what was posted, so the chair corrects it rather than typing it again.
    renderMember(ex, statusFor(e.kind()), shown, fieldErrors(ex, e, kMemberFields), &form);
  }
}

void removeMember(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const int64_t id = positiveIdParam(ex, "member", "committee member");
  try {
    ex.services.committee.remove(ex.params["slug"], id, *who, ex.origin());
    setFlash(ex, "flash_member_removed");
    ex.redirect(committeeUrl(ex.params["slug"]));
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Conflict) throw;
    renderMember(ex, statusFor(e.kind()), findMember(ex, *who, id),
                 mstch::map{{"form", localMessage(ex, e)}});
  }
}

}  // namespace

void addCommitteePages(Router& router) {
  router.add("GET", "/c/{slug}/committee", showCommittee);
  router.add("POST", "/c/{slug}/committee", invite);
  router.add("POST", "/c/{slug}/committee/import", importCsv);
  router.add("GET", "/c/{slug}/committee/{member}", showMember);
  router.add("POST", "/c/{slug}/committee/{member}", saveMember);
  router.add("POST", "/c/{slug}/committee/{member}/remove", removeMember);
}

}  // namespace confpress::web
