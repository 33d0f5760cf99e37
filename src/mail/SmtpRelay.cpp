// One SMTP connection over Poco::Net, with connect time-out, STARTTLS, AUTH and failure classification.
#include "mail/SmtpRelay.h"

#include <Poco/Environment.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>

namespace confpress::mail {

namespace {

// Poco NetSSL asks for initializeSSL() before its first use and uninitializeSSL() at the end.
void ensureSslInitialized() {
  struct SslLibrary {
    SslLibrary() { Poco::Net::initializeSSL(); }
    ~SslLibrary() { Poco::Net::uninitializeSSL(); }
  };
  static SslLibrary library;
}

Poco::Net::Context::Ptr tlsContext(const MailOptions& options) {
  using Poco::Net::Context;
  ensureSslInitialized();
  Context::Params params;
  params.caLocation = options.caFile;
  params.loadDefaultCAs = options.caFile.empty();
  // Relaxed: verify the chain and (except for localhost, which Poco exempts) the relay's host name.
  params.verificationMode = options.tlsVerify ? Context::VERIFY_RELAXED : Context::VERIFY_NONE;
  auto context = Poco::makeAuto<Context>(Context::TLS_CLIENT_USE, params);
  context->requireMinimumProtocol(Context::PROTO_TLSV1_2);
  return context;
}

Poco::Net::SMTPClientSession::LoginMethod loginMethod(const std::string& name) {
  using Session = Poco::Net::SMTPClientSession;
  if (name == "login") return Session::AUTH_LOGIN;
  if (name == "cram-md5") return Session::AUTH_CRAM_MD5;
  return Session::AUTH_PLAIN;
}

// Relay answers can span lines; an error message is one line.
std::string oneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\r', ' ');
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// 5xx means "never", except when MAIL FROM is refused: that concerns the sender address or the session
// (530 authentication required, …), not this message, and every other message would fail alike. Poco
// 1.11 names the step in the exception: "Cannot send message: …" is MAIL FROM ("Cannot send message
// data" is DATA, "Recipient rejected" RCPT TO, "The server rejected the message" the message itself).
bool isPermanent(const Poco::Net::SMTPException& e) {
  if (e.code() < 500 || e.code() > 599) return false;
  return e.message().rfind("Cannot send message:", 0) != 0;
}

}  // namespace

// Poco's SMTP client plus STARTTLS. Poco 1.11's SecureSMTPClientSession, when made from an already
// connected socket (the only way to bound the connect time), checks the certificate against an empty
// host name; this one does what its startTLS does, with the relay's name.
class SmtpRelay::Session : public Poco::Net::SMTPClientSession {
 public:
  Session(const Poco::Net::StreamSocket& socket, std::string host)
      : SMTPClientSession(socket), host_(std::move(host)) {}

  void startTls(Poco::Net::Context::Ptr context) {
    std::string response;
    const int status = sendCommand("STARTTLS", response);
    if (!isPositiveCompletion(status)) throw Poco::Net::SMTPException("STARTTLS refused", response, status);
    socket() = Poco::Net::SecureStreamSocket::attach(socket(), host_, context);
  }

  /// Drops a connection that failed without saying QUIT (which would wait for an answer in vain).
  void abandon() noexcept {
    try {
      socket().close();
    } catch (...) {
    }
  }

 private:
  std::string host_;
};

SmtpRelay::SmtpRelay(const MailOptions& options) : relay_(options.host + ":" + std::to_string(options.port)) {
  const Poco::Timespan timeout(options.timeoutSeconds, 0);
  try {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(options.host, static_cast<Poco::UInt16>(options.port)), timeout);
    socket.setReceiveTimeout(timeout);
    socket.setSendTimeout(timeout);
    session_ = std::make_unique<Session>(socket, options.host);
    const std::string helo = options.heloName.empty() ? Poco::Environment::nodeName() : options.heloName;
    session_->login(helo);
    if (options.starttls) {
      session_->startTls(tlsContext(options));
      session_->setTimeout(timeout);
    }
    // After STARTTLS the relay forgets what it knew: EHLO again (login does), then AUTH if configured.
    if (!options.user.empty())
      session_->login(helo, loginMethod(options.authMethod), options.user, options.password);
    else if (options.starttls)
      session_->login(helo);
  } catch (const Poco::Net::SMTPException& e) {
    session_.reset();  // QUIT: the relay is there and answering
    throw DeliveryError("relay " + relay_ + ": " + oneLine(e.message()), false);
  } catch (const Poco::Exception& e) {
    if (session_) session_->abandon();
    session_.reset();
    throw DeliveryError("relay " + relay_ + ": " + oneLine(e.displayText()), false);
  }
}

SmtpRelay::~SmtpRelay() {
  if (!session_) return;
  if (broken_) {
    session_->abandon();
    return;
  }
  try {
    session_->close();
  } catch (...) {
    session_->abandon();
  }
}

void SmtpRelay::send(const Poco::Net::MailMessage& message, const std::string& recipient) {
  if (!usable_) throw DeliveryError("relay " + relay_ + ": connection already failed", false);
  try {
    session_->sendMessage(message, Poco::Net::SMTPClientSession::Recipients{recipient});
  } catch (const Poco::Net::SMTPException& e) {
    usable_ = false;
    throw DeliveryError("relay " + relay_ + ": " + oneLine(e.message()), isPermanent(e));
  } catch (const Poco::Exception& e) {
    usable_ = false;
    broken_ = true;
    throw DeliveryError("relay " + relay_ + ": " + oneLine(e.displayText()), false);
  }
}

}  // namespace confpress::mail
