// Conferences over JSON:
//   GET    /api/v1/conferences                      list (slug, titles, dates, topics)
//   POST   /api/v1/conferences                      create (site admins) → 201
//   GET    /api/v1/conferences/{slug}               one, with the caller's roles
//   PATCH  /api/v1/conferences/{slug}               edit (chairs, admins)
//   GET    /api/v1/conferences/{slug}/roles         who holds which role (chairs)
//   POST   /api/v1/conferences/{slug}/roles         grant {email, role[, family_name, given_name,
//   affiliation]} DELETE /api/v1/conferences/{slug}/roles?email=&role=   revoke GET
//   /api/v1/conferences/{slug}/audit         the conference's audit log (chairs)
#include "auth/Identity.h"
#include "core/Errors.h"
#include "store/AuditLog.h"
#include "submission/PaperVisibility.h"
#include "web/Exchange.h"
#include "web/JsonInput.h"
#include "web/JsonOutput.h"
#include "web/Routes.h"

namespace confpress::web {

namespace {

std::vector<conference::TopicInput> readTopics(JsonInput& in) {
  std::vector<conference::TopicInput> topics;
  auto value = in.optionalValue("topics");
  if (!value) return topics;
  if (value->type() != typeid(Poco::JSON::Array::Ptr))
    throw ValidationError("topics", "invalid_type",
                          "topics must be an array of names or {name, name_en} objects");
  auto array = value->extract<Poco::JSON::Array::Ptr>();
  for (unsigned i = 0; i < array->size(); ++i) {
    Poco::Dynamic::Var item = array->get(i);
    const std::string prefix = "topics[" + std::to_string(i) + "]";
    if (item.isString()) {
      topics.push_back({item.extract<std::string>(), ""});
    } else if (item.type() == typeid(Poco::JSON::Object::Ptr)) {
      JsonInput topic(item.extract<Poco::JSON::Object::Ptr>(), prefix + ".");
      conference::TopicInput t{topic.requiredString("name"), topic.optionalString("name_en").value_or("")};
      topic.finish();
      topics.push_back(std::move(t));
    } else {
      throw ValidationError(prefix, "invalid_type", prefix + " must be a name or a {name, name_en} object");
    }
  }
  return topics;
}

conference::RulesInput readRules(const Poco::JSON::Object::Ptr& object) {
  JsonInput in(object, "rules.");
  conference::RulesInput r;
  r.maxPdfMb = in.optionalInt("max_pdf_mb", 1, 200);
  r.minPages = in.optionalInt("min_pages", 1, 1000);
  r.maxPages = in.optionalInt("max_pages", 1, 1000);
  r.paperSizes = in.optionalStringArray("paper_sizes");
  r.referencesMayExceed = in.optionalBool("references_may_exceed");
  r.blind = in.optionalString("blind");
  r.requiredFields = in.optionalStringArray("required_fields");
  if (auto severity = in.optionalObject("severity")) {
    std::map<std::string, std::string> levels;
    JsonInput each(severity, "rules.severity.");
    for (const auto& [code, value] : *severity) levels[code] = each.requiredString(code);
    r.severity = std::move(levels);
  }
  in.finish();
  return r;
}

// Each deadline is a string (see conference/Deadlines.h), null to remove it, or the object GET returns.
std::map<std::string, std::string> readDeadlines(const Poco::JSON::Object::Ptr& object) {
  std::map<std::string, std::string> out;
  for (const auto& [kind, value] : *object) {
    const std::string field = "deadlines." + kind;
    if (value.isEmpty()) {
      out[kind] = "";
    } else if (value.isString()) {
      out[kind] = value.extract<std::string>();
    } else if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
      JsonInput d(value.extract<Poco::JSON::Object::Ptr>(), field + ".");
      auto written = d.optionalString("written_as");
      auto at = d.optionalString("at");
      d.optionalString("local");
      d.optionalString("display");
      d.optionalBool("passed");
      d.finish();
      out[kind] = written && !written->empty() ? *written : at.value_or("");
    } else {
      throw ValidationError(field, "invalid_type", field + " must be a date or time string, or null");
    }
  }
  return out;
}

conference::ConferenceInput readConference(Exchange& ex) {
  Poco::JSON::Object::Ptr object = ex.jsonObject();
  JsonInput in(object);
  conference::ConferenceInput c;
  c.slug = in.optionalString("slug");
  c.title = in.optionalString("title");
  c.titleEn = in.optionalString("title_en");
  c.acronym = in.optionalString("acronym");
  c.organiser = in.optionalString("organiser");
  c.venue = in.optionalString("venue");
  c.timezone = in.optionalString("timezone");
  c.language = in.optionalString("language");
  c.callText = in.optionalString("call");
  c.callTextEn = in.optionalString("call_en");
  // A date set to null (or "") clears it; an absent one stays as it is.
  for (auto [name, target] : {std::pair{"start_date", &c.startDate}, std::pair{"end_date", &c.endDate}}) {
    const bool isNull = object->has(name) && object->isNull(name);
    *target = in.optionalString(name);
    if (isNull) *target = "";
  }
  if (object->has("topics")) c.topics = readTopics(in);
  if (auto rules = in.optionalObject("rules")) c.rules = readRules(rules);
  if (auto deadlines = in.optionalObject("deadlines")) c.deadlines = readDeadlines(deadlines);
  in.finish();
  return c;
}

void listConferences(Exchange& ex) {
  auto list = newArray();
  for (const auto& c : ex.services.conferences.list()) list->add(toJson(c, false));
  auto body = newObject();
  body->set("conferences", list);
  ex.sendJson(200, body);
}

void createConference(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  auto created = ex.services.conferences.create(readConference(ex), who, ex.origin());
  ex.response.set("Location", "/api/v1/conferences/" + created.slug);
  ex.sendJson(201, toJson(created, true));
}

void showConference(Exchange& ex) {
  auto c = ex.services.conferences.get(ex.params["slug"]);
  auto body = toJson(c, true);
  auto roles = newArray();
  for (const auto& role : ex.services.conferences.standing(c.id, ex.principal()).roles) roles->add(role);
  body->set("my_roles", roles);
  ex.sendJson(200, body);
}

void updateConference(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  ex.sendJson(
      200,
      toJson(ex.services.conferences.update(ex.params["slug"], readConference(ex), who, ex.origin()), true));
}

void listRoles(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  auto list = newArray();
  for (const auto& h : ex.services.conferences.roleHolders(ex.params["slug"], who)) {
    auto o = newObject();
    o->set("email", h.email);
    o->set("family_name", h.familyName);
    o->set("given_name", h.givenName);
    o->set("display_name", auth::displayName(h.familyName, h.givenName, h.nameOrder));
    o->set("affiliation", h.affiliation);
    o->set("role", h.role);
    list->add(o);
  }
  auto body = newObject();
  body->set("roles", list);
  ex.sendJson(200, body);
}

void grantRole(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  JsonInput in(ex.jsonObject());
  conference::RoleGrant grant;
  grant.email = in.requiredString("email");
  grant.role = in.requiredString("role");
  grant.familyName = in.optionalString("family_name").value_or("");
  grant.givenName = in.optionalString("given_name").value_or("");
  grant.affiliation = in.optionalString("affiliation").value_or("");
  in.finish();
  ex.services.conferences.grantRole(ex.params["slug"], grant, who, ex.origin());
  ex.sendNoContent();
}

void revokeRole(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  const std::string email = ex.query("email"), role = ex.query("role");
  if (email.empty()) throw ValidationError("email", "required", "give ?email= of the person");
  if (role.empty()) throw ValidationError("role", "required", "give ?role= to revoke");
  ex.services.conferences.revokeRole(ex.params["slug"], email, role, who, ex.origin());
  ex.sendNoContent();
}

void showAudit(Exchange& ex) {
  const auth::Principal& who = ex.requireSignedIn();
  auto c = ex.services.conferences.get(ex.params["slug"]);
  if (!policy::mayViewCommittee(ex.services.conferences.standing(c.id, who)))
    throw Forbidden("only the chairs of " + c.slug + " read its audit log");
  Poco::Data::Session s = ex.services.db.session();
  // Entries about a paper the reader is conflicted with are left out, like the paper itself.
  const submission::PaperVisibility visibility(s, c, who);
  auto list = newArray();
  for (const auto& [at, e] : store::recentAudit(s, c.id, 500)) {
    if (e.objectType == "submission" && !e.objectId.empty() &&
        e.objectId.find_first_not_of("0123456789") == std::string::npos &&
        visibility.hidesFromChair(std::stoll(e.objectId)))
      continue;
    auto o = newObject();
    o->set("at", at);
    o->set("actor_id", e.actorId ? Poco::Dynamic::Var(*e.actorId) : Poco::Dynamic::Var());
    o->set("ip", e.ip);
    o->set("action", e.action);
    o->set("object_type", e.objectType);
    o->set("object_id", e.objectId);
    o->set("detail", e.detailJson);
    list->add(o);
  }
  auto body = newObject();
  body->set("entries", list);
  ex.sendJson(200, body);
}

}  // namespace

void addConferenceRoutes(Router& router) {
  router.add("GET", "/api/v1/conferences", listConferences);
  router.add("POST", "/api/v1/conferences", createConference);
  router.add("GET", "/api/v1/conferences/{slug}", showConference);
  router.add("PATCH", "/api/v1/conferences/{slug}", updateConference);
  router.add("GET", "/api/v1/conferences/{slug}/roles", listRoles);
  router.add("POST", "/api/v1/conferences/{slug}/roles", grantRole);
  router.add("DELETE", "/api/v1/conferences/{slug}/roles", revokeRole);
  router.add("GET", "/api/v1/conferences/{slug}/audit", showAudit);
}

}  // namespace confpress::web
