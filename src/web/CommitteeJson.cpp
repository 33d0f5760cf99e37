#include "web/CommitteeJson.h"

#include <algorithm>

#include "auth/Identity.h"
#include "text/Unicode.h"
#include "web/JsonOutput.h"

namespace confpress::web {

namespace {

Poco::Dynamic::Var optional(const std::optional<std::string>& value) {
  return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

}  // namespace

Poco::JSON::Array::Ptr topicsJson(const std::vector<int64_t>& topicIds, const store::ConferenceRecord& c) {
  auto topics = newArray();
  for (const auto& t : c.topics)
    if (std::find(topicIds.begin(), topicIds.end(), t.id) != topicIds.end()) {
      auto topic = newObject();
      topic->set("id", t.id);
      topic->set("name", t.name);
      topic->set("name_en", t.nameEn);
      topics->add(topic);
    }
  return topics;
}

Poco::JSON::Object::Ptr toJson(const store::CommitteeMemberRecord& m, const store::ConferenceRecord& c) {
  auto o = newObject();
  o->set("id", m.personId);
  o->set("email", m.email);
  o->set("family_name", m.familyName);
  o->set("given_name", m.givenName);
  o->set("display_name", auth::displayName(m.familyName, m.givenName, m.nameOrder));
  o->set("affiliation", m.affiliation);
  o->set("role", m.role);
  o->set("status", m.status);
  o->set("min_load", m.minLoad);
  o->set("max_load", m.maxLoad ? Poco::Dynamic::Var(*m.maxLoad) : Poco::Dynamic::Var());
  o->set("topics", topicsJson(m.topicIds, c));
  o->set("profile_chars", static_cast<Poco::UInt64>(text::codePointCount(m.profileText)));
  o->set("papers", m.papers);
  o->set("invited_at", optional(m.invitedAt));
  o->set("responded_at", optional(m.respondedAt));
  return o;
}

Poco::JSON::Object::Ptr toJson(const store::CommitteePaperRecord& p) {
  auto o = newObject();
  o->set("id", p.id);
  o->set("file_name", p.fileName);
  o->set("sha256", p.sha256);
  o->set("pages", p.pages);
  o->set("text_bytes", p.textBytes);
  o->set("uploaded_at", p.uploadedAt);
  return o;
}

Poco::JSON::Object::Ptr toJson(const committee::ReviewerProfile& p, const store::ConferenceRecord& c) {
  auto o = newObject();
  o->set("status", p.member.status);
  o->set("role", p.member.role);
  o->set("topics", topicsJson(p.member.topicIds, c));
  o->set("text", p.member.profileText);
  auto papers = newArray();
  for (const auto& paper : p.papers) papers->add(toJson(paper));
  o->set("papers", papers);
  o->set("updated_at", p.member.updatedAt);
  return o;
}

Poco::JSON::Object::Ptr toJson(const store::ConflictRecord& c) {
  auto o = newObject();
  o->set("id", c.id);
  o->set("submission", c.number);
  o->set("title", c.title);
  auto member = newObject();
  member->set("id", c.personId);
  member->set("email", c.email);
  member->set("display_name", auth::displayName(c.familyName, c.givenName, c.nameOrder));
  o->set("member", member);
  o->set("type", c.type);
  o->set("source", c.source);
  o->set("evidence", c.evidence);
  o->set("status", c.status);
  o->set("created_at", c.createdAt);
  o->set("decided_at", optional(c.decidedAt));
  return o;
}

Poco::JSON::Object::Ptr toJson(const committee::BiddingPaper& p, const store::ConferenceRecord& c) {
  auto o = newObject();
  o->set("id", p.number);
  o->set("title", p.title);
  o->set("abstract", p.abstract);
  auto keywords = newArray();
  for (const auto& k : p.keywords) keywords->add(k);
  o->set("keywords", keywords);
  o->set("topics", topicsJson(p.topicIds, c));
  o->set("affinity", p.affinity);
  o->set("bid", p.bid ? Poco::Dynamic::Var(*p.bid) : Poco::Dynamic::Var());
  return o;
}

}  // namespace confpress::web
