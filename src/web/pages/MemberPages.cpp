// The committee member's own pages (HTML forms, CSRF-checked; 404 for someone never invited):
//   GET  /c/{slug}/invitation                        the invitation: accept or decline (the mail's link)
//   POST /c/{slug}/invitation                        {response: accept|decline}
//   GET  /c/{slug}/profile                           topics of expertise, free text, past papers
//   POST /c/{slug}/profile                           save topics and text
//   POST /c/{slug}/profile/papers                    upload a past paper (multipart; text extracted)
//   POST /c/{slug}/profile/papers/{paper}/remove     remove one
#include <Poco/Net/HTMLForm.h>

#include "conference/Deadlines.h"
#include "web/ErrorResponse.h"
#include "web/Exchange.h"
#include "web/Page.h"
#include "web/Routes.h"
#include "web/pages/CommitteeViews.h"
#include "web/pages/PageSupport.h"

namespace confpress::web {

namespace {

std::string memberUrl(const std::string& slug, const std::string& page) {
  return "/c/" + slug + "/" + page;
}

void showInvitation(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  const std::string slug = ex.params["slug"];
  const auto m = ex.services.committee.me(slug, *who);  // NotFound when never invited
  const store::ConferenceRecord c = ex.services.conferences.get(slug);
  mstch::map member = memberView(ex, c, m);
  member["is_invited"] = m.status == "invited";
  member["is_accepted"] = m.status == "accepted";
  member["is_declined"] = m.status == "declined";
  renderPage(ex, 200, "invitation", pageTitle(ex, "title_invitation"),
             mstch::map{{"conference", conferenceHeading(ex, c)},
                        {"committee_nav",
                         committeeNav(ex, c, ex.services.conferences.standing(c.id, *who), "invitation")},
                        {"member", member},
                        {"action", memberUrl(slug, "invitation")},
                        {"profile_url", memberUrl(slug, "profile")},
                        {"bids_url", memberUrl(slug, "bids")}});
}

void answerInvitation(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const std::string slug = ex.params["slug"];
  const std::string response = ex.form().get("response", "");
  if (response != "accept" && response != "decline")
    throw ValidationError("response", "invalid_value", "response must be accept or decline");
  ex.services.committee.respond(slug, response == "accept", *who, ex.origin());
  setFlash(ex, response == "accept" ? "flash_invitation_accepted" : "flash_invitation_declined");
  ex.redirect(memberUrl(slug, response == "accept" ? "profile" : "invitation"));
}

mstch::array pastPapers(Exchange& ex, const store::ConferenceRecord& c,
                        const std::vector<store::CommitteePaperRecord>& papers) {
  mstch::array out;
  for (const auto& p : papers)
    out.push_back(
        mstch::map{{"id", std::to_string(p.id)},
                   {"file_name", p.fileName.empty() ? p.sha256.substr(0, 12) + ".pdf" : p.fileName},
                   {"pages", p.pages},
                   {"text_kb", std::to_string((p.textBytes + 1023) / 1024)},
                   {"uploaded", conference::formatInstant(p.uploadedAt, c.timezone, ex.lang())},
                   {"remove_url", memberUrl(c.slug, "profile/papers/" + std::to_string(p.id) + "/remove")}});
  return out;
}

/// The profile page; after a refused save, `posted` holds what was sent and `errors` the message.
void renderProfile(Exchange& ex, int status, mstch::map errors, const Poco::Net::HTMLForm* posted = nullptr) {
  const auth::Principal& who = *ex.principal();
  const std::string slug = ex.params["slug"];
  const auto profile = ex.services.profiles.get(slug, who);  // NotFound when never invited
  const store::ConferenceRecord c = ex.services.conferences.get(slug);
  mstch::array papers = pastPapers(ex, c, profile.papers);
  const bool hasPapers = !papers.empty();
  const auto& limits = ex.services.profiles.limits();
  renderPage(ex, status, "profile", pageTitle(ex, "title_profile"),
             mstch::map{{"conference", conferenceHeading(ex, c)},
                        {"committee_nav",
                         committeeNav(ex, c, ex.services.conferences.standing(c.id, who), "profile")},
                        {"member", memberView(ex, c, profile.member)},
                        {"is_declined", profile.member.status == "declined"},
                        {"is_invited", profile.member.status == "invited"},
                        {"invitation_url", memberUrl(slug, "invitation")},
                        {"text", posted ? posted->get("text", "") : profile.member.profileText},
                        {"topics", posted ? topicChoices(ex, c, repeatedValues(*posted, "topic"))
                                          : topicChoices(ex, c, profile.member.topicIds)},
                        {"papers", papers},
                        {"has_papers", hasPapers},
                        {"max_papers", static_cast<int>(limits.papers)},
                        {"max_pdf_mb", static_cast<int>(limits.pdfBytes >> 20)},
                        {"max_text_chars", static_cast<int>(limits.textChars)},
                        {"errors", errors},
                        {"action", memberUrl(slug, "profile")},
                        {"upload_action", memberUrl(slug, "profile/papers")}});
}

void showProfile(Exchange& ex) {
  if (!signedInOrRedirect(ex)) return;
  renderProfile(ex, 200, {});
}

void saveProfile(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const auto& form = ex.form();
  committee::ProfileInput input;
  input.text = form.get("text", "");
  input.topics = repeatedValues(form, "topic");
  try {
    ex.services.profiles.update(ex.params["slug"], input, *who, ex.origin());
    setFlash(ex, "flash_profile_saved");
    ex.redirect(memberUrl(ex.params["slug"], "profile"));
  } catch (const Error& e) {
    if (!isFormError(e)) throw;
    renderProfile(ex, statusFor(e.kind()), fieldErrors(ex, e, {"text", "topics"}), &form);
  }
}

void uploadPaper(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  const size_t limit = ex.services.profiles.limits().pdfBytes;
  try {
    ex.form(limit + (64 << 10));
    checkCsrf(ex);
    const UploadedFile* file = nullptr;
    for (const auto& f : ex.uploadedFiles())
      if (f.fieldName == "pdf" && !f.bytes.empty()) file = &f;
    if (!file) throw ValidationError("pdf", "required", "choose the PDF file to upload");
    ex.services.profiles.addPaper(ex.params["slug"], file->bytes, file->fileName, *who, ex.origin());
    setFlash(ex, "flash_past_paper_added");
    ex.redirect(memberUrl(ex.params["slug"], "profile"));
  } catch (const Error& e) {
    if (!isFormError(e) && e.kind() != ErrorKind::PayloadTooLarge && e.kind() != ErrorKind::BadRequest &&
        e.kind() != ErrorKind::UnsupportedMediaType)
      throw;
    if (e.kind() == ErrorKind::Forbidden && e.code() == "csrf") throw;
    renderProfile(ex, statusFor(e.kind()), mstch::map{{"pdf", localMessage(ex, e)}});
  }
}

void removePaper(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  ex.services.profiles.removePaper(ex.params["slug"], positiveIdParam(ex, "paper", "past paper"), *who,
                                   ex.origin());
  setFlash(ex, "flash_past_paper_removed");
  ex.redirect(memberUrl(ex.params["slug"], "profile"));
}

}  // namespace

void addMemberPages(Router& router) {
  router.add("GET", "/c/{slug}/invitation", showInvitation);
  router.add("POST", "/c/{slug}/invitation", answerInvitation);
  router.add("GET", "/c/{slug}/profile", showProfile);
  router.add("POST", "/c/{slug}/profile", saveProfile);
  router.add("POST", "/c/{slug}/profile/papers", uploadPaper);
  router.add("POST", "/c/{slug}/profile/papers/{paper}/remove", removePaper);
}

}  // namespace confpress::web
