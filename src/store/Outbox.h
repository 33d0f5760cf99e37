#pragma once
// The durable mail outbox: a message is queued in the same transaction as the change that causes it.
#include <Poco/Data/Session.h>

#include <cstdint>
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
};

/// Queues `mail` for delivery now; returns its id.
int64_t enqueueMail(Poco::Data::Session& session, const OutgoingMail& mail);

/// Messages addressed to `address`, oldest first (for tests and the admin's outbox page).
std::vector<OutgoingMail> mailTo(Poco::Data::Session& session, const std::string& address);

}  // namespace confpress::store
