#include "auth/SignInThrottle.h"

#include <algorithm>

#include "core/Errors.h"

namespace confpress::auth {

int SignInThrottle::retryAfter(std::deque<Clock::time_point>& failures, int limit, Clock::time_point now) {
  while (!failures.empty() && now - failures.front() >= options_.window) failures.pop_front();
  if (static_cast<int>(failures.size()) < limit) return 0;
  auto wait = std::chrono::duration_cast<std::chrono::seconds>(failures.front() + options_.window - now);
  return std::max<int>(1, static_cast<int>(wait.count()));
}

void SignInThrottle::check(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  int wait = std::max(retryAfter(byAccount_[account], options_.failuresPerAccount, now),
                      retryAfter(byAddress_[address], options_.failuresPerAddress, now));
  if (wait > 0)
    throw RateLimited("too many failed sign-ins; try again in " + std::to_string(wait) + " seconds", wait);
}

void SignInThrottle::recordFailure(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  byAccount_[account].push_back(now);
  byAddress_[address].push_back(now);
  if (byAccount_.size() + byAddress_.size() > 100000) prune(now);
}

void SignInThrottle::recordSuccess(const std::string& account) {
  std::lock_guard lock(mutex_);
  byAccount_.erase(account);
}

void SignInThrottle::prune(Clock::time_point now) {
  for (auto* table : {&byAccount_, &byAddress_})
    std::erase_if(*table, [&](auto& entry) {
      return entry.second.empty() || now - entry.second.back() >= options_.window;
    });
}

}  // namespace confpress::auth
