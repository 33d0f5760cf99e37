#include "store/Outbox.h"

#include <algorithm>

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {

constexpr const char* kMailColumns =
    "id, to_address, to_name, subject, body_text, template, conference_id, state, attempts, last_error,"
    " created_at, next_attempt_at, sent_at";

OutgoingMail readMail(Poco::Data::RecordSet& rs) {
  OutgoingMail m;
  m.id = integer(rs, "id");
  m.toAddress = text(rs, "to_address");
  m.toName = text(rs, "to_name");
  m.subject = text(rs, "subject");
  m.bodyText = text(rs, "body_text");
  m.templateName = text(rs, "template");
  if (!rs["conference_id"].isEmpty()) m.conferenceId = integer(rs, "conference_id");
  m.state = text(rs, "state");
  m.attempts = static_cast<int>(integer(rs, "attempts"));
  m.lastError = text(rs, "last_error");
  m.createdAt = text(rs, "created_at");
  m.nextAttemptAt = text(rs, "next_attempt_at");
  m.sentAt = text(rs, "sent_at");
  return m;
}

std::vector<OutgoingMail> readAll(Poco::Data::Statement& statement) {
  Poco::Data::RecordSet rs(statement);
  std::vector<OutgoingMail> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(readMail(rs));
  return out;
}

}  // namespace

int64_t enqueueMail(Poco::Data::Session& s, const OutgoingMail& m) {
  std::string at = nowUtc();
  Poco::Nullable<Poco::Int64> conference =
      m.conferenceId ? Poco::Nullable<Poco::Int64>(*m.conferenceId) : Poco::Nullable<Poco::Int64>();
  Poco::Int64 id = 0;
  s << "INSERT INTO mail_outbox(to_address, to_name, subject, body_text, template, conference_id,"
       " next_attempt_at, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      bind(m.toAddress), bind(m.toName), bind(m.subject), bind(m.bodyText), bind(m.templateName),
      bind(conference), bind(at), bind(at), into(id), now;
  return id;
}

std::vector<OutgoingMail> mailTo(Poco::Data::Session& s, const std::string& address) {
  Poco::Data::Statement select(s);
  select << "SELECT " << kMailColumns << " FROM mail_outbox WHERE to_address = ? ORDER BY id", bind(address),
      now;
  return readAll(select);
}

std::optional<OutgoingMail> findMail(Poco::Data::Session& s, int64_t id) {
  Poco::Int64 key = id;
  Poco::Data::Statement select(s);
  select << "SELECT " << kMailColumns << " FROM mail_outbox WHERE id = ?", bind(key), now;
  std::vector<OutgoingMail> rows = readAll(select);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<OutgoingMail> claimDueMail(Poco::Data::Session& s, const std::string& nowAt,
                                       const std::string& leaseUntil, int limit, int maxAttempts) {
  // A sender that died during its last allowed attempt: give up rather than try once more.
  Poco::Data::Statement giveUp(s);
  giveUp << "UPDATE mail_outbox SET state = 'failed',"
            " last_error = 'delivery interrupted (lease expired) during attempt ' || attempts"
            " || CASE WHEN last_error <> '' THEN '; previous error: ' || last_error ELSE '' END"
            " WHERE state = 'sending' AND next_attempt_at <= ? AND attempts >= ?",
      bind(nowAt), bind(maxAttempts);
  giveUp.execute();

  Poco::Data::Statement claim(s);
  claim << "UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = ?"
           " WHERE id IN (SELECT id FROM mail_outbox WHERE state IN ('pending', 'sending')"
           " AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?)"
           " RETURNING "
        << kMailColumns,
      bind(leaseUntil), bind(nowAt), bind(limit), now;
  std::vector<OutgoingMail> claimed = readAll(claim);
  std::sort(claimed.begin(), claimed.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return claimed;
}

bool markMailSent(Poco::Data::Session& s, int64_t id, int attempt, const std::string& at) {
  Poco::Int64 key = id;
  Poco::Data::Statement update(s);
  update << "UPDATE mail_outbox SET state = 'sent', sent_at = ?, last_error = ''"
            " WHERE id = ? AND state = 'sending' AND attempts = ?",
      bind(at), bind(key), bind(attempt);
  return update.execute() > 0;
}

bool markMailRetry(Poco::Data::Session& s, int64_t id, int attempt, const std::string& error,
                   const std::string& nextAttemptAt) {
  Poco::Int64 key = id;
  Poco::Data::Statement update(s);
  update << "UPDATE mail_outbox SET state = 'pending', last_error = ?, next_attempt_at = ?"
            " WHERE id = ? AND state = 'sending' AND attempts = ?",
      bind(error), bind(nextAttemptAt), bind(key), bind(attempt);
  return update.execute() > 0;
}

bool markMailFailed(Poco::Data::Session& s, int64_t id, int attempt, const std::string& error) {
  Poco::Int64 key = id;
  Poco::Data::Statement update(s);
  update << "UPDATE mail_outbox SET state = 'failed', last_error = ?"
            " WHERE id = ? AND state = 'sending' AND attempts = ?",
      bind(error), bind(key), bind(attempt);
  return update.execute() > 0;
}

}  // namespace confpress::store
