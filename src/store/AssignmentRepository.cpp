#include "store/AssignmentRepository.h"

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

std::vector<AssignmentRecord> AssignmentRepository::list(int64_t conferenceId) {
  Poco::Data::Statement q(s_);
  q << "SELECT a.submission_id, a.person_id, a.source, a.fixed, a.created_at,"
       " EXISTS(SELECT 1 FROM reviews r WHERE r.submission_id = a.submission_id"
       " AND r.reviewer_id = a.person_id) AS started"
       " FROM assignments a JOIN submissions s ON s.id = a.submission_id"
       " WHERE s.conference_id = ? AND a.role = 'reviewer' ORDER BY a.submission_id, a.person_id",
      bind(static_cast<Poco::Int64>(conferenceId)), now;
  Poco::Data::RecordSet rs(q);
  std::vector<AssignmentRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out.push_back({integer(rs, "submission_id"), integer(rs, "person_id"), text(rs, "source"),
                   integer(rs, "fixed") != 0, integer(rs, "started") != 0, text(rs, "created_at")});
  return out;
}

std::optional<AssignmentRecord> AssignmentRepository::find(int64_t submissionId, int64_t personId) {
  Poco::Data::Statement q(s_);
  q << "SELECT a.source, a.fixed, a.created_at, EXISTS(SELECT 1 FROM reviews r WHERE r.submission_id ="
       " a.submission_id AND r.reviewer_id = a.person_id) AS started FROM assignments a"
       " WHERE a.submission_id = ? AND a.person_id = ? AND a.role = 'reviewer'",
      bind(static_cast<Poco::Int64>(submissionId)), bind(static_cast<Poco::Int64>(personId)), now;
  Poco::Data::RecordSet rs(q);
  if (!rs.moveFirst()) return std::nullopt;
  return AssignmentRecord{submissionId,
                          personId,
                          text(rs, "source"),
                          integer(rs, "fixed") != 0,
                          integer(rs, "started") != 0,
                          text(rs, "created_at")};
}

void AssignmentRepository::add(int64_t submissionId, int64_t personId, const std::string& source,
                               bool fixed) {
  const std::string at = nowUtc();
  const int pinned = fixed ? 1 : 0;
  s_ << "INSERT INTO assignments(submission_id, person_id, role, source, fixed, created_at)"
        " VALUES(?, ?, 'reviewer', ?, ?, ?) ON CONFLICT(submission_id, person_id) DO UPDATE SET"
        " role = 'reviewer', source = excluded.source, fixed = excluded.fixed",
      bind(static_cast<Poco::Int64>(submissionId)), bind(static_cast<Poco::Int64>(personId)), bind(source),
      bind(pinned), bind(at), now;
}

bool AssignmentRepository::remove(int64_t submissionId, int64_t personId) {
  Poco::Data::Statement del(s_);
  del << "DELETE FROM assignments WHERE submission_id = ? AND person_id = ? AND role = 'reviewer'",
      bind(static_cast<Poco::Int64>(submissionId)), bind(static_cast<Poco::Int64>(personId));
  return del.execute() > 0;
}

}  // namespace confpress::store
