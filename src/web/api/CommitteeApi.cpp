// The programme committee over JSON (chairs manage it, members answer and describe their expertise):
//   GET    /api/v1/conferences/{slug}/committee                      chairs: every member
//   POST   /api/v1/conferences/{slug}/committee                      chairs: invite {email, role?,
//   family_name?,
//          given_name?, name_order?, affiliation?, topics?, min_load?, max_load?} → 201 member (mail queued)
//   POST   /api/v1/conferences/{slug}/committee/import               chairs: text/csv list → {invited,
//   updated} PATCH  /api/v1/conferences/{slug}/committee/{member}             chairs: {role?, topics?,
//   min_load?,
//          max_load? (null: no limit)} → member
//   GET    /api/v1/conferences/{slug}/committee/me                   the caller's membership
//   POST   /api/v1/conferences/{slug}/committee/me/response          {response: accept|decline} → member
//   GET    /api/v1/conferences/{slug}/committee/me/profile           {status, role, topics, text, papers}
//   PUT    /api/v1/conferences/{slug}/committee/me/profile           {text?, topics?} → profile
//   PUT    /api/v1/conferences/{slug}/committee/me/profile/papers    a past paper (application/pdf,
//          ?filename=) → 201 {paper}
//   DELETE /api/v1/conferences/{slug}/committee/me/profile/papers/{paper}   → 204
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include "core/Errors.h"
#include "web/CommitteeJson.h"
#include "web/Exchange.h"
#include "web/JsonInput.h"
#include "web/JsonOutput.h"
#include "web/Routes.h"
#include "web/SubmissionApiSupport.h"
#include "web/pages/PageSupport.h"

namespace confpress::web {

namespace {

std::optional<std::vector<std::string>> optionalTopics(JsonInput& in) {
  auto topics = in.optionalValue("topics");
  if (!topics) return std::nullopt;
  return topicNames(*topics, "topics");
}

void sendMember(Exchange& ex, int status, const store::CommitteeMemberRecord& m) {
  ex.sendJson(status, toJson(m, ex.services.conferences.get(ex.params["slug"])));
}

void listMembers(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const std::string slug = ex.params["slug"];
  auto members = ex.services.committee.list(slug, who);
  const store::ConferenceRecord c = ex.services.conferences.get(slug);
  auto list = newArray();
  for (const auto& m : members) list->add(toJson(m, c));
  auto body = newObject();
  body->set("members", list);
  ex.sendJson(200, body);
}

void inviteMember(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  JsonInput in(ex.jsonObject());
  committee::MemberInput m;
  m.email = in.requiredString("email");
  m.familyName = in.optionalString("family_name").value_or("");
  m.givenName = in.optionalString("given_name").value_or("");
  m.nameOrder = in.optionalString("name_order").value_or("family_first");
  m.affiliation = in.optionalString("affiliation").value_or("");
  m.role = in.optionalString("role");
  m.topics = optionalTopics(in);
  m.minLoad = in.optionalInt("min_load", 0, 1000);
  m.maxLoad = in.optionalInt("max_load", 0, 1000);
  in.finish();
  sendMember(ex, 201, ex.services.committee.invite(ex.params["slug"], m, who, ex.origin()));
}

void importMembers(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const std::string type = Poco::toLower(ex.request.getContentType());
  if (type.rfind("text/csv", 0) != 0)
    throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                "send the committee list as the request body with Content-Type: text/csv", "csv");
  const std::string& csv = ex.body(ex.services.limits.maxJsonBytes);
  const auto summary = ex.services.committee.importCsv(ex.params["slug"], csv, who, ex.origin());
  auto body = newObject();
  body->set("invited", summary.invited);
  body->set("updated", summary.updated);
  ex.sendJson(200, body);
}

void updateMember(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const int64_t member = positiveIdParam(ex, "member", "committee member");
  auto object = ex.jsonObject();
  JsonInput in(object);
  committee::MemberChange change;
  change.role = in.optionalString("role");
  change.topics = optionalTopics(in);
  change.minLoad = in.optionalInt("min_load", 0, 1000);
  change.clearMaxLoad = object->has("max_load") && object->isNull("max_load");
  change.maxLoad = in.optionalInt("max_load", 0, 1000);
  in.finish();
  sendMember(ex, 200, ex.services.committee.update(ex.params["slug"], member, change, who, ex.origin()));
}

void showMe(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  sendMember(ex, 200, ex.services.committee.me(ex.params["slug"], who));
}

void respond(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  JsonInput in(ex.jsonObject());
  const std::string response = in.requiredString("response");
  in.finish();
  if (response != "accept" && response != "decline")
    throw ValidationError("response", "invalid_value", "response must be accept or decline");
  sendMember(ex, 200,
             ex.services.committee.respond(ex.params["slug"], response == "accept", who, ex.origin()));
}

void sendProfile(Exchange& ex, const committee::ReviewerProfile& profile) {
  ex.sendJson(200, toJson(profile, ex.services.conferences.get(ex.params["slug"])));
}

void showProfile(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  sendProfile(ex, ex.services.profiles.get(ex.params["slug"], who));
}

void updateProfile(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  JsonInput in(ex.jsonObject());
  committee::ProfileInput profile;
  profile.text = in.optionalString("text");
  profile.topics = optionalTopics(in);
  for (const char* owned : {"status", "role", "papers", "updated_at"}) in.optionalValue(owned);
  in.finish();
  sendProfile(ex, ex.services.profiles.update(ex.params["slug"], profile, who, ex.origin()));
}

void uploadProfilePaper(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const std::string type = Poco::toLower(ex.request.getContentType());
  if (type.rfind("application/pdf", 0) != 0 && type.rfind("application/octet-stream", 0) != 0)
    throw Error(ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                "send the PDF as the request body with Content-Type: application/pdf", "pdf");
  const size_t limit = ex.services.profiles.limits().pdfBytes;
  if (ex.request.hasContentLength() && ex.request.getContentLength64() > static_cast<Poco::Int64>(limit))
    throw Error(ErrorKind::PayloadTooLarge, "too_large",
                "a past paper may have at most " + std::to_string(limit >> 20) + " MB", "pdf");
  const std::string& bytes = ex.body(limit);
  auto paper =
      ex.services.profiles.addPaper(ex.params["slug"], bytes, ex.query("filename"), who, ex.origin());
  auto body = newObject();
  body->set("paper", toJson(paper));
  ex.sendJson(201, body);
}

void removeProfilePaper(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  ex.services.profiles.removePaper(ex.params["slug"], positiveIdParam(ex, "paper", "past paper"), who,
                                   ex.origin());
  ex.sendNoContent();
}

}  // namespace

void addCommitteeRoutes(Router& router) {
  const std::string base = "/api/v1/conferences/{slug}/committee";
  router.add("GET", base, listMembers);
  router.add("POST", base, inviteMember);
  router.add("POST", base + "/import", importMembers);
  router.add("GET", base + "/me", showMe);
  router.add("PATCH", base + "/{member}", updateMember);
  router.add("POST", base + "/me/response", respond);
  router.add("GET", base + "/me/profile", showProfile);
  router.add("PUT", base + "/me/profile", updateProfile);
  router.add("PUT", base + "/me/profile/papers", uploadProfilePaper);
  router.add("DELETE", base + "/me/profile/papers/{paper}", removeProfilePaper);
}

}  // namespace confpress::web
