#pragma once
// One SMTP connection to the relay named in MailOptions, private to mail/: connect (bounded by the
// time-out), EHLO, optionally STARTTLS and AUTH, then any number of messages, QUIT at the end. Built on
// Poco::Net::SMTPClientSession; it adds the connect time-out, STARTTLS with certificate checks, and
// sorts every failure into "try again later" or "give up". Not thread-safe: one sender uses it at a time.
#include <Poco/Net/MailMessage.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "mail/MailOptions.h"

namespace confpress::mail {

/// Why a message was not delivered, with the relay's answer when there was one, and whether trying
/// again later can help.
class DeliveryError : public std::runtime_error {
 public:
  DeliveryError(const std::string& message, bool permanent)
      : std::runtime_error(message), permanent_(permanent) {}
  bool permanent() const { return permanent_; }

 private:
  bool permanent_;
};

class SmtpRelay {
 public:
  /// Connects to options.host:port and logs in (EHLO; STARTTLS and EHLO again when options.starttls;
  /// AUTH when options.user is set). Throws DeliveryError, never permanent: a relay that is down,
  /// refuses TLS or rejects the credentials fails every message alike, and may be fixed while they wait.
  explicit SmtpRelay(const MailOptions& options);
  /// Says QUIT (without waiting on a connection that already failed); errors are ignored.
  ~SmtpRelay();
  SmtpRelay(const SmtpRelay&) = delete;
  SmtpRelay& operator=(const SmtpRelay&) = delete;

  /// Sends `message` to the envelope recipient `recipient`. Throws DeliveryError: permanent for a 5xx
  /// answer to RCPT TO, DATA or the message itself; transient for a 4xx, a 5xx to MAIL FROM (the sender
  /// or the session is refused, not this message), a time-out or a lost connection. After any failure
  /// the connection is no longer usable().
  void send(const Poco::Net::MailMessage& message, const std::string& recipient);

  /// False once a send failed: open a new SmtpRelay for the next message.
  bool usable() const { return usable_; }

 private:
  class Session;

  std::string relay_;  // "host:port", for error messages
  std::unique_ptr<Session> session_;
  bool usable_ = true;
  bool broken_ = false;  // the connection itself failed: do not wait for an answer to QUIT
};

}  // namespace confpress::mail
