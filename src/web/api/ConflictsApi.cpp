// Conflicts of interest over JSON (chairs; rows about a paper the chair is conflicted with are left out):
//   GET   /api/v1/conferences/{slug}/conflicts[?status=pending|confirmed|dismissed]   with their evidence
//   POST  /api/v1/conferences/{slug}/conflicts/detect     detect again → {created, updated, removed,
//   unchanged} PATCH /api/v1/conferences/{slug}/conflicts/{conflict} {status: confirmed|dismissed|pending} →
//   conflict
// Members declare their own conflicts with PUT …/submissions/{id}/bid {"level":"conflict"} (BidsApi.cpp).
#include <Poco/NumberParser.h>

#include "core/Errors.h"
#include "web/CommitteeJson.h"
#include "web/Exchange.h"
#include "web/JsonInput.h"
#include "web/JsonOutput.h"
#include "web/Routes.h"

namespace confpress::web {

namespace {

void listConflicts(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  std::optional<std::string> status;
  if (!ex.query("status").empty()) status = ex.query("status");
  auto list = newArray();
  for (const auto& c : ex.services.conflicts.list(ex.params["slug"], status, who)) list->add(toJson(c));
  auto body = newObject();
  body->set("conflicts", list);
  ex.sendJson(200, body);
}

void detectConflicts(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const auto summary = ex.services.conflicts.detect(ex.params["slug"], who, ex.origin());
  auto body = newObject();
  body->set("created", summary.created);
  body->set("updated", summary.updated);
  body->set("removed", summary.removed);
  body->set("unchanged", summary.unchanged);
  ex.sendJson(200, body);
}

void decideConflict(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  Poco::Int64 id = 0;
  const std::string& raw = ex.params["conflict"];
  if (raw.size() > 18 || !Poco::NumberParser::tryParse64(raw, id) || id <= 0)
    throw NotFound("no conflict '" + raw + "'");
  JsonInput in(ex.jsonObject());
  const std::string status = in.requiredString("status");
  in.finish();
  ex.sendJson(200, toJson(ex.services.conflicts.decide(ex.params["slug"], id, status, who, ex.origin())));
}

}  // namespace

void addConflictRoutes(Router& router) {
  const std::string base = "/api/v1/conferences/{slug}/conflicts";
  router.add("GET", base, listConflicts);
  router.add("POST", base + "/detect", detectConflicts);
  router.add("PATCH", base + "/{conflict}", decideConflict);
}

}  // namespace confpress::web
