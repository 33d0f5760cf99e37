#pragma once
// The append-only record of every state change: who, what, when, from where.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace confpress::store {

struct AuditEntry {
  std::optional<int64_t> actorId;  // nobody when anonymous (sign-up, failed sign-in)
  std::string ip;
  std::string action;  // "account.create", "conference.update", "role.grant", …
  std::string objectType;
  std::string objectId;
  std::optional<int64_t> conferenceId;
  std::string detailJson = "{}";
};

/// An entry as read back, with its time.
struct AuditRecord {
  std::string at;
  AuditEntry entry;
};

/// A JSON object of string fields for AuditEntry::detailJson.
std::string auditDetail(std::initializer_list<std::pair<std::string, std::string>> fields);

/// Appends `entry` inside the caller's session (and so inside its transaction).
void appendAudit(Poco::Data::Session& session, const AuditEntry& entry);

/// The newest entries first, at most `limit`; for one conference when `conferenceId` is set.
std::vector<AuditRecord> recentAudit(Poco::Data::Session& session, std::optional<int64_t> conferenceId,
                                     int limit);

}  // namespace confpress::store
