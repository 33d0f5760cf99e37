// An outbox row as a Poco MailMessage: headers in RFC 2047 words, a UTF-8 quoted-printable text body.
#include "mail/MailMessageBuilder.h"

#include <Poco/UUIDGenerator.h>

#include <stdexcept>

namespace confpress::mail {

namespace {

// SMTP and quoted-printable expect CRLF line ends; templates write LF.
std::string withCrlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32 + 2);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // the LF writes the pair
    if (c == '\r' || c == '\n')
      out += "\r\n";
    else
      out += c;
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

}  // namespace

void buildMailMessage(Poco::Net::MailMessage& message, const store::OutgoingMail& mail, const Mailbox& from) {
  if (!isDeliverableAddress(mail.toAddress))
    throw std::invalid_argument("'" + mail.toAddress +
                                "' is not a deliverable address (local@domain, ASCII)");
  message.setSender(formatMailbox(from.name, from.address));
  // The To header is set directly rather than through MailRecipient: Poco 1.11 puts a recipient's name
  // in double quotes, and an encoded word inside quotes is not decoded by mail readers. The envelope
  // recipient is given to SMTPClientSession::sendMessage separately.
  message.set(Poco::Net::MailMessage::HEADER_TO, formatMailbox(mail.toName, mail.toAddress));
  message.setSubject(encodeHeaderText(mail.subject));
  if (!mail.messageId.empty()) message.set("Message-ID", mail.messageId);
  // Poco writes MIME-Version only for multipart messages; a single text part needs it as well.
  message.set(Poco::Net::MailMessage::HEADER_MIME_VERSION, "1.0");
  message.setContentType("text/plain; charset=UTF-8");
  message.setContent(withCrlf(mail.bodyText), Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
}

std::string newMessageId(int64_t id, const std::string& fromAddress) {
  const size_t at = fromAddress.rfind('@');
  const std::string domain = at == std::string::npos ? "confpress.invalid" : fromAddress.substr(at + 1);
  std::string random = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  std::erase(random, '-');
  // Some 75 random bits (the UUID's last 20 hex digits) are plenty next to the outbox id, and keep the
  // header on one line.
  return "<confpress." + std::to_string(id) + "." + random.substr(random.size() - 20) + "@" + domain + ">";
}

}  // namespace confpress::mail
