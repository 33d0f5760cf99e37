// The outbox sender: claim in batches, deliver over one relay connection, record, back off, repeat.
#include "mail/OutboxSender.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/File.h>
#include <Poco/Net/MailMessage.h>

#include <pthread.h>

#include <csignal>
#include <ctime>
#include <memory>
#include <ostream>
#include <set>
#include <stdexcept>

#include "mail/MailMessageBuilder.h"
#include "mail/SmtpRelay.h"

namespace confpress::mail {

namespace {

constexpr const char* kIsoFormat = "%Y-%m-%dT%H:%M:%SZ";  // as core/Time and the outbox rows

// The most time-out-bounded steps one message can take: a new connection (connect, greeting, EHLO,
// STARTTLS, EHLO, AUTH) and its transaction (MAIL FROM, RCPT TO, DATA, the message).
constexpr int kStepsPerMessage = 10;

std::string iso(const Poco::Timestamp& t) {
  return Poco::DateTimeFormatter::format(t, kIsoFormat);
}

// Writing to a relay that has closed the connection raises SIGPIPE, which ends the process. Poco's own
// sockets send with MSG_NOSIGNAL, but after STARTTLS OpenSSL writes to the socket itself. While a pass
// runs, the signal is blocked on its thread, and one raised meanwhile is taken off before the mask is
// restored: the write just fails with EPIPE, and the message is deferred.
class SigpipeBlock {
 public:
  SigpipeBlock() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &saved_);
  }
  ~SigpipeBlock() {
    sigset_t pending;
    sigemptyset(&pending);
    if (sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1) {
      const timespec noWait{0, 0};
      sigtimedwait(&pipe_, nullptr, &noWait);
    }
    pthread_sigmask(SIG_SETMASK, &saved_, nullptr);
  }
  SigpipeBlock(const SigpipeBlock&) = delete;
  SigpipeBlock& operator=(const SigpipeBlock&) = delete;

 private:
  sigset_t pipe_{};
  sigset_t saved_{};
};

// Like Poco's own threads, the sender leaves SIGINT, SIGTERM and SIGQUIT to the thread that waits for
// them (ServerApplication::waitForTerminationRequest), and never takes SIGPIPE.
void blockProcessSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  for (int signal : {SIGINT, SIGTERM, SIGQUIT, SIGPIPE}) sigaddset(&signals, signal);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

void require(bool ok, const std::string& option, const std::string& what) {
  if (!ok) throw std::invalid_argument("mail option '" + option + "' " + what);
}

MailOptions validated(MailOptions o) {
  require(!o.host.empty(), "host", "must name the SMTP relay");
  require(o.port >= 1 && o.port <= 65535, "port", "must be 1 to 65535, not " + std::to_string(o.port));
  require(o.authMethod == "plain" || o.authMethod == "login" || o.authMethod == "cram-md5", "auth",
          "must be plain, login or cram-md5, not '" + o.authMethod + "'");
  require(o.caFile.empty() || Poco::File(o.caFile).exists(), "ca-file", "'" + o.caFile + "' does not exist");
  require(o.timeoutSeconds >= 1, "timeout", "must be at least 1 second");
  require(o.pollSeconds >= 1, "poll", "must be at least 1 second");
  require(o.batchSize >= 1, "batch", "must be at least 1");
  require(o.maxAttempts >= 1, "max-attempts", "must be at least 1");
  require(o.firstRetrySeconds >= 1, "first-retry", "must be at least 1 second");
  require(o.maxRetrySeconds >= o.firstRetrySeconds, "max-retry", "must not be below the first retry");
  require(
      o.leaseSeconds > kStepsPerMessage * o.timeoutSeconds, "lease",
      "must exceed " + std::to_string(kStepsPerMessage) + " SMTP time-outs (one message's longest delivery)");
  return o;
}

Mailbox sender(const MailOptions& o) {
  Mailbox from = parseMailbox(o.from);
  // Poco takes MAIL FROM from the first '<' of the From header.
  require(from.name.find_first_of("<>") == std::string::npos, "from", "must not have < or > in its name");
  return from;
}

std::string describe(const std::exception& e) {
  if (const auto* poco = dynamic_cast<const Poco::Exception*>(&e)) return poco->displayText();
  return e.what();
}

}  // namespace

struct OutboxSender::Outcome {
  enum Kind { Sent, Deferred, Failed } kind;
  std::string error;
};

// The state of one pass: the relay connection, opened at the first message and reused, or the reason
// it could not be opened.
struct OutboxSender::Pass {
  std::unique_ptr<SmtpRelay> relay;
  std::string relayDown;

  Outcome deliver(const store::OutgoingMail& mail, const MailOptions& options, const Mailbox& from) {
    Poco::Net::MailMessage message;
    try {
      buildMailMessage(message, mail, from);
    } catch (const std::exception& e) {
      return {Outcome::Failed, describe(e)};
    }
    if (!relayDown.empty()) return {Outcome::Deferred, relayDown};
    try {
      if (!relay || !relay->usable()) {
        relay.reset();
        relay = std::make_unique<SmtpRelay>(options);
      }
    } catch (const DeliveryError& e) {
      relayDown = e.what();
      return {Outcome::Deferred, relayDown};
    }
    try {
      relay->send(message, mail.toAddress);
      return {Outcome::Sent, ""};
    } catch (const DeliveryError& e) {
      return {e.permanent() ? Outcome::Failed : Outcome::Deferred, e.what()};
    }
  }
};

OutboxSender::OutboxSender(store::Database& db, MailOptions options, std::ostream* log, Clock clock)
    : db_(db),
      options_(validated(std::move(options))),
      from_(sender(options_)),
      log_(log),
      clock_(clock ? std::move(clock) : [] { return Poco::Timestamp(); }) {}

OutboxSender::~OutboxSender() {
  stop();
}

void OutboxSender::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread(&OutboxSender::run, this);
}

void OutboxSender::stop() {
  std::thread worker;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    worker = std::move(thread_);
  }
  wakeUp_.notify_all();
  if (worker.joinable()) worker.join();
}

void OutboxSender::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeUp_.notify_all();
}

void OutboxSender::run() {
  blockProcessSignals();
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    woken_ = false;
    lock.unlock();
    try {
      deliverDue();
    } catch (const std::exception& e) {
      logLine("mail: delivery pass stopped: " + describe(e));
    }
    lock.lock();
    wakeUp_.wait_for(lock, std::chrono::seconds(options_.pollSeconds),
                     [this] { return stopping_ || woken_; });
  }
}

DeliveryCounts OutboxSender::deliverDue() {
  SigpipeBlock sigpipeBlocked;
  DeliveryCounts counts;
  std::set<int64_t> tried;
  Pass pass;
  bool more = true;
  while (more && !stopping_ && pass.relayDown.empty()) {
    const Poco::Timestamp claimedAt = clock_();
    const std::vector<store::OutgoingMail> batch = claim(claimedAt);
    const Poco::Timestamp leaseEnd = claimedAt + Poco::Timespan(options_.leaseSeconds, 0);
    const Poco::Timespan longestMessage(kStepsPerMessage * options_.timeoutSeconds, 0);
    more = !batch.empty();
    for (const store::OutgoingMail& mail : batch) {
      // A message deferred earlier in this pass can be due again already; it waits for the next pass.
      if (stopping_ || tried.count(mail.id) > 0) {
        release(mail);
        ++counts.released;
        more = false;
        continue;
      }
      // Delivering after the lease ran out could deliver twice (another sender may claim it by then):
      // when a slow relay has used up the lease, the rest goes back, to be claimed again afresh.
      if (clock_() + longestMessage > leaseEnd) {
        release(mail);
        ++counts.released;
        continue;
      }
      tried.insert(mail.id);
      record(mail, pass.deliver(mail, options_, from_), counts);
    }
  }
  return counts;
}

long long OutboxSender::retryDelaySeconds(const MailOptions& options, int attempt) {
  long long delay = options.firstRetrySeconds;
  for (int i = 1; i < attempt && delay < options.maxRetrySeconds; ++i) delay *= 2;
  return std::min<long long>(delay, options.maxRetrySeconds);
}

std::vector<store::OutgoingMail> OutboxSender::claim(const Poco::Timestamp& now) {
  return db_.transaction([&](Poco::Data::Session& s) {
    std::vector<store::OutgoingMail> claimed =
        store::claimDueMail(s, iso(now), iso(now + Poco::Timespan(options_.leaseSeconds, 0)),
                            options_.batchSize, options_.maxAttempts);
    for (store::OutgoingMail& mail : claimed) {
      if (!mail.messageId.empty()) continue;
      mail.messageId = newMessageId(mail.id, from_.address);
      store::assignMailMessageId(s, mail.id, mail.attempts, mail.messageId);
    }
    return claimed;
  });
}

void OutboxSender::release(const store::OutgoingMail& mail) {
  db_.transaction([&](Poco::Data::Session& s) { store::releaseMailClaim(s, mail.id, mail.attempts, at(0)); });
}

void OutboxSender::record(const store::OutgoingMail& mail, const Outcome& outcome, DeliveryCounts& counts) {
  const int attempt = mail.attempts;
  const std::string attempts = std::to_string(attempt) + " of " + std::to_string(options_.maxAttempts);
  std::string line = "mail #" + std::to_string(mail.id) + " to " + mail.toAddress + ": ";
  int* count = nullptr;
  bool recorded = false;
  if (outcome.kind == Outcome::Sent) {
    recorded = db_.transaction([&](auto& s) { return store::markMailSent(s, mail.id, attempt, at(0)); });
    count = &counts.sent;
    line += "sent " + mail.messageId;
  } else if (outcome.kind == Outcome::Deferred && attempt < options_.maxAttempts) {
    const std::string next = at(retryDelaySeconds(options_, attempt));
    recorded = db_.transaction(
        [&](auto& s) { return store::markMailRetry(s, mail.id, attempt, outcome.error, next); });
    count = &counts.deferred;
    line += "attempt " + attempts + " failed, next at " + next + ": " + outcome.error;
  } else {
    const std::string error = outcome.kind == Outcome::Failed
                                  ? outcome.error
                                  : "gave up after attempt " + attempts + "; last error: " + outcome.error;
    recorded = db_.transaction([&](auto& s) { return store::markMailFailed(s, mail.id, attempt, error); });
    count = &counts.failed;
    line += "failed: " + error;
  }
  if (recorded) {
    ++*count;
  } else {
    ++counts.lost;
    line += " — not recorded: the lease ran out and another sender claimed the message";
  }
  logLine(line);
}

void OutboxSender::logLine(const std::string& line) {
  if (log_ == nullptr) return;
  std::lock_guard lock(logMutex_);
  *log_ << line << std::endl;
}

std::string OutboxSender::at(long long secondsFromNow) const {
  return iso(clock_() + Poco::Timespan(static_cast<long>(secondsFromNow), 0));
}

}  // namespace confpress::mail
