#pragma once
// Sign-in sessions and password-reset tokens, stored by the SHA-256 of their token only.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>

namespace confpress::store {

struct SessionRecord {
  int64_t id = 0;
  int64_t personId = 0;
  std::string expiresAt;
};

class SessionRepository {
 public:
  explicit SessionRepository(Poco::Data::Session& session) : s_(session) {}

  void insert(const std::string& tokenHash, int64_t personId, const std::string& expiresAt,
              const std::string& ip, const std::string& userAgent);
  /// The session with this token hash if it has not expired at `nowUtc`.
  std::optional<SessionRecord> findValid(const std::string& tokenHash, const std::string& nowUtc);
  void touch(int64_t sessionId, const std::string& nowUtc);
  /// Returns true if a session was deleted.
  bool remove(const std::string& tokenHash);
  void removeAllFor(int64_t personId);
  void removeExpired(const std::string& nowUtc);

  void insertPasswordReset(const std::string& tokenHash, int64_t personId, const std::string& expiresAt);
  /// The person of an unused, unexpired reset token.
  std::optional<int64_t> findValidPasswordReset(const std::string& tokenHash, const std::string& nowUtc);
  /// Marks the token used; false when it was already used (another request won the race).
  bool consumePasswordReset(const std::string& tokenHash, const std::string& nowUtc);

 private:
  Poco::Data::Session& s_;
};

}  // namespace confpress::store
