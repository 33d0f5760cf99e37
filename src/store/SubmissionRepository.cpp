#include "store/SubmissionRepository.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <map>
#include <sstream>

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {

Poco::Int64 id64(int64_t id) {
  return static_cast<Poco::Int64>(id);
}

Poco::Nullable<Poco::Int64> nullableId(const std::optional<int64_t>& id) {
  return id ? Poco::Nullable<Poco::Int64>(*id) : Poco::Nullable<Poco::Int64>();
}

std::string keywordsJson(const std::vector<std::string>& keywords) {
  Poco::JSON::Array array;
  for (const auto& k : keywords) array.add(k);
  std::ostringstream out;
  array.stringify(out);
  return out.str();
}

std::vector<std::string> keywordsFrom(const std::string& json) {
  std::vector<std::string> out;
  if (json.empty()) return out;
  auto array = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < array->size(); ++i)
    out.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

// "1,2,3" for an IN list of ids we produced ourselves (integers only, so nothing to escape).
std::string idList(const std::vector<SubmissionRecord>& rows, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += (out.empty() ? "" : ",") + std::to_string(rows[i].id);
  return out;
}

constexpr const char* kVersionColumns =
    "id, submission_id, kind, file_sha256, size, pages, paper_size, preflight_status, preflight_json, "
    "file_name,"
    " uploaded_by, uploaded_at";

VersionRecord readVersion(Poco::Data::RecordSet& rs) {
  VersionRecord v;
  v.id = integer(rs, "id");
  v.kind = text(rs, "kind");
  v.sha256 = text(rs, "file_sha256");
  v.size = integer(rs, "size");
  v.pages = static_cast<int>(integer(rs, "pages"));
  v.paperSize = text(rs, "paper_size");
  v.preflightStatus = text(rs, "preflight_status");
  v.preflightJson = text(rs, "preflight_json");
  v.fileName = text(rs, "file_name");
  if (!rs["uploaded_by"].isEmpty()) v.uploadedBy = integer(rs, "uploaded_by");
  v.uploadedAt = text(rs, "uploaded_at");
  return v;
}

}  // namespace

std::pair<int64_t, int> SubmissionRepository::insert(const SubmissionRecord& sub) {
  const std::string at = nowUtc();
  Poco::Int64 conference = id64(sub.conferenceId);
  int number = 0;
  s_ << "SELECT COALESCE(MAX(number), 0) + 1 FROM submissions WHERE conference_id = ?", bind(conference),
      into(number), now;
  const std::string keywords = keywordsJson(sub.keywords);
  Poco::Int64 id = 0;
  s_ << "INSERT INTO submissions(conference_id, number, title, abstract, keywords, status, submitter_id,"
        " external_id, created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      bind(conference), bind(number), bind(sub.title), bind(sub.abstract), bind(keywords), bind(sub.status),
      bind(nullableId(sub.submitterId)), bind(nullable(sub.externalId)), bind(at), bind(at), into(id), now;
  SubmissionRecord stored = sub;
  stored.id = id;
  replaceAuthors(stored);
  return {id, number};
}

void SubmissionRepository::updateMetadata(const SubmissionRecord& sub) {
  const std::string at = nowUtc(), keywords = keywordsJson(sub.keywords);
  s_ << "UPDATE submissions SET title = ?, abstract = ?, keywords = ?, updated_at = ? WHERE id = ?",
      bind(sub.title), bind(sub.abstract), bind(keywords), bind(at), bind(id64(sub.id)), now;
  replaceAuthors(sub);
}

void SubmissionRepository::replaceAuthors(const SubmissionRecord& sub) {
  Poco::Int64 id = id64(sub.id);
  s_ << "DELETE FROM submission_authors WHERE submission_id = ?", bind(id), now;
  for (size_t i = 0; i < sub.authors.size(); ++i) {
    const SubmissionAuthor& a = sub.authors[i];
    const int position = static_cast<int>(i + 1), corresponding = a.corresponding ? 1 : 0;
    s_ << "INSERT INTO submission_authors(submission_id, position, person_id, family_name, given_name,"
          " name_order, email, affiliation, country, orcid, corresponding) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?)",
        bind(id), bind(position), bind(nullableId(a.personId)), bind(a.familyName), bind(a.givenName),
        bind(a.nameOrder), bind(a.email), bind(a.affiliation), bind(a.country), bind(nullable(a.orcid)),
        bind(corresponding), now;
  }
  s_ << "DELETE FROM submission_topics WHERE submission_id = ?", bind(id), now;
  for (int64_t topic : sub.topicIds)
    s_ << "INSERT INTO submission_topics(submission_id, topic_id) VALUES(?, ?) ON CONFLICT DO NOTHING",
        bind(id), bind(id64(topic)), now;
  s_ << "DELETE FROM declared_conflicts WHERE submission_id = ?", bind(id), now;
  for (const DeclaredConflict& c : sub.declaredConflicts)
    s_ << "INSERT INTO declared_conflicts(submission_id, email, type) VALUES(?, ?, ?)"
          " ON CONFLICT(submission_id, email) DO UPDATE SET type = excluded.type",
        bind(id), bind(c.email), bind(c.type), now;
}

void SubmissionRepository::setStatus(int64_t id, const std::string& status,
                                     const std::optional<std::string>& withdrawReason) {
  const std::string at = nowUtc();
  s_ << "UPDATE submissions SET status = ?, updated_at = ?,"
        " submitted_at = CASE WHEN ? = 'submitted' THEN COALESCE(submitted_at, ?) ELSE submitted_at END,"
        " withdrawn_at = CASE WHEN ? = 'withdrawn' THEN ? ELSE NULL END,"
        " withdraw_reason = ? WHERE id = ?",
      bind(status), bind(at), bind(status), bind(at), bind(status), bind(at), bind(nullable(withdrawReason)),
      bind(id64(id)), now;
}

void SubmissionRepository::setDeadlineExtension(int64_t id, const std::optional<std::string>& untilUtc) {
  const std::string at = nowUtc();
  s_ << "UPDATE submissions SET deadline_extension_utc = ?, updated_at = ? WHERE id = ?",
      bind(nullable(untilUtc)), bind(at), bind(id64(id)), now;
}

std::vector<SubmissionRecord> SubmissionRepository::select(const std::string& where,
                                                           const std::vector<std::string>& keys) {
  Poco::Data::Statement query(s_);
  query << "SELECT id, conference_id, number, title, abstract, keywords, status, decision_kind, submitter_id,"
           " deadline_extension_utc, withdraw_reason, external_id, created_at, updated_at, submitted_at,"
           " withdrawn_at FROM submissions "
        << where;
  for (const std::string& key : keys) query, bind(key);
  query, now;
  Poco::Data::RecordSet rs(query);
  std::vector<SubmissionRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    SubmissionRecord r;
    r.id = integer(rs, "id");
    r.conferenceId = integer(rs, "conference_id");
    r.number = static_cast<int>(integer(rs, "number"));
    r.title = text(rs, "title");
    r.abstract = text(rs, "abstract");
    r.keywords = keywordsFrom(text(rs, "keywords"));
    r.status = text(rs, "status");
    r.decisionKind = optionalText(rs, "decision_kind");
    if (!rs["submitter_id"].isEmpty()) r.submitterId = integer(rs, "submitter_id");
    r.deadlineExtension = optionalText(rs, "deadline_extension_utc");
    r.withdrawReason = optionalText(rs, "withdraw_reason");
    r.externalId = optionalText(rs, "external_id");
    r.createdAt = text(rs, "created_at");
    r.updatedAt = text(rs, "updated_at");
    r.submittedAt = optionalText(rs, "submitted_at");
    r.withdrawnAt = optionalText(rs, "withdrawn_at");
    out.push_back(std::move(r));
  }
  loadDetails(out);
  return out;
}

void SubmissionRepository::loadDetails(std::vector<SubmissionRecord>& rows) {
  std::map<int64_t, SubmissionRecord*> byId;
  for (auto& r : rows) byId[r.id] = &r;
  constexpr size_t kChunk = 500;
  for (size_t from = 0; from < rows.size(); from += kChunk) {
    const std::string ids = idList(rows, from, std::min(rows.size(), from + kChunk));
    {
      Poco::Data::Statement q(s_);
      q << "SELECT submission_id, person_id, family_name, given_name, name_order, email, affiliation, "
           "country,"
           " orcid, corresponding FROM submission_authors WHERE submission_id IN ("
        << ids << ") ORDER BY submission_id, position",
          now;
      Poco::Data::RecordSet rs(q);
      for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
        SubmissionAuthor a;
        if (!rs["person_id"].isEmpty()) a.personId = integer(rs, "person_id");
        a.familyName = text(rs, "family_name");
        a.givenName = text(rs, "given_name");
        a.nameOrder = text(rs, "name_order");
        a.email = text(rs, "email");
        a.affiliation = text(rs, "affiliation");
        a.country = text(rs, "country");
        a.orcid = optionalText(rs, "orcid");
        a.corresponding = integer(rs, "corresponding") != 0;
        byId[integer(rs, "submission_id")]->authors.push_back(std::move(a));
      }
    }
    {
      Poco::Data::Statement q(s_);
      q << "SELECT st.submission_id, st.topic_id FROM submission_topics st JOIN topics t ON t.id = "
           "st.topic_id"
           " WHERE st.submission_id IN ("
        << ids << ") ORDER BY st.submission_id, t.position",
          now;
      Poco::Data::RecordSet rs(q);
      for (bool more = rs.moveFirst(); more; more = rs.moveNext())
        byId[integer(rs, "submission_id")]->topicIds.push_back(integer(rs, "topic_id"));
    }
    {
      Poco::Data::Statement q(s_);
      q << "SELECT submission_id, email, type FROM declared_conflicts WHERE submission_id IN (" << ids
        << ") ORDER BY submission_id, email",
          now;
      Poco::Data::RecordSet rs(q);
      for (bool more = rs.moveFirst(); more; more = rs.moveNext())
        byId[integer(rs, "submission_id")]->declaredConflicts.push_back(
            {text(rs, "email"), text(rs, "type")});
    }
    {
      Poco::Data::Statement q(s_);
      q << "SELECT " << kVersionColumns
        << " FROM submission_versions v WHERE kind = 'submission' AND id = (SELECT MAX(id) FROM"
           " submission_versions w WHERE w.submission_id = v.submission_id AND w.kind = 'submission')"
           " AND submission_id IN ("
        << ids << ")",
          now;
      Poco::Data::RecordSet rs(q);
      for (bool more = rs.moveFirst(); more; more = rs.moveNext())
        byId[integer(rs, "submission_id")]->current = readVersion(rs);
    }
  }
}

std::optional<SubmissionRecord> SubmissionRepository::find(int64_t conferenceId, int64_t number) {
  auto rows = select(
      "WHERE conference_id = " + std::to_string(conferenceId) + " AND number = " + std::to_string(number),
      {});
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::optional<SubmissionRecord> SubmissionRepository::findByExternalId(int64_t conferenceId,
                                                                       const std::string& externalId) {
  auto rows =
      select("WHERE conference_id = " + std::to_string(conferenceId) + " AND external_id = ?", {externalId});
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<SubmissionRecord> SubmissionRepository::list(int64_t conferenceId, const SubmissionFilter& f) {
  std::string where = "WHERE conference_id = " + std::to_string(conferenceId);
  std::vector<std::string> keys;
  if (f.status) {
    where += " AND status = ?";
    keys.push_back(*f.status);
  }
  if (f.topicId)
    where += " AND id IN (SELECT submission_id FROM submission_topics WHERE topic_id = " +
             std::to_string(*f.topicId) + ")";
  if (f.authorPersonId || f.authorEmail) {
    where += " AND id IN (SELECT submission_id FROM submission_authors WHERE ";
    if (f.authorPersonId) where += "person_id = " + std::to_string(*f.authorPersonId);
    if (f.authorPersonId && f.authorEmail) where += " OR ";
    if (f.authorEmail) {
      where += "email = ?";
      keys.push_back(*f.authorEmail);
    }
    where += ")";
  }
  return select(where + " ORDER BY number", keys);
}

std::vector<std::pair<std::string, int>> SubmissionRepository::countByStatus(int64_t conferenceId) {
  Poco::Data::Statement q(s_);
  q << "SELECT status, COUNT(*) AS n FROM submissions WHERE conference_id = ? GROUP BY status ORDER BY "
       "status",
      bind(id64(conferenceId)), now;
  Poco::Data::RecordSet rs(q);
  std::vector<std::pair<std::string, int>> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out.emplace_back(text(rs, "status"), static_cast<int>(integer(rs, "n")));
  return out;
}

int64_t SubmissionRepository::addVersion(int64_t submissionId, const VersionRecord& v,
                                         const std::string& mediaType) {
  const std::string at = nowUtc();
  Poco::Int64 size = v.size;
  s_ << "INSERT INTO stored_files(sha256, size, media_type, created_at) VALUES(?, ?, ?, ?)"
        " ON CONFLICT(sha256) DO NOTHING",
      bind(v.sha256), bind(size), bind(mediaType), bind(at), now;
  Poco::Int64 id = 0;
  s_ << "INSERT INTO submission_versions(submission_id, kind, file_sha256, size, pages, paper_size,"
        " preflight_status, preflight_json, file_name, uploaded_by, uploaded_at)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      bind(id64(submissionId)), bind(v.kind), bind(v.sha256), bind(size), bind(v.pages), bind(v.paperSize),
      bind(v.preflightStatus), bind(v.preflightJson), bind(v.fileName), bind(nullableId(v.uploadedBy)),
      bind(at), into(id), now;
  s_ << "UPDATE submissions SET updated_at = ? WHERE id = ?", bind(at), bind(id64(submissionId)), now;
  return id;
}

std::vector<VersionRecord> SubmissionRepository::versions(int64_t submissionId, const std::string& kind) {
  Poco::Data::Statement q(s_);
  q << "SELECT " << kVersionColumns << " FROM submission_versions WHERE submission_id = ? AND kind = ?"
    << " ORDER BY id DESC",
      bind(id64(submissionId)), bind(kind), now;
  Poco::Data::RecordSet rs(q);
  std::vector<VersionRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(readVersion(rs));
  return out;
}

std::optional<VersionRecord> SubmissionRepository::findVersion(int64_t submissionId, int64_t versionId) {
  Poco::Data::Statement q(s_);
  q << "SELECT " << kVersionColumns << " FROM submission_versions WHERE submission_id = ? AND id = ?",
      bind(id64(submissionId)), bind(id64(versionId)), now;
  Poco::Data::RecordSet rs(q);
  if (!rs.moveFirst()) return std::nullopt;
  return readVersion(rs);
}

}  // namespace confpress::store
