#include "store/ConferenceRepository.h"

#include <map>

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {
Poco::Int64 id64(int64_t id) {
  return static_cast<Poco::Int64>(id);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}
}  // namespace

std::string deadlineOf(const ConferenceRecord& c, const std::string& kind) {
  for (const DeadlineRecord& d : c.deadlines)
    if (d.kind == kind) return d.atUtc;
  return "";
}

int64_t ConferenceRepository::insert(const ConferenceRecord& c, std::optional<int64_t> createdBy) {
  std::string at = nowUtc();
  Poco::Nullable<Poco::Int64> creator =
      createdBy ? Poco::Nullable<Poco::Int64>(*createdBy) : Poco::Nullable<Poco::Int64>();
  Poco::Int64 id = 0;
  s_ << "INSERT INTO conferences(slug, title, title_en, acronym, organiser, venue, start_date, end_date,"
        " timezone, language, call_text, call_text_en, created_by, created_at, updated_at)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      bind(c.slug), bind(c.title), bind(c.titleEn), bind(c.acronym), bind(c.organiser), bind(c.venue),
      bind(nullable(c.startDate)), bind(nullable(c.endDate)), bind(c.timezone), bind(c.language),
      bind(c.callText), bind(c.callTextEn), bind(creator), bind(at), bind(at), into(id), now;
  ConferenceRecord stored = c;
  stored.id = id;
  updateRules(stored);
  replaceTopics(id, c.topics);
  replaceDeadlines(id, c.deadlines);
  return id;
}

void ConferenceRepository::update(const ConferenceRecord& c) {
  std::string at = nowUtc();
  s_ << "UPDATE conferences SET title = ?, title_en = ?, acronym = ?, organiser = ?, venue = ?, start_date = "
        "?,"
        " end_date = ?, timezone = ?, language = ?, call_text = ?, call_text_en = ?, updated_at = ? WHERE id "
        "= ?",
      bind(c.title), bind(c.titleEn), bind(c.acronym), bind(c.organiser), bind(c.venue),
      bind(nullable(c.startDate)), bind(nullable(c.endDate)), bind(c.timezone), bind(c.language),
      bind(c.callText), bind(c.callTextEn), bind(at), bind(id64(c.id)), now;
  updateRules(c);
  replaceTopics(c.id, c.topics);
  replaceDeadlines(c.id, c.deadlines);
}

void ConferenceRepository::updateRules(const ConferenceRecord& c) {
  const SubmissionRules& r = c.rules;
  const std::string sizes = joined(r.paperSizes), required = joined(r.requiredFields);
  const int refs = r.referencesMayExceed ? 1 : 0;
  s_ << "UPDATE conferences SET max_pdf_mb = ?, min_pages = ?, max_pages = ?, paper_sizes = ?,"
        " refs_over_limit = ?, blind = ?, required_fields = ?, preflight_json = ? WHERE id = ?",
      bind(r.maxPdfMb), bind(r.minPages), bind(r.maxPages), bind(sizes), bind(refs), bind(r.blind),
      bind(required), bind(r.severityJson), bind(id64(c.id)), now;
}

std::vector<ConferenceRecord> ConferenceRepository::select(const std::string& where,
                                                           const std::optional<std::string>& key) {
  Poco::Data::Statement query(s_);
  query
      << "SELECT id, slug, title, title_en, acronym, organiser, venue, start_date, end_date, timezone,"
         " language, call_text, call_text_en, max_pdf_mb, min_pages, max_pages, paper_sizes, refs_over_limit,"
         " blind, required_fields, preflight_json, created_at, updated_at FROM conferences "
      << where;
  if (key) query, bind(*key);
  query, now;
  Poco::Data::RecordSet rs(query);
  std::vector<ConferenceRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    ConferenceRecord c;
    c.id = integer(rs, "id");
    c.slug = text(rs, "slug");
    c.title = text(rs, "title");
    c.titleEn = text(rs, "title_en");
    c.acronym = text(rs, "acronym");
    c.organiser = text(rs, "organiser");
    c.venue = text(rs, "venue");
    c.startDate = optionalText(rs, "start_date");
    c.endDate = optionalText(rs, "end_date");
    c.timezone = text(rs, "timezone");
    c.language = text(rs, "language");
    c.callText = text(rs, "call_text");
    c.callTextEn = text(rs, "call_text_en");
    c.rules.maxPdfMb = static_cast<int>(integer(rs, "max_pdf_mb"));
    c.rules.minPages = static_cast<int>(integer(rs, "min_pages"));
    c.rules.maxPages = static_cast<int>(integer(rs, "max_pages"));
    c.rules.paperSizes = split(text(rs, "paper_sizes"));
    c.rules.referencesMayExceed = integer(rs, "refs_over_limit") != 0;
    c.rules.blind = text(rs, "blind");
    c.rules.requiredFields = split(text(rs, "required_fields"));
    c.rules.severityJson = text(rs, "preflight_json");
    c.createdAt = text(rs, "created_at");
    c.updatedAt = text(rs, "updated_at");
    out.push_back(std::move(c));
  }
  for (ConferenceRecord& c : out) {
    c.topics = topicsOf(c.id);
    c.deadlines = deadlinesOf(c.id);
  }
  return out;
}

std::optional<ConferenceRecord> ConferenceRepository::findBySlug(const std::string& slug) {
  auto found = select("WHERE slug = ?", slug);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<ConferenceRecord> ConferenceRepository::list() {
  return select("ORDER BY COALESCE(start_date, '') DESC, id DESC", std::nullopt);
}

std::vector<TopicRecord> ConferenceRepository::topicsOf(int64_t conferenceId) {
  Poco::Data::Statement query(s_);
  query << "SELECT id, name, name_en FROM topics WHERE conference_id = ? ORDER BY position",
      bind(id64(conferenceId)), now;
  Poco::Data::RecordSet rs(query);
  std::vector<TopicRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out.push_back({integer(rs, "id"), text(rs, "name"), text(rs, "name_en")});
  return out;
}

void ConferenceRepository::replaceTopics(int64_t conferenceId, const std::vector<TopicRecord>& topics) {
  std::map<std::string, int64_t> existing;
  for (const TopicRecord& t : topicsOf(conferenceId)) existing[t.name] = t.id;
  // Positions are moved out of the way first so that re-ordering never clashes.
  s_ << "UPDATE topics SET position = position + 1000000 WHERE conference_id = ?", bind(id64(conferenceId)),
      now;
  for (size_t i = 0; i < topics.size(); ++i) {
    const TopicRecord& t = topics[i];
    int position = static_cast<int>(i);
    auto it = existing.find(t.name);
    if (it != existing.end()) {
      s_ << "UPDATE topics SET position = ?, name_en = ? WHERE id = ?", bind(position), bind(t.nameEn),
          bind(id64(it->second)), now;
      existing.erase(it);
    } else {
      s_ << "INSERT INTO topics(conference_id, position, name, name_en) VALUES(?, ?, ?, ?)",
          bind(id64(conferenceId)), bind(position), bind(t.name), bind(t.nameEn), now;
    }
  }
  for (const auto& [name, id] : existing) s_ << "DELETE FROM topics WHERE id = ?", bind(id64(id)), now;
}

void ConferenceRepository::grantRole(int64_t conferenceId, int64_t personId, const std::string& role,
                                     std::optional<int64_t> grantedBy) {
  std::string at = nowUtc();
  Poco::Nullable<Poco::Int64> by =
      grantedBy ? Poco::Nullable<Poco::Int64>(*grantedBy) : Poco::Nullable<Poco::Int64>();
  s_ << "INSERT INTO conference_roles(conference_id, person_id, role, granted_by, granted_at) VALUES(?, ?, "
        "?, ?, ?)"
        " ON CONFLICT(conference_id, person_id, role) DO NOTHING",
      bind(id64(conferenceId)), bind(id64(personId)), bind(role), bind(by), bind(at), now;
}

bool ConferenceRepository::revokeRole(int64_t conferenceId, int64_t personId, const std::string& role) {
  Poco::Data::Statement del(s_);
  del << "DELETE FROM conference_roles WHERE conference_id = ? AND person_id = ? AND role = ?",
      bind(id64(conferenceId)), bind(id64(personId)), bind(role);
  return del.execute() > 0;
}

std::vector<std::string> ConferenceRepository::rolesOf(int64_t conferenceId, int64_t personId) {
  std::vector<std::string> roles;
  s_ << "SELECT role FROM conference_roles WHERE conference_id = ? AND person_id = ? ORDER BY role",
      bind(id64(conferenceId)), bind(id64(personId)), into(roles), now;
  return roles;
}

std::vector<RoleHolder> ConferenceRepository::roleHolders(int64_t conferenceId) {
  Poco::Data::Statement query(s_);
  query << "SELECT p.id, p.email, p.family_name, p.given_name, p.name_order, p.affiliation, r.role"
           " FROM conference_roles r JOIN people p ON p.id = r.person_id WHERE r.conference_id = ?",
      bind(id64(conferenceId)), now;
  Poco::Data::RecordSet rs(query);
  std::vector<RoleHolder> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out.push_back({integer(rs, "id"), text(rs, "email"), text(rs, "family_name"), text(rs, "given_name"),
                   text(rs, "name_order"), text(rs, "affiliation"), text(rs, "role")});
  return out;
}

}  // namespace confpress::store

namespace confpress::store {

std::vector<DeadlineRecord> ConferenceRepository::deadlinesOf(int64_t conferenceId) {
  Poco::Data::Statement query(s_);
  query
      << "SELECT kind, at_utc, written_as FROM deadlines WHERE conference_id = ?"
         " ORDER BY CASE kind WHEN 'registration' THEN 0 WHEN 'submission' THEN 1 WHEN 'camera_ready' THEN 2"
         " ELSE 3 END",
      bind(id64(conferenceId)), now;
  Poco::Data::RecordSet rs(query);
  std::vector<DeadlineRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out.push_back({text(rs, "kind"), text(rs, "at_utc"), text(rs, "written_as")});
  return out;
}

void ConferenceRepository::replaceDeadlines(int64_t conferenceId,
                                            const std::vector<DeadlineRecord>& deadlines) {
  s_ << "DELETE FROM deadlines WHERE conference_id = ?", bind(id64(conferenceId)), now;
  for (const DeadlineRecord& d : deadlines)
    s_ << "INSERT INTO deadlines(conference_id, kind, at_utc, written_as) VALUES(?, ?, ?, ?)",
        bind(id64(conferenceId)), bind(d.kind), bind(d.atUtc), bind(d.writtenAs), now;
}

}  // namespace confpress::store
