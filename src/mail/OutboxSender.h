#pragma once
// The background sender of the mail outbox: it claims due messages from the database, delivers them
// through the SMTP relay named in MailOptions and records each outcome — sent; deferred with exponential
// back-off (1, 2, 4 … minutes up to a cap) and the error kept; or failed for good after a permanent
// rejection or the last allowed attempt, the error kept. Nothing is lost on a restart or a crash: a
// claim is a lease, and a message whose sender died is claimed again once the lease runs out.
//
// Thread-safe: start(), stop() and wake() may be called from any thread; deliverDue() may run on several
// threads, and in several processes over the same database, at once (each message is claimed by one).
// Request threads never wait for it: they only queue messages (store::enqueueMail) and may wake() it.
#include <Poco/Timestamp.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "mail/HeaderEncoding.h"
#include "mail/MailOptions.h"
#include "store/Database.h"
#include "store/Outbox.h"

namespace confpress::mail {

/// What one delivery pass did, message by message.
struct DeliveryCounts {
  int sent = 0;      // accepted by the relay and marked sent
  int deferred = 0;  // failed for now: pending again, due after the back-off, error kept
  int failed = 0;    // given up: permanent rejection, undeliverable address, or the last attempt failed
  int released = 0;  // claimed but not tried (stop() was called, tried already in this pass, or too little
                     // of the claim's lease left): pending again, attempt uncounted
  int lost = 0;      // outcome not recorded: the lease ran out and another sender owns the message now
};

class OutboxSender {
 public:
  /// The current instant; tests pass a clock they move forward.
  using Clock = std::function<Poco::Timestamp()>;

  /// A sender over `db` (migrated) with `options`. Messages are logged one line each to `log` when it
  /// is not null. Throws std::invalid_argument naming the option when `options` cannot work (no valid
  /// From address, port out of range, unknown AUTH method, a missing CA file, non-positive limits …).
  OutboxSender(store::Database& db, MailOptions options, std::ostream* log = nullptr, Clock clock = {});
  /// Calls stop().
  ~OutboxSender();
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;

  /// Starts the background thread: a delivery pass at once, then one every options.pollSeconds or
  /// whenever woken. Does nothing if it is running already.
  void start();

  /// Stops delivery: the background thread (if running) and any deliverDue() in progress on another
  /// thread finish the message in hand (at most a few options.timeoutSeconds), give back what they
  /// claimed but did not try, and end; stop() waits for the background thread. Until start() is called
  /// again, deliverDue() delivers nothing. Calling it twice is harmless.
  void stop();

  /// Makes the background thread look for due messages now instead of at its next poll.
  void wake();

  /// One synchronous delivery pass on the calling thread: claims due messages in batches and delivers
  /// each at most once, over one relay connection, until none is due. When the relay cannot be reached
  /// the batch in hand is deferred and the pass ends (the others stay untouched until the next pass).
  /// Throws only for database errors; messages already claimed then wait for their lease to run out.
  DeliveryCounts deliverDue();

  /// Seconds to wait after failed attempt number `attempt` (1-based): firstRetrySeconds doubled for each
  /// attempt after the first, capped at maxRetrySeconds.
  static long long retryDelaySeconds(const MailOptions& options, int attempt);

 private:
  struct Outcome;
  struct Pass;

  std::vector<store::OutgoingMail> claim(const Poco::Timestamp& now);
  void release(const store::OutgoingMail& mail);
  void record(const store::OutgoingMail& mail, const Outcome& outcome, DeliveryCounts& counts);
  void logLine(const std::string& line);
  std::string at(long long secondsFromNow) const;
  void run();

  store::Database& db_;
  const MailOptions options_;
  const Mailbox from_;
  std::ostream* log_;
  Clock clock_;

  std::mutex mutex_;  // guards thread_ and woken_
  std::condition_variable wakeUp_;
  std::thread thread_;
  bool woken_ = false;
  std::atomic<bool> stopping_ = false;
  std::mutex logMutex_;
};

}  // namespace confpress::mail
