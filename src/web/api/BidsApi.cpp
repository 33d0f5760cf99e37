// Bids and affinities over JSON:
//   GET  /api/v1/conferences/{slug}/committee/me/bids      members: the papers to bid on, best affinity first
//   PUT  /api/v1/conferences/{slug}/submissions/{id}/bid   members: {level:
//   eager|willing|neutral|not_willing|
//        conflict, type?} (type: the kind of a declared conflict) → {id, level}
//   POST /api/v1/conferences/{slug}/affinity               chairs: recompute ({k?} optional, default 50) →
//        {papers, members, pairs, k}
#include <Poco/String.h>

#include "core/Errors.h"
#include "web/CommitteeJson.h"
#include "web/Exchange.h"
#include "web/JsonInput.h"
#include "web/JsonOutput.h"
#include "web/Routes.h"
#include "web/SubmissionApiSupport.h"

namespace confpress::web {

namespace {

void listBids(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const std::string slug = ex.params["slug"];
  auto papers = ex.services.bids.papers(slug, who);
  const store::ConferenceRecord c = ex.services.conferences.get(slug);
  auto list = newArray();
  for (const auto& p : papers) list->add(toJson(p, c));
  auto levels = newArray();
  for (const auto& level : committee::bidLevels()) levels->add(level);
  levels->add(std::string("conflict"));
  auto body = newObject();
  body->set("levels", levels);
  body->set("papers", list);
  ex.sendJson(200, body);
}

void setBid(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const int64_t number = submissionNumber(ex);
  JsonInput in(ex.jsonObject());
  const std::string level = in.requiredString("level");
  const auto type = in.optionalString("type");
  in.finish();
  const std::string stored =
      ex.services.bids.setBid(ex.params["slug"], number, level, type, who, ex.origin());
  auto body = newObject();
  body->set("id", number);
  body->set("level", stored);
  ex.sendJson(200, body);
}

void recomputeAffinity(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  std::optional<int64_t> k;
  if (ex.request.hasContentLength() && ex.request.getContentLength64() > 0) {
    JsonInput in(ex.jsonObject());
    k = in.optionalInt("k", 1, 1000);
    in.finish();
  }
  const auto summary = ex.services.affinities.recompute(ex.params["slug"], k, who, ex.origin());
  auto body = newObject();
  body->set("papers", summary.papers);
  body->set("members", summary.members);
  body->set("pairs", static_cast<Poco::UInt64>(summary.pairs));
  body->set("k", static_cast<Poco::UInt64>(summary.k));
  ex.sendJson(200, body);
}

}  // namespace

void addBidRoutes(Router& router) {
  router.add("GET", "/api/v1/conferences/{slug}/committee/me/bids", listBids);
  router.add("PUT", "/api/v1/conferences/{slug}/submissions/{id}/bid", setBid);
  router.add("POST", "/api/v1/conferences/{slug}/affinity", recomputeAffinity);
}

}  // namespace confpress::web
