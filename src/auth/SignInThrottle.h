#pragma once
// Limits failed sign-ins per account and per client address within a sliding window, so that password
// guessing is slow whichever of the two an attacker varies. In memory: a restart forgives. Thread-safe.
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace confpress::auth {

struct ThrottleOptions {
  int failuresPerAccount = 5;   // within the window, then sign-in to that account waits
  int failuresPerAddress = 20;  // within the window, then sign-in from that address waits
  std::chrono::seconds window{15 * 60};
};

class SignInThrottle {
 public:
  explicit SignInThrottle(ThrottleOptions options = {}) : options_(options) {}

  /// Throws RateLimited (with seconds until the oldest failure leaves the window) when either key is
  /// over its limit.
  void check(const std::string& account, const std::string& address);
  void recordFailure(const std::string& account, const std::string& address);
  /// A successful sign-in forgives the account's failures (not the address's).
  void recordSuccess(const std::string& account);

 private:
  using Clock = std::chrono::steady_clock;
  int retryAfter(std::deque<Clock::time_point>& failures, int limit, Clock::time_point now);
  void prune(Clock::time_point now);

  ThrottleOptions options_;
  std::mutex mutex_;
  std::map<std::string, std::deque<Clock::time_point>> byAccount_;
  std::map<std::string, std::deque<Clock::time_point>> byAddress_;
};

}  // namespace confpress::auth
