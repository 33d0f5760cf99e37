#pragma once
// Who is making a request, and from where.
#include <cstdint>
#include <optional>
#include <string>

namespace confpress::auth {

/// A signed-in person.
struct Principal {
  int64_t personId = 0;
  std::string email;
  std::string displayName;
  std::string locale;  // "vi" or "en"
  bool isAdmin = false;
};

/// Where a request came from, for the audit log and throttling.
struct Origin {
  std::string ip;
  std::string userAgent;
  std::optional<int64_t> actorId;  // the signed-in person, if any
};

}  // namespace confpress::auth
