#include "store/ConflictRepository.h"

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {

constexpr const char* kConflictSelect =
    "SELECT c.id, c.submission_id, s.number, s.title, c.person_id, p.email, p.family_name, p.given_name,"
    " p.name_order, c.type, c.source, c.evidence, c.status, c.created_at, c.decided_by, c.decided_at"
    " FROM conflicts c JOIN submissions s ON s.id = c.submission_id JOIN people p ON p.id = c.person_id"
    " WHERE s.conference_id = ?";

std::vector<ConflictRecord> readConflicts(Poco::Data::Statement& query) {
  Poco::Data::RecordSet rs(query);
  std::vector<ConflictRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    ConflictRecord c;
    c.id = integer(rs, "id");
    c.submissionId = integer(rs, "submission_id");
    c.number = static_cast<int>(integer(rs, "number"));
    c.title = text(rs, "title");
    c.personId = integer(rs, "person_id");
    c.email = text(rs, "email");
    c.familyName = text(rs, "family_name");
    c.givenName = text(rs, "given_name");
    c.nameOrder = text(rs, "name_order");
    c.type = text(rs, "type");
    c.source = text(rs, "source");
    c.evidence = text(rs, "evidence");
    c.status = text(rs, "status");
    c.createdAt = text(rs, "created_at");
    if (!rs["decided_by"].isEmpty()) c.decidedBy = integer(rs, "decided_by");
    c.decidedAt = optionalText(rs, "decided_at");
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<ConflictFact> readFacts(Poco::Data::Statement& query) {
  Poco::Data::RecordSet rs(query);
  std::vector<ConflictFact> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out.push_back(
        {integer(rs, "submission_id"), integer(rs, "person_id"), text(rs, "status"), text(rs, "source")});
  return out;
}

// The kinds of facts, each a SELECT of (submission_id, person_id, status, source) over the conference (bound
// kFactParts times, first in each part), for the people that `who` (a condition on p.id / p.email) selects.
// Authors are joined to people by person id, or by e-mail when the author has none (two parts, so that each
// join can use an index).
constexpr int kFactParts = 4;

std::string factsQuery(const std::string& who) {
  return "SELECT c.submission_id, c.person_id, c.status, c.source FROM conflicts c"
         " JOIN submissions s ON s.id = c.submission_id JOIN people p ON p.id = c.person_id"
         " WHERE s.conference_id = ? AND " +
         who +
         " UNION ALL"
         " SELECT d.submission_id, p.id AS person_id, 'confirmed' AS status, 'declared' AS source"
         " FROM declared_conflicts d JOIN submissions s ON s.id = d.submission_id"
         " JOIN people p ON p.email = d.email WHERE s.conference_id = ? AND " +
         who +
         " AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.submission_id = d.submission_id"
         " AND c.person_id = p.id AND c.source = 'author')"
         " UNION ALL"
         " SELECT a.submission_id, p.id AS person_id, 'confirmed' AS status, 'author_of' AS source"
         " FROM submission_authors a JOIN submissions s ON s.id = a.submission_id"
         " JOIN people p ON p.id = a.person_id WHERE s.conference_id = ? AND " +
         who +
         " UNION ALL"
         " SELECT a.submission_id, p.id AS person_id, 'confirmed' AS status, 'author_of' AS source"
         " FROM submission_authors a JOIN submissions s ON s.id = a.submission_id"
         " JOIN people p ON p.email = a.email WHERE a.person_id IS NULL AND s.conference_id = ? AND " +
         who;
}

}  // namespace

bool ConflictRepository::upsert(int64_t submissionId, int64_t personId, const std::string& source,
                                const std::string& type, const std::string& evidence,
                                const std::string& status) {
  const std::string at = nowUtc();
  Poco::Int64 submission = submissionId, person = personId;
  int existing = 0;
  s_ << "SELECT COUNT(*) FROM conflicts WHERE submission_id = ? AND person_id = ? AND source = ?",
      bind(submission), bind(person), bind(source), into(existing), now;
  if (existing > 0) {
    s_ << "UPDATE conflicts SET type = ?, evidence = ?, updated_at = ?"
          " WHERE submission_id = ? AND person_id = ? AND source = ? AND (type <> ? OR evidence <> ?)",
        bind(type), bind(evidence), bind(at), bind(submission), bind(person), bind(source), bind(type),
        bind(evidence), now;
    return false;
  }
  s_ << "INSERT INTO conflicts(submission_id, person_id, type, source, evidence, status, created_at,"
        " updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
      bind(submission), bind(person), bind(type), bind(source), bind(evidence), bind(status), bind(at),
      bind(at), now;
  return true;
}

void ConflictRepository::setStatus(int64_t id, const std::string& status, int64_t decidedBy) {
  const std::string at = nowUtc();
  s_ << "UPDATE conflicts SET status = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ?",
      bind(status), bind(static_cast<Poco::Int64>(decidedBy)), bind(at), bind(at),
      bind(static_cast<Poco::Int64>(id)), now;
}

void ConflictRepository::remove(int64_t id) {
  s_ << "DELETE FROM conflicts WHERE id = ?", bind(static_cast<Poco::Int64>(id)), now;
}

std::optional<ConflictRecord> ConflictRepository::find(int64_t conferenceId, int64_t id) {
  Poco::Data::Statement q(s_);
  q << kConflictSelect << " AND c.id = ?", bind(static_cast<Poco::Int64>(conferenceId)),
      bind(static_cast<Poco::Int64>(id)), now;
  auto rows = readConflicts(q);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<ConflictRecord> ConflictRepository::list(int64_t conferenceId,
                                                     const std::optional<std::string>& status,
                                                     const std::optional<std::string>& source) {
  Poco::Data::Statement q(s_);
  q << kConflictSelect, bind(static_cast<Poco::Int64>(conferenceId));
  if (status) q << " AND c.status = ?", bind(*status);
  if (source) q << " AND c.source = ?", bind(*source);
  q << " ORDER BY s.number, p.family_name, p.given_name, c.source", now;
  return readConflicts(q);
}

std::vector<ConflictFact> ConflictRepository::factsFor(int64_t conferenceId, int64_t personId,
                                                       const std::string& email) {
  Poco::Data::Statement q(s_);
  Poco::Int64 conference = conferenceId, person = personId;
  q << factsQuery("(p.id = ? OR p.email = ?)");
  for (int i = 0; i < kFactParts; ++i) q, bind(conference), bind(person), bind(email);
  q, now;
  return readFacts(q);
}

std::vector<ConflictFact> ConflictRepository::facts(int64_t conferenceId) {
  Poco::Data::Statement q(s_);
  Poco::Int64 conference = conferenceId;
  q << factsQuery("1 = 1");
  for (int i = 0; i < kFactParts; ++i) q, bind(conference);
  q, now;
  return readFacts(q);
}

}  // namespace confpress::store
