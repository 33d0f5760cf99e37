#include "web/JsonOutput.h"

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
  if (full) {
    o->set("call", c.callText);
    o->set("call_en", c.callTextEn);
    o->set("created_at", c.createdAt);
    o->set("updated_at", c.updatedAt);
  }
  return o;
}

}  // namespace confpress::web
