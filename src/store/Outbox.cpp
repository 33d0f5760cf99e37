#include "store/Outbox.h"

#include <algorithm>

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {

constexpr const char* kMailColumns =
    "id, to_address, to_name, subject, body_text, template, conference_id, state, attempts, last_error,"
    " created_at, next_attempt_at, sent_at, message_id";

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
  m.messageId = text(rs, "message_id");
  return m;
}

std::vector<OutgoingMail> readAll(Poco::Data::Statement& statement) {
  Poco::Data::RecordSet rs(statement);
  std::vector<OutgoingMail> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(readMail(rs));
  return out;
}

// Changes claim (id, attempt) while it is still held: `assignments` is the SET clause, whose '?' take
// `values`. True when the row changed, false when the claim was lost.
template <class... Values>
bool updateClaim(Poco::Data::Session& s, const std::string& assignments, int64_t id, int attempt,
                 const Values&... values) {
  const Poco::Int64 key = id;
  Poco::Data::Statement update(s);
  update << "UPDATE mail_outbox SET " << assignments
         << " WHERE id = ? AND state = 'sending' AND attempts = ?";
  (update, ..., bind(values)), bind(key), bind(attempt);
  return update.execute() > 0;
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
  return updateClaim(s, "state = 'sent', sent_at = ?, last_error = ''", id, attempt, at);
}

bool markMailRetry(Poco::Data::Session& s, int64_t id, int attempt, const std::string& error,
                   const std::string& nextAttemptAt) {
  return updateClaim(s, "state = 'pending', last_error = ?, next_attempt_at = ?", id, attempt, error,
                     nextAttemptAt);
}

bool markMailFailed(Poco::Data::Session& s, int64_t id, int attempt, const std::string& error) {
  return updateClaim(s, "state = 'failed', last_error = ?", id, attempt, error);
}

bool assignMailMessageId(Poco::Data::Session& s, int64_t id, int attempt, const std::string& messageId) {
  Poco::Int64 key = id;
  Poco::Data::Statement update(s);
  update << "UPDATE mail_outbox SET message_id = ?"
            " WHERE id = ? AND state = 'sending' AND attempts = ? AND message_id = ''",
      bind(messageId), bind(key), bind(attempt);
  return update.execute() > 0;
}

bool releaseMailClaim(Poco::Data::Session& s, int64_t id, int attempt, const std::string& dueAt) {
  return updateClaim(s, "state = 'pending', attempts = attempts - 1, next_attempt_at = ?", id, attempt,
                     dueAt);
}

bool requeueMail(Poco::Data::Session& s, int64_t id, const std::string& dueAt) {
  Poco::Int64 key = id;
  Poco::Data::Statement update(s);
  update << "UPDATE mail_outbox SET state = 'pending', attempts = 0, next_attempt_at = ?"
            " WHERE id = ? AND state = 'failed'",
      bind(dueAt), bind(key);
  return update.execute() > 0;
}

std::vector<OutgoingMail> recentMail(Poco::Data::Session& s, int limit) {
  Poco::Data::Statement select(s);
  select << "SELECT " << kMailColumns << " FROM mail_outbox ORDER BY id DESC LIMIT ?", bind(limit), now;
  return readAll(select);
}

std::map<std::string, int> mailCountsByState(Poco::Data::Session& s) {
  std::map<std::string, int> counts{{"pending", 0}, {"sending", 0}, {"sent", 0}, {"failed", 0}};
  Poco::Data::Statement select(s);
  select << "SELECT state, COUNT(*) AS n FROM mail_outbox GROUP BY state", now;
  Poco::Data::RecordSet rs(select);
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    counts[text(rs, "state")] = static_cast<int>(integer(rs, "n"));
  return counts;
}

}  // namespace confpress::store
