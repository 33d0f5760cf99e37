#include "store/CommitteeRepository.h"

#include <map>

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {

Poco::Nullable<Poco::Int64> nullableId(const std::optional<int64_t>& id) {
  return id ? Poco::Nullable<Poco::Int64>(*id) : Poco::Nullable<Poco::Int64>();
}

Poco::Nullable<int> nullableInt(const std::optional<int>& value) {
  return value ? Poco::Nullable<int>(*value) : Poco::Nullable<int>();
}

constexpr const char* kMemberSelect =
    "SELECT m.conference_id, m.person_id, p.email, p.family_name, p.given_name, p.name_order, p.affiliation,"
    " p.locale, m.status, m.role, m.min_load, m.max_load, m.profile_text, m.invited_by, m.invited_at,"
    " m.responded_at, m.updated_at,"
    " (SELECT COUNT(*) FROM committee_papers cp WHERE cp.conference_id = m.conference_id"
    "  AND cp.person_id = m.person_id) AS papers"
    " FROM committee_members m JOIN people p ON p.id = m.person_id WHERE m.conference_id = ?";

std::vector<CommitteeMemberRecord> readMembers(Poco::Data::Session& s, Poco::Data::Statement& query,
                                               int64_t conferenceId) {
  Poco::Data::RecordSet rs(query);
  std::vector<CommitteeMemberRecord> out;
  std::map<int64_t, size_t> index;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    CommitteeMemberRecord m;
    m.conferenceId = integer(rs, "conference_id");
    m.personId = integer(rs, "person_id");
    m.email = text(rs, "email");
    m.familyName = text(rs, "family_name");
    m.givenName = text(rs, "given_name");
    m.nameOrder = text(rs, "name_order");
    m.affiliation = text(rs, "affiliation");
    m.locale = text(rs, "locale");
    m.status = text(rs, "status");
    m.role = text(rs, "role");
    m.minLoad = static_cast<int>(integer(rs, "min_load"));
    if (!rs["max_load"].isEmpty()) m.maxLoad = static_cast<int>(integer(rs, "max_load"));
    m.profileText = text(rs, "profile_text");
    if (!rs["invited_by"].isEmpty()) m.invitedBy = integer(rs, "invited_by");
    m.invitedAt = optionalText(rs, "invited_at");
    m.respondedAt = optionalText(rs, "responded_at");
    m.updatedAt = text(rs, "updated_at");
    m.papers = static_cast<int>(integer(rs, "papers"));
    index[m.personId] = out.size();
    out.push_back(std::move(m));
  }
  if (out.empty()) return out;
  Poco::Data::Statement topics(s);
  topics << "SELECT ct.person_id, ct.topic_id FROM committee_topics ct JOIN topics t ON t.id = ct.topic_id"
            " WHERE ct.conference_id = ? ORDER BY ct.person_id, t.position",
      bind(static_cast<Poco::Int64>(conferenceId)), now;
  Poco::Data::RecordSet trs(topics);
  for (bool more = trs.moveFirst(); more; more = trs.moveNext()) {
    auto it = index.find(integer(trs, "person_id"));
    if (it != index.end()) out[it->second].topicIds.push_back(integer(trs, "topic_id"));
  }
  return out;
}

}  // namespace

void CommitteeRepository::upsert(const CommitteeMemberRecord& m) {
  const std::string at = nowUtc();
  s_ << "INSERT INTO committee_members(conference_id, person_id, status, role, min_load, max_load, "
        "invited_by,"
        " invited_at, responded_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(conference_id, person_id) DO UPDATE SET status = excluded.status, role = excluded.role,"
        " min_load = excluded.min_load, max_load = excluded.max_load, invited_by = excluded.invited_by,"
        " invited_at = excluded.invited_at, responded_at = excluded.responded_at,"
        " updated_at = excluded.updated_at",
      bind(static_cast<Poco::Int64>(m.conferenceId)), bind(static_cast<Poco::Int64>(m.personId)),
      bind(m.status), bind(m.role), bind(m.minLoad), bind(nullableInt(m.maxLoad)),
      bind(nullableId(m.invitedBy)), bind(nullable(m.invitedAt)), bind(nullable(m.respondedAt)), bind(at),
      now;
}

void CommitteeRepository::setStatus(int64_t conferenceId, int64_t personId, const std::string& status) {
  const std::string at = nowUtc();
  s_ << "UPDATE committee_members SET status = ?, responded_at = ?, updated_at = ?"
        " WHERE conference_id = ? AND person_id = ?",
      bind(status), bind(at), bind(at), bind(static_cast<Poco::Int64>(conferenceId)),
      bind(static_cast<Poco::Int64>(personId)), now;
}

void CommitteeRepository::setProfileText(int64_t conferenceId, int64_t personId, const std::string& text) {
  const std::string at = nowUtc();
  s_ << "UPDATE committee_members SET profile_text = ?, updated_at = ? WHERE conference_id = ? AND person_id "
        "= ?",
      bind(text), bind(at), bind(static_cast<Poco::Int64>(conferenceId)),
      bind(static_cast<Poco::Int64>(personId)), now;
}

void CommitteeRepository::replaceTopics(int64_t conferenceId, int64_t personId,
                                        const std::vector<int64_t>& topicIds) {
  Poco::Int64 conference = conferenceId, person = personId;
  s_ << "DELETE FROM committee_topics WHERE conference_id = ? AND person_id = ?", bind(conference),
      bind(person), now;
  for (int64_t topic : topicIds)
    s_ << "INSERT INTO committee_topics(conference_id, person_id, topic_id) VALUES(?, ?, ?)"
          " ON CONFLICT DO NOTHING",
        bind(conference), bind(person), bind(static_cast<Poco::Int64>(topic)), now;
  const std::string at = nowUtc();
  s_ << "UPDATE committee_members SET updated_at = ? WHERE conference_id = ? AND person_id = ?", bind(at),
      bind(conference), bind(person), now;
}

std::optional<CommitteeMemberRecord> CommitteeRepository::find(int64_t conferenceId, int64_t personId) {
  Poco::Data::Statement q(s_);
  q << kMemberSelect << " AND m.person_id = ?", bind(static_cast<Poco::Int64>(conferenceId)),
      bind(static_cast<Poco::Int64>(personId)), now;
  auto rows = readMembers(s_, q, conferenceId);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<CommitteeMemberRecord> CommitteeRepository::list(int64_t conferenceId) {
  Poco::Data::Statement q(s_);
  q << kMemberSelect << " ORDER BY p.email", bind(static_cast<Poco::Int64>(conferenceId)), now;
  return readMembers(s_, q, conferenceId);
}

int64_t CommitteeRepository::addPaper(int64_t conferenceId, int64_t personId, const CommitteePaperRecord& p) {
  const std::string at = nowUtc();
  Poco::Int64 id = 0;
  s_ << "INSERT INTO committee_papers(conference_id, person_id, file_sha256, file_name, pages, text,"
        " uploaded_at) VALUES(?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(conference_id, person_id, file_sha256) DO UPDATE SET file_name = excluded.file_name,"
        " pages = excluded.pages, text = excluded.text, uploaded_at = excluded.uploaded_at RETURNING id",
      bind(static_cast<Poco::Int64>(conferenceId)), bind(static_cast<Poco::Int64>(personId)), bind(p.sha256),
      bind(p.fileName), bind(p.pages), bind(p.text), bind(at), into(id), now;
  return id;
}

bool CommitteeRepository::remove(int64_t conferenceId, int64_t personId) {
  Poco::Data::Statement q(s_);
  q << "DELETE FROM committee_members WHERE conference_id = ? AND person_id = ?",
      bind(static_cast<Poco::Int64>(conferenceId)), bind(static_cast<Poco::Int64>(personId));
  return q.execute() > 0;
}

bool CommitteeRepository::removePaper(int64_t conferenceId, int64_t personId, int64_t paperId) {
  Poco::Data::Statement q(s_);
  q << "DELETE FROM committee_papers WHERE id = ? AND conference_id = ? AND person_id = ?",
      bind(static_cast<Poco::Int64>(paperId)), bind(static_cast<Poco::Int64>(conferenceId)),
      bind(static_cast<Poco::Int64>(personId));
  return q.execute() > 0;
}

std::vector<CommitteePaperRecord> CommitteeRepository::papers(int64_t conferenceId, int64_t personId,
                                                              bool withText) {
  Poco::Data::Statement q(s_);
  q << "SELECT id, file_sha256, file_name, pages, " << (withText ? "text" : "'' AS text")
    << ", LENGTH(CAST(text AS BLOB)) AS text_bytes, uploaded_at FROM committee_papers WHERE conference_id = "
       "? AND person_id = ? ORDER BY id DESC",
      bind(static_cast<Poco::Int64>(conferenceId)), bind(static_cast<Poco::Int64>(personId)), now;
  Poco::Data::RecordSet rs(q);
  std::vector<CommitteePaperRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    CommitteePaperRecord p;
    p.id = integer(rs, "id");
    p.sha256 = text(rs, "file_sha256");
    p.fileName = text(rs, "file_name");
    p.pages = static_cast<int>(integer(rs, "pages"));
    p.text = text(rs, "text");
    p.textBytes = integer(rs, "text_bytes");
    p.uploadedAt = text(rs, "uploaded_at");
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace confpress::store
