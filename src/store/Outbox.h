#pragma once
// The durable mail outbox: a message is queued in the same transaction as the change that causes it;
// mail::OutboxSender claims, delivers and marks it with the functions below.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace confpress::store {

struct OutgoingMail {
  int64_t id = 0;
  std::string toAddress;
  std::string toName;
  std::string subject;
  std::string bodyText;
  std::string templateName;
  std::optional<int64_t> conferenceId;
  std::string state;  // pending, sending, sent, failed (filled on read)
  int attempts = 0;
  std::string lastError;
  std::string createdAt;      // filled on read
  std::string nextAttemptAt;  // pending: when to try next; sending: when the claim's lease runs out
  std::string sentAt;         // empty until sent
  std::string messageId;      // "<…@…>", chosen at the first delivery attempt; empty before
};

/// Queues `mail` for delivery now; returns its id.
int64_t enqueueMail(Poco::Data::Session& session, const OutgoingMail& mail);

/// Messages addressed to `address`, oldest first (for tests and the admin's outbox page).
std::vector<OutgoingMail> mailTo(Poco::Data::Session& session, const std::string& address);

// Delivery. A sender claims due messages (state 'sending', attempts + 1, next_attempt_at = the end of its
// lease), delivers them outside any transaction, then marks each one. The pair (id, attempts) identifies
// one claim: a mark only applies while the row is still 'sending' with that attempt number, so a sender
// whose lease ran out (and whose message another sender re-claimed) cannot overwrite the newer outcome.
// Call each function inside Database::transaction (BEGIN IMMEDIATE), which serialises concurrent senders.

/// Claims up to `limit` messages due at `now` (pending with next_attempt_at <= now, or 'sending' with an
/// expired lease, i.e. left behind by a crashed sender), oldest due first. Before that, a message whose
/// lease expired after its last allowed attempt (`maxAttempts`) is marked failed instead of re-claimed.
/// Returns the claimed messages (state 'sending', attempts already counted), ordered by id.
std::vector<OutgoingMail> claimDueMail(Poco::Data::Session& session, const std::string& now,
                                       const std::string& leaseUntil, int limit, int maxAttempts);

/// Marks claim (id, attempt) delivered at `at`. False when the claim was lost (lease expired, re-claimed).
bool markMailSent(Poco::Data::Session& session, int64_t id, int attempt, const std::string& at);

/// Gives claim (id, attempt) back as pending, due again at `nextAttemptAt`, with the error kept.
bool markMailRetry(Poco::Data::Session& session, int64_t id, int attempt, const std::string& error,
                   const std::string& nextAttemptAt);

/// Marks claim (id, attempt) failed for good, with the error kept.
bool markMailFailed(Poco::Data::Session& session, int64_t id, int attempt, const std::string& error);

/// One message by id (for tests and the admin's outbox page).
std::optional<OutgoingMail> findMail(Poco::Data::Session& session, int64_t id);

/// Records the Message-ID of claim (id, attempt) unless the message already has one (a retry keeps the
/// first). Returns whether it was recorded.
bool assignMailMessageId(Poco::Data::Session& session, int64_t id, int attempt, const std::string& messageId);

/// Gives claim (id, attempt) back untried (the sender is stopping): pending, due at `dueAt`, and the
/// attempt the claim counted is uncounted again. False when the claim was lost.
bool releaseMailClaim(Poco::Data::Session& session, int64_t id, int attempt, const std::string& dueAt);

/// Queues a failed message again (an administrator's "retry"): pending, due at `dueAt`, with a fresh
/// count of attempts; its last error is kept until the next attempt replaces it. False when the
/// message does not exist or is not failed.
bool requeueMail(Poco::Data::Session& session, int64_t id, const std::string& dueAt);

/// The `limit` newest messages, newest first (for `confpress mail --list`).
std::vector<OutgoingMail> recentMail(Poco::Data::Session& session, int limit);

/// How many messages are in each state ("pending", "sending", "sent", "failed"); absent states are 0.
std::map<std::string, int> mailCountsByState(Poco::Data::Session& session);

}  // namespace confpress::store
