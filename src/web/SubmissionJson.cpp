#include "web/SubmissionJson.h"

#include <Poco/JSON/Parser.h>

#include "auth/Identity.h"
#include "conference/Deadlines.h"
#include "web/JsonOutput.h"

namespace confpress::web {

namespace {

Poco::Dynamic::Var optional(const std::optional<std::string>& value) {
  return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

}  // namespace

Poco::Dynamic::Var reportJson(const std::string& json) {
  try {
    return Poco::JSON::Parser().parse(json);
  } catch (const Poco::Exception&) {
    return newObject();
  }
}

Poco::JSON::Object::Ptr toJson(const store::VersionRecord& v) {
  auto o = newObject();
  o->set("version_id", v.id);
  o->set("sha256", v.sha256);
  o->set("size", v.size);
  o->set("pages", v.pages);
  o->set("paper_size", v.paperSize);
  o->set("file_name", v.fileName);
  o->set("uploaded_at", v.uploadedAt);
  o->set("preflight", reportJson(v.preflightJson));
  return o;
}

Poco::JSON::Object::Ptr toJson(const submission::SubmissionView& v) {
  const store::SubmissionRecord& s = v.submission;
  auto o = newObject();
  o->set("id", s.number);
  o->set("conference", v.conference.slug);
  o->set("title", s.title);
  o->set("abstract", s.abstract);
  auto keywords = newArray();
  for (const auto& k : s.keywords) keywords->add(k);
  o->set("keywords", keywords);
  auto topics = newArray();
  for (int64_t id : s.topicIds)
    for (const auto& t : v.conference.topics)
      if (t.id == id) {
        auto topic = newObject();
        topic->set("id", t.id);
        topic->set("name", t.name);
        topic->set("name_en", t.nameEn);
        topics->add(topic);
      }
  o->set("topics", topics);
  auto authors = newArray();
  for (const auto& a : s.authors) {
    auto author = newObject();
    author->set("family_name", a.familyName);
    author->set("given_name", a.givenName);
    author->set("display_name", auth::displayName(a.familyName, a.givenName, a.nameOrder));
    author->set("email", a.email);
    author->set("affiliation", a.affiliation);
    author->set("country", a.country);
    author->set("orcid", optional(a.orcid));
    author->set("corresponding", a.corresponding);
    authors->add(author);
  }
  o->set("authors", authors);
  o->set("authors_hidden", v.authorsHidden);
  auto conflicts = newArray();
  for (const auto& c : s.declaredConflicts) {
    auto conflict = newObject();
    conflict->set("email", c.email);
    conflict->set("type", c.type);
    conflicts->add(conflict);
  }
  o->set("declared_conflicts", conflicts);
  o->set("status", s.status);
  o->set("withdraw_reason", optional(s.withdrawReason));
  o->set("created_at", s.createdAt);
  o->set("updated_at", s.updatedAt);
  o->set("submitted_at", optional(s.submittedAt));
  o->set("withdrawn_at", optional(s.withdrawnAt));
  if (!v.deadline.empty()) {
    auto deadline = newObject();
    deadline->set("at", v.deadline);
    deadline->set("local", conference::toZoneIso(v.deadline, v.conference.timezone));
    deadline->set("passed", v.deadlinePassed);
    deadline->set("extended", s.deadlineExtension.has_value());
    o->set("deadline", deadline);
  } else {
    o->set("deadline", Poco::Dynamic::Var());
  }
  o->set("pdf", s.current ? Poco::Dynamic::Var(toJson(*s.current)) : Poco::Dynamic::Var());
  auto may = newObject();
  may->set("edit", v.mayEdit);
  may->set("submit", v.maySubmit);
  may->set("withdraw", v.mayWithdraw);
  o->set("permissions", may);
  return o;
}

}  // namespace confpress::web
