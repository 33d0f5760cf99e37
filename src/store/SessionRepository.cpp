#include "store/SessionRepository.h"

#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

void SessionRepository::insert(const std::string& tokenHash, int64_t personId, const std::string& expiresAt,
                               const std::string& ip, const std::string& userAgent) {
  s_ << "INSERT INTO sessions(token_hash, person_id, created_at, expires_at, last_seen_at, ip, user_agent)"
        " VALUES(?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, "
        "?)",
      bind(tokenHash), bind(static_cast<Poco::Int64>(personId)), bind(expiresAt), bind(ip),
      bind(userAgent.substr(0, 300)), now;
}

std::optional<SessionRecord> SessionRepository::findValid(const std::string& tokenHash,
                                                          const std::string& nowUtc) {
  Poco::Data::Statement select(s_);
  select
      << "SELECT s.id, s.person_id, s.expires_at FROM sessions s JOIN accounts a ON a.person_id = s.person_id"
         " WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0",
      bind(tokenHash), bind(nowUtc), now;
  Poco::Data::RecordSet rs(select);
  if (!rs.moveFirst()) return std::nullopt;
  return SessionRecord{integer(rs, "id"), integer(rs, "person_id"), text(rs, "expires_at")};
}

void SessionRepository::touch(int64_t sessionId, const std::string& nowUtc) {
  s_ << "UPDATE sessions SET last_seen_at = ? WHERE id = ?", bind(nowUtc),
      bind(static_cast<Poco::Int64>(sessionId)), now;
}

bool SessionRepository::remove(const std::string& tokenHash) {
  Poco::Data::Statement del(s_);
  del << "DELETE FROM sessions WHERE token_hash = ?", bind(tokenHash);
  return del.execute() > 0;
}

void SessionRepository::removeAllFor(int64_t personId) {
  s_ << "DELETE FROM sessions WHERE person_id = ?", bind(static_cast<Poco::Int64>(personId)), now;
}

void SessionRepository::removeExpired(const std::string& nowUtc) {
  s_ << "DELETE FROM sessions WHERE expires_at <= ?", bind(nowUtc), now;
  s_ << "DELETE FROM password_resets WHERE expires_at <= ?", bind(nowUtc), now;
}

void SessionRepository::insertPasswordReset(const std::string& tokenHash, int64_t personId,
                                            const std::string& expiresAt) {
  s_ << "INSERT INTO password_resets(token_hash, person_id, created_at, expires_at)"
        " VALUES(?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)",
      bind(tokenHash), bind(static_cast<Poco::Int64>(personId)), bind(expiresAt), now;
}

std::optional<int64_t> SessionRepository::findValidPasswordReset(const std::string& tokenHash,
                                                                 const std::string& nowUtc) {
  Poco::Data::Statement select(s_);
  select
      << "SELECT person_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
      bind(tokenHash), bind(nowUtc), now;
  Poco::Data::RecordSet rs(select);
  if (!rs.moveFirst()) return std::nullopt;
  return integer(rs, "person_id");
}

bool SessionRepository::consumePasswordReset(const std::string& tokenHash, const std::string& nowUtc) {
  Poco::Data::Statement update(s_);
  update << "UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", bind(nowUtc),
      bind(tokenHash);
  return update.execute() > 0;
}

}  // namespace confpress::store
