#pragma once
// Signing in and out. A session is a random 256-bit token given to the client (as a cookie or a bearer
// token) and stored only as its SHA-256. Failed sign-ins are throttled per account and per address.
// Thread-safe.
#include <optional>
#include <string>

#include "auth/Principal.h"
#include "auth/SignInThrottle.h"
#include "store/Database.h"

namespace confpress::auth {

struct SignedIn {
  std::string token;
  std::string expiresAt;
  Principal principal;
};

class SessionService {
 public:
  SessionService(store::Database& db, SignInThrottle& throttle) : db_(db), throttle_(throttle) {}

  /// Throws Unauthenticated "invalid_credentials" (the same for an unknown e-mail and a wrong password,
  /// taking the same time) or RateLimited.
  SignedIn signIn(const std::string& email, const std::string& password, const Origin& origin);

  /// The person a token belongs to, while the session lives and the account is enabled.
  std::optional<Principal> resolve(const std::string& token);

  /// Ends the session of `token`; returns false when there was none.
  bool signOut(const std::string& token, const Origin& origin);

  static constexpr int kSessionDays = 14;

 private:
  store::Database& db_;
  SignInThrottle& throttle_;
};

}  // namespace confpress::auth
