#pragma once
// Turns an outbox row into the Poco::Net::MailMessage that goes over SMTP, private to mail/: From, To
// with the recipient's name, Subject in RFC 2047 words, Date, Message-ID, MIME-Version and a text/plain
// UTF-8 body in quoted-printable. Pure functions; thread-safe.
#include <Poco/Net/MailMessage.h>

#include <cstdint>
#include <string>

#include "mail/HeaderEncoding.h"
#include "store/Outbox.h"

namespace confpress::mail {

/// Fills `message` (freshly constructed, so its Date is now) from `mail`, sent by `from`, with the
/// Message-ID `mail.messageId`. Line ends of the body become CRLF, and a body that does not end with a
/// line break gets one. Throws std::invalid_argument when `mail.toAddress` cannot be delivered.
void buildMailMessage(Poco::Net::MailMessage& message, const store::OutgoingMail& mail, const Mailbox& from);

/// A new, globally unique Message-ID for outbox message `id` sent from `fromAddress`:
/// "<confpress.ID.RANDOM@DOMAIN>" (RANDOM: 20 hex digits), DOMAIN being the part of `fromAddress`
/// after '@'.
std::string newMessageId(int64_t id, const std::string& fromAddress);

}  // namespace confpress::mail
