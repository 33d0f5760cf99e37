// GET /api/v1/health: liveness and the schema version the database is at.
#include "store/Migrator.h"
#include "web/Exchange.h"
#include "web/JsonOutput.h"
#include "web/Routes.h"

namespace confpress::web {

void addHealthRoutes(Router& router) {
  router.add("GET", "/api/v1/health", [](Exchange& ex) {
    auto body = newObject();
    body->set("status", "ok");
    body->set("schema", store::schemaVersion(ex.services.db));
    ex.sendJson(200, body);
  });
}

}  // namespace confpress::web
