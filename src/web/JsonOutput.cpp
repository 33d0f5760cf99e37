#include "web/JsonOutput.h"

#include <Poco/JSON/Parser.h>

#include "conference/Deadlines.h"
#include "core/Time.h"

namespace confpress::web {

Poco::JSON::Object::Ptr toJson(const auth::Principal& who) {
  auto o = newObject();
  o->set("id", who.personId);
  o->set("email", who.email);
  o->set("display_name", who.displayName);
  o->set("locale", who.locale);
  o->set("is_admin", who.isAdmin);
  return o;
}

Poco::JSON::Object::Ptr toJson(const store::ConferenceRecord& c, bool full) {
  auto o = newObject();
  o->set("slug", c.slug);
  o->set("title", c.title);
  o->set("title_en", c.titleEn);
  o->set("acronym", c.acronym);
  o->set("organiser", c.organiser);
  o->set("venue", c.venue);
  o->set("start_date", c.startDate ? Poco::Dynamic::Var(*c.startDate) : Poco::Dynamic::Var());
  o->set("end_date", c.endDate ? Poco::Dynamic::Var(*c.endDate) : Poco::Dynamic::Var());
  o->set("timezone", c.timezone);
  o->set("language", c.language);
  auto topics = newArray();
  for (const auto& t : c.topics) {
    auto topic = newObject();
    topic->set("id", t.id);
    topic->set("name", t.name);
    topic->set("name_en", t.nameEn);
    topics->add(topic);
  }
  o->set("topics", topics);
  auto deadlines = newObject();
  const std::string now = nowUtc();
  for (const auto& d : c.deadlines) {
    auto deadline = newObject();
    deadline->set("at", d.atUtc);
    deadline->set("local", conference::toZoneIso(d.atUtc, c.timezone));
    deadline->set("written_as", d.writtenAs);
    deadline->set("passed", conference::hasPassed(d.atUtc, now));
    deadlines->set(d.kind, deadline);
  }
  o->set("deadlines", deadlines);
  if (full) {
    const store::SubmissionRules& r = c.rules;
    auto rules = newObject();
    rules->set("max_pdf_mb", r.maxPdfMb);
    rules->set("min_pages", r.minPages);
    rules->set("max_pages", r.maxPages);
    auto sizes = newArray();
    for (const auto& size : r.paperSizes) sizes->add(size);
    rules->set("paper_sizes", sizes);
    rules->set("references_may_exceed", r.referencesMayExceed);
    rules->set("blind", r.blind);
    auto required = newArray();
    for (const auto& f : r.requiredFields) required->add(f);
    rules->set("required_fields", required);
    Poco::JSON::Parser parser;
    rules->set("severity", parser.parse(r.severityJson.empty() ? "{}" : r.severityJson));
    o->set("rules", rules);
    o->set("call", c.callText);
    o->set("call_en", c.callTextEn);
    o->set("created_at", c.createdAt);
    o->set("updated_at", c.updatedAt);
  }
  return o;
}

}  // namespace confpress::web
