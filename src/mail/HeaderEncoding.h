#pragma once
// UTF-8 text in mail headers (RFC 2047 encoded words, RFC 5322 mailboxes), private to mail/. The words
// are made by Poco::Net::MailMessage::encodeWord; these functions only decide what goes into each call,
// because Poco 1.11's encodeWord, given a long text, folds after a fixed number of octets — possibly
// between the octets of one UTF-8 character, which RFC 2047 forbids and strict readers show as "�" —
// and leaves a dangling fold ("?=\r\n ") when the text ends at a fold point. Pure functions; thread-safe.
#include <string>

namespace confpress::mail {

/// An unstructured header value (Subject): returned unchanged when it is ASCII; otherwise the words with
/// non-ASCII letters become encoded words of at most 75 octets, each holding whole characters, folded
/// onto continuation lines, and ASCII words stay readable. Line breaks in `text` become spaces.
std::string encodeHeaderText(const std::string& text);

/// A display name for a mailbox ("Trần Thị Thu Hà"): an ASCII name as an atom sequence or a quoted
/// string, a non-ASCII one as encoded words. Double quotes and backslashes in a non-ASCII name become
/// ' and / (Poco's encoder would leave them bare, which breaks the address syntax).
std::string encodeDisplayName(const std::string& name);

/// "Display Name <address>", or "<address>" when `name` is empty, ready for a From or To header.
std::string formatMailbox(const std::string& name, const std::string& address);

struct Mailbox {
  std::string name;     // may be empty
  std::string address;  // local@domain
};

/// Reads "Display Name <local@domain>", "\"Name\" <local@domain>" or a bare "local@domain". Throws
/// std::invalid_argument naming `text` when there is no plausible address (no '@', spaces, a line break,
/// a non-ASCII octet: ConfPress does not send with SMTPUTF8).
Mailbox parseMailbox(const std::string& text);

/// True when `address` can be used in MAIL FROM / RCPT TO: local@domain, printable ASCII, no spaces,
/// angle brackets, quotes, commas or line breaks.
bool isDeliverableAddress(const std::string& address);

}  // namespace confpress::mail
