#pragma once
// The command-line options that fill MailOptions, shared by `confpress serve` and `confpress mail`:
// --smtp-host, --smtp-port, --smtp-user, --smtp-password-file, --smtp-auth, --smtp-starttls,
// --smtp-ca-file, --mail-from. The password is read from a file, never taken from the command line,
// where other users of the machine could see it.
#include <Poco/Util/OptionSet.h>

#include <string>

#include "mail/MailOptions.h"

namespace confpress::mail {

/// Adds the SMTP options (all optional) to `options`.
void addSmtpOptions(Poco::Util::OptionSet& options);

/// Applies option `name` with `value` to `mail`; returns false when `name` is not an SMTP option.
/// Throws std::invalid_argument naming the option for a bad value or an unreadable password file.
bool applySmtpOption(MailOptions& mail, const std::string& name, const std::string& value);

}  // namespace confpress::mail
