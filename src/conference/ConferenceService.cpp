#include "conference/ConferenceService.h"

#include <Poco/JSON/Object.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "auth/Identity.h"
#include "conference/Deadlines.h"
#include "core/Errors.h"
#include "core/Time.h"
#include "preflight/Rules.h"
#include "store/AuditLog.h"
#include "store/CommitteeRepository.h"
#include "store/PeopleRepository.h"
#include "text/Collation.h"
#include "text/Unicode.h"

namespace confpress::conference {

namespace {

const std::vector<std::string> kRoles = {"admin", "chair", "pc", "senior_pc", "author", "editor"};

std::string checkSlug(const std::string& raw) {
  static const std::regex pattern("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");
  if (!std::regex_match(raw, pattern))
    throw ValidationError(
        "slug", "invalid_value",
        "slug must be 3–64 characters of a–z, 0–9 and '-', starting and ending with a letter or digit");
  return raw;
}

std::string checkTimezone(const std::string& raw) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(raw)));
  icu::UnicodeString id;
  zone->getID(id);
  if (raw.empty() || id == icu::UnicodeString("Etc/Unknown"))
    throw ValidationError("timezone", "invalid_value",
                          "timezone must be an IANA time zone such as Asia/Ho_Chi_Minh");
  return raw;
}

std::optional<std::string> checkDate(const std::string& raw, const std::string& field) {
  if (raw.empty()) return std::nullopt;
  if (!isIsoDate(raw))
    throw ValidationError(field, "invalid_date", field + " must be a date written YYYY-MM-DD");
  return raw;
}

std::vector<store::TopicRecord> checkTopics(const std::vector<TopicInput>& topics) {
  if (topics.size() > 200) throw ValidationError("topics", "too_long", "a conference has at most 200 topics");
  std::vector<store::TopicRecord> out;
  std::set<std::string> seen;
  for (size_t i = 0; i < topics.size(); ++i) {
    const std::string field = "topics[" + std::to_string(i) + "]";
    store::TopicRecord t;
    t.name = auth::normaliseName(topics[i].name, field + ".name");
    t.nameEn = auth::normaliseLine(topics[i].nameEn, field + ".name_en", 200);
    if (!seen.insert(text::foldForMatch(t.name)).second)
      throw ValidationError(field + ".name", "duplicate", "topic '" + t.name + "' is listed twice");
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::string> checkPaperSizes(const std::vector<std::string>& sizes) {
  if (sizes.empty())
    throw ValidationError("rules.paper_sizes", "required",
                          "rules.paper_sizes needs at least one of A4, Letter");
  std::vector<std::string> out;
  for (const auto& size : sizes) {
    if (size != "A4" && size != "Letter")
      throw ValidationError("rules.paper_sizes", "invalid_value",
                            "rules.paper_sizes may hold A4 and Letter, not '" + size + "'");
    if (std::find(out.begin(), out.end(), size) == out.end()) out.push_back(size);
  }
  return out;
}

std::vector<std::string> checkRequiredFields(const std::vector<std::string>& fields) {
  static const std::set<std::string> optional = {"abstract",    "keywords", "topics",
                                                 "affiliation", "country",  "orcid"};
  std::vector<std::string> out;
  for (const auto& f : fields) {
    if (f == "title" || f == "authors") continue;  // always required
    if (!optional.count(f))
      throw ValidationError(
          "rules.required_fields", "invalid_value",
          "rules.required_fields may hold abstract, keywords, topics, affiliation, country, "
          "orcid, not '" +
              f + "'");
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  }
  return out;
}

std::string checkSeverities(const std::map<std::string, std::string>& severity) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [code, level] : severity) {
    if (!preflight::defaultSeverities().count(code))
      throw ValidationError("rules.severity." + code, "unknown_field",
                            "'" + code + "' is not a preflight check");
    if (level != "error" && level != "warning" && level != "off")
      throw ValidationError("rules.severity." + code, "invalid_value",
                            "rules.severity." + code + " must be error, warning or off");
    o.set(code, level);
  }
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

void applyRules(const RulesInput& in, store::SubmissionRules& r) {
  if (in.maxPdfMb) r.maxPdfMb = static_cast<int>(*in.maxPdfMb);
  if (in.minPages) r.minPages = static_cast<int>(*in.minPages);
  if (in.maxPages) r.maxPages = static_cast<int>(*in.maxPages);
  if (r.minPages > r.maxPages)
    throw ValidationError("rules.min_pages", "invalid_value",
                          "rules.min_pages (" + std::to_string(r.minPages) + ") exceeds rules.max_pages (" +
                              std::to_string(r.maxPages) + ")");
  if (in.paperSizes) r.paperSizes = checkPaperSizes(*in.paperSizes);
  if (in.referencesMayExceed) r.referencesMayExceed = *in.referencesMayExceed;
  if (in.blind) {
    if (*in.blind != "single" && *in.blind != "double")
      throw ValidationError("rules.blind", "invalid_value", "rules.blind must be single or double");
    r.blind = *in.blind;
  }
  if (in.requiredFields) r.requiredFields = checkRequiredFields(*in.requiredFields);
  if (in.severity) r.severityJson = checkSeverities(*in.severity);
}

// Sets, replaces or removes the deadlines named in `written`; with `rezone`, re-reads every kept deadline
// in the (new) zone of `c`, so that "2026-12-01" keeps meaning the end of that day where the conference is.
void applyDeadlines(const std::map<std::string, std::string>& written, bool rezone,
                    store::ConferenceRecord& c) {
  std::map<std::string, std::string> texts;
  for (const auto& d : c.deadlines) texts[d.kind] = d.writtenAs.empty() ? d.atUtc : d.writtenAs;
  for (const auto& [kind, text] : written) {
    if (!isDeadlineKind(kind))
      throw ValidationError("deadlines." + kind, "unknown_field",
                            "deadlines has registration, submission and camera_ready, not '" + kind + "'");
    texts[kind] = text::cleanLine(text, "deadlines." + kind);
  }
  std::vector<store::DeadlineRecord> out;
  for (const char* kind : kDeadlineKinds) {
    auto it = texts.find(kind);
    if (it == texts.end() || it->second.empty()) continue;
    const bool changed = written.count(kind) > 0;
    if (!changed && !rezone) {
      for (const auto& d : c.deadlines)
        if (d.kind == kind) out.push_back(d);
      continue;
    }
    out.push_back(
        {kind, parseDeadline(it->second, c.timezone, std::string("deadlines.") + kind), it->second});
  }
  const auto at = [&](const char* kind) {
    for (const auto& d : out)
      if (d.kind == kind) return d.atUtc;
    return std::string();
  };
  if (!at("registration").empty() && !at("submission").empty() && at("submission") < at("registration"))
    throw ValidationError("deadlines.submission", "invalid_deadline",
                          "the full-paper deadline comes before the abstract-registration deadline");
  if (!at("submission").empty() && !at("camera_ready").empty() && at("camera_ready") < at("submission"))
    throw ValidationError("deadlines.camera_ready", "invalid_deadline",
                          "the camera-ready deadline comes before the full-paper deadline");
  c.deadlines = std::move(out);
}

// Applies the fields present in `in` to `c`, validating each.
void apply(const ConferenceInput& in, store::ConferenceRecord& c) {
  if (in.title) {
    c.title = auth::normaliseLine(*in.title, "title", 300);
    if (c.title.empty()) throw ValidationError("title", "required", "title is required");
  }
  if (in.titleEn) c.titleEn = auth::normaliseLine(*in.titleEn, "title_en", 300);
  if (in.acronym) c.acronym = auth::normaliseLine(*in.acronym, "acronym", 40);
  if (in.organiser) c.organiser = auth::normaliseLine(*in.organiser, "organiser", 300);
  if (in.venue) c.venue = auth::normaliseLine(*in.venue, "venue", 300);
  if (in.startDate) c.startDate = checkDate(*in.startDate, "start_date");
  if (in.endDate) c.endDate = checkDate(*in.endDate, "end_date");
  if (c.startDate && c.endDate && *c.endDate < *c.startDate)
    throw ValidationError("end_date", "invalid_date", "end_date is before start_date");
  const bool rezone = in.timezone && *in.timezone != c.timezone;
  if (in.timezone) c.timezone = checkTimezone(*in.timezone);
  if (in.language) c.language = auth::normaliseLocale(*in.language, "language");
  if (in.callText) c.callText = text::cleanText(*in.callText, "call");
  if (in.callTextEn) c.callTextEn = text::cleanText(*in.callTextEn, "call_en");
  for (const auto* call : {&c.callText, &c.callTextEn})
    if (text::codePointCount(*call) > 20000)
      throw ValidationError(call == &c.callText ? "call" : "call_en", "too_long",
                            "the call is longer than 20000 characters");
  if (in.topics) c.topics = checkTopics(*in.topics);
  if (in.rules) applyRules(*in.rules, c.rules);
  if (in.deadlines || rezone)
    applyDeadlines(in.deadlines.value_or(std::map<std::string, std::string>{}), rezone, c);
}

// A committee role granted directly makes the person a member who accepted (the role is what an accepted
// invitation grants); see committee::CommitteeService.
void joinCommittee(Poco::Data::Session& s, int64_t conferenceId, int64_t personId, const std::string& role,
                   const auth::Principal& who) {
  store::CommitteeRepository committee(s);
  const auto existing = committee.find(conferenceId, personId);
  store::CommitteeMemberRecord m = existing.value_or(store::CommitteeMemberRecord{});
  m.conferenceId = conferenceId;
  m.personId = personId;
  if (m.status != "accepted") {
    m.status = "accepted";
    m.invitedBy = who.personId;
    m.invitedAt = m.invitedAt.value_or(nowUtc());
    m.respondedAt = nowUtc();
  }
  if (role == "senior_pc" || !existing) m.role = role;
  committee.upsert(m);
}

// Without any committee role left, the member is out of the committee (recorded as declined).
void leaveCommittee(Poco::Data::Session& s, int64_t conferenceId, int64_t personId) {
  const auto roles = store::ConferenceRepository(s).rolesOf(conferenceId, personId);
  if (std::find(roles.begin(), roles.end(), "pc") != roles.end() ||
      std::find(roles.begin(), roles.end(), "senior_pc") != roles.end())
    return;
  store::CommitteeRepository committee(s);
  if (committee.find(conferenceId, personId)) committee.setStatus(conferenceId, personId, "declined");
}

std::string summary(const store::ConferenceRecord& c) {
  return store::auditDetail(
      {{"slug", c.slug}, {"title", c.title}, {"topics", std::to_string(c.topics.size())}});
}

}  // namespace

bool ConferenceService::isKnownRole(const std::string& role) {
  return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end();
}

store::ConferenceRecord ConferenceService::create(const ConferenceInput& in, const auth::Principal& who,
                                                  const auth::Origin& origin) {
  if (!policy::mayCreateConference(who)) throw Forbidden("only site administrators create conferences");
  if (!in.slug) throw ValidationError("slug", "required", "slug is required");
  if (!in.title) throw ValidationError("title", "required", "title is required");
  if (!in.timezone) throw ValidationError("timezone", "required", "timezone is required");
  store::ConferenceRecord c;
  c.slug = checkSlug(*in.slug);
  apply(in, c);
  return db_.transaction([&](Poco::Data::Session& s) {
    store::ConferenceRepository repo(s);
    if (repo.findBySlug(c.slug))
      throw Conflict("slug_taken", "a conference with slug '" + c.slug + "' already exists", "slug");
    c.id = repo.insert(c, who.personId);
    store::appendAudit(
        s, {who.personId, origin.ip, "conference.create", "conference", c.slug, c.id, summary(c)});
    return *repo.findBySlug(c.slug);
  });
}

store::ConferenceRecord ConferenceService::update(const std::string& slug, const ConferenceInput& in,
                                                  const auth::Principal& who, const auth::Origin& origin) {
  if (in.slug && *in.slug != slug)
    throw ValidationError("slug", "invalid_value", "the slug of a conference cannot change");
  return db_.transaction([&](Poco::Data::Session& s) {
    store::ConferenceRepository repo(s);
    auto found = repo.findBySlug(slug);
    if (!found) throw NotFound("no conference '" + slug + "'");
    policy::ConferenceStanding standing{who.isAdmin, repo.rolesOf(found->id, who.personId)};
    if (!policy::mayEditConference(standing)) throw Forbidden("only the chairs of " + slug + " edit it");
    store::ConferenceRecord c = *found;
    apply(in, c);
    repo.update(c);
    store::appendAudit(
        s, {who.personId, origin.ip, "conference.update", "conference", c.slug, c.id, summary(c)});
    return *repo.findBySlug(slug);
  });
}

std::vector<store::ConferenceRecord> ConferenceService::list() {
  Poco::Data::Session s = db_.session();
  return store::ConferenceRepository(s).list();
}

store::ConferenceRecord ConferenceService::get(const std::string& slug) {
  Poco::Data::Session s = db_.session();
  auto found = store::ConferenceRepository(s).findBySlug(slug);
  if (!found) throw NotFound("no conference '" + slug + "'");
  return *found;
}

policy::ConferenceStanding ConferenceService::standing(int64_t conferenceId,
                                                       const std::optional<auth::Principal>& who) {
  if (!who) return {};
  Poco::Data::Session s = db_.session();
  return {who->isAdmin, store::ConferenceRepository(s).rolesOf(conferenceId, who->personId)};
}

void ConferenceService::grantRole(const std::string& slug, const RoleGrant& grant, const auth::Principal& who,
                                  const auth::Origin& origin) {
  if (!isKnownRole(grant.role))
    throw ValidationError("role", "invalid_value",
                          "role must be one of admin, chair, pc, senior_pc, author, editor");
  const std::string email = auth::normaliseEmail(grant.email);
  db_.transaction([&](Poco::Data::Session& s) {
    store::ConferenceRepository repo(s);
    auto c = repo.findBySlug(slug);
    if (!c) throw NotFound("no conference '" + slug + "'");
    if (!policy::mayGrantRole({who.isAdmin, repo.rolesOf(c->id, who.personId)}, grant.role))
      throw Forbidden("you may not grant the role " + grant.role + " in " + slug);
    store::PeopleRepository people(s);
    auto person = people.findPersonByEmail(email);
    if (!person) {
      if (grant.familyName.empty() || grant.givenName.empty())
        throw ValidationError(
            "family_name", "required",
            email + " is not known yet: give family_name and given_name to add this person");
      store::PersonRecord p;
      p.email = email;
      p.familyName = auth::normaliseName(grant.familyName, "family_name");
      p.givenName = auth::normaliseName(grant.givenName, "given_name");
      p.affiliation = auth::normaliseLine(grant.affiliation, "affiliation", 300);
      p.locale = c->language;
      p.id = people.insertPerson(p);
      person = p;
    }
    repo.grantRole(c->id, person->id, grant.role, who.personId);
    if (grant.role == "pc" || grant.role == "senior_pc") joinCommittee(s, c->id, person->id, grant.role, who);
    store::appendAudit(s, {who.personId, origin.ip, "role.grant", "person", std::to_string(person->id), c->id,
                           store::auditDetail({{"role", grant.role}, {"email", email}})});
  });
}

void ConferenceService::revokeRole(const std::string& slug, const std::string& rawEmail,
                                   const std::string& role, const auth::Principal& who,
                                   const auth::Origin& origin) {
  if (!isKnownRole(role)) throw ValidationError("role", "invalid_value", "unknown role '" + role + "'");
  const std::string email = auth::normaliseEmail(rawEmail);
  db_.transaction([&](Poco::Data::Session& s) {
    store::ConferenceRepository repo(s);
    auto c = repo.findBySlug(slug);
    if (!c) throw NotFound("no conference '" + slug + "'");
    if (!policy::mayGrantRole({who.isAdmin, repo.rolesOf(c->id, who.personId)}, role))
      throw Forbidden("you may not revoke the role " + role + " in " + slug);
    auto person = store::PeopleRepository(s).findPersonByEmail(email);
    if (!person || !repo.revokeRole(c->id, person->id, role))
      throw NotFound(email + " does not hold the role " + role + " in " + slug);
    if (role == "pc" || role == "senior_pc") leaveCommittee(s, c->id, person->id);
    store::appendAudit(s, {who.personId, origin.ip, "role.revoke", "person", std::to_string(person->id),
                           c->id, store::auditDetail({{"role", role}, {"email", email}})});
  });
}

std::vector<store::RoleHolder> ConferenceService::roleHolders(const std::string& slug,
                                                              const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  store::ConferenceRepository repo(s);
  auto c = repo.findBySlug(slug);
  if (!c) throw NotFound("no conference '" + slug + "'");
  if (!policy::mayViewCommittee({who.isAdmin, repo.rolesOf(c->id, who.personId)}))
    throw Forbidden("only the chairs of " + slug + " see its roles");
  auto holders = repo.roleHolders(c->id);
  std::stable_sort(holders.begin(), holders.end(),
                   [](const store::RoleHolder& a, const store::RoleHolder& b) {
                     int byFamily = text::compareVietnamese(a.familyName, b.familyName);
                     if (byFamily != 0) return byFamily < 0;
                     return text::compareVietnamese(a.givenName, b.givenName) < 0;
                   });
  return holders;
}

}  // namespace confpress::conference
