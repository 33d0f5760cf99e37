#pragma once
// How ConfPress delivers its outbox: the SMTP relay, the sender address and the retry policy, every
// default written beside its field. A plain struct, copied into the objects that use it.
#include <string>

namespace confpress::mail {

struct MailOptions {
  // --- The SMTP relay ---
  /// Host name or address of the relay (a local MTA by default).
  std::string host = "127.0.0.1";
  /// Its port: 25 (relay), 587 (submission, usually with STARTTLS and AUTH).
  int port = 25;
  /// Upgrade the connection with STARTTLS (Poco NetSSL) right after EHLO, before AUTH and before any
  /// address is sent; delivery fails (and is retried) when the relay does not offer it.
  bool starttls = false;
  /// Check the relay's certificate against the system CAs (or `caFile`) and its host name (Poco skips
  /// the host name, not the chain, for a relay on localhost). Only turn this off for a test relay.
  bool tlsVerify = true;
  /// PEM file of CAs to trust instead of the system ones; empty: the system CAs.
  std::string caFile;
  /// AUTH credentials; an empty user means no AUTH. The password comes from a file
  /// (--smtp-password-file), never from the command line.
  std::string user;
  std::string password;
  /// AUTH mechanism: "plain", "login" or "cram-md5".
  std::string authMethod = "plain";
  /// The name given in EHLO; empty: this machine's host name.
  std::string heloName;
  /// Seconds to wait for the relay to connect or answer one command.
  int timeoutSeconds = 60;

  // --- The messages ---
  /// The From header, "Display Name <address>" or a bare address; the address is also the envelope
  /// sender (MAIL FROM) and the domain of Message-IDs. The name may be UTF-8.
  std::string from = "ConfPress <no-reply@localhost>";

  // --- The outbox ---
  /// Deliver at all. False (--no-mail) keeps every message queued, untouched, for a later run.
  bool enabled = true;
  /// How often the background sender looks for due messages (it can also be woken at once).
  int pollSeconds = 15;
  /// Messages claimed per transaction; a pass keeps claiming until nothing is due.
  int batchSize = 20;
  /// Attempts before a message is given up (state failed, last_error kept). A permanent rejection
  /// (5xx to RCPT TO or to the message) fails it at once.
  int maxAttempts = 10;
  /// Wait after the first failed attempt; it doubles after each further failure (1, 2, 4, 8 … min) …
  int firstRetrySeconds = 60;
  /// … up to this cap (1, 2, 4, 8, 16, 32, 60, 60, 60 min: about 4 h 5 min over 10 attempts).
  int maxRetrySeconds = 3600;
  /// How long a claimed message stays reserved for its sender. A message left 'sending' by a crash is
  /// claimed again after this. It must exceed 10 × timeoutSeconds (one message's longest conversation);
  /// a sender gives back, untried, what it could not finish well within its lease.
  int leaseSeconds = 900;
};

}  // namespace confpress::mail
