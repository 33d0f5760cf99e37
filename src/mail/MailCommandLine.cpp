// The --smtp-* and --mail-from options of `confpress serve` and `confpress mail`.
#include "mail/MailCommandLine.h"

#include <Poco/Util/Option.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "mail/HeaderEncoding.h"

namespace confpress::mail {

namespace {

int portNumber(const std::string& value) {
  try {
    size_t used = 0;
    const int port = std::stoi(value, &used);
    if (used == value.size() && port >= 1 && port <= 65535) return port;
  } catch (const std::exception&) {
  }
  throw std::invalid_argument("--smtp-port must be a whole number from 1 to 65535, not '" + value + "'");
}

// The first line of the file, without its line break: `echo secret > file` is how such files are made.
std::string passwordFrom(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("--smtp-password-file: cannot read '" + path + "'");
  std::string password;
  std::getline(in, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) throw std::invalid_argument("--smtp-password-file: '" + path + "' is empty");
  return password;
}

}  // namespace

void addSmtpOptions(Poco::Util::OptionSet& options) {
  using Poco::Util::Option;
  options.addOption(
      Option("smtp-host", "", "SMTP relay to deliver through (default 127.0.0.1)").argument("HOST"));
  options.addOption(Option("smtp-port", "", "its port (default 25; 587 for submission)").argument("N"));
  options.addOption(Option("smtp-user", "", "log in to the relay as USER (AUTH)").argument("USER"));
  options.addOption(Option("smtp-password-file", "", "read the relay password from the first line of FILE")
                        .argument("FILE"));
  options.addOption(Option("smtp-auth", "", "AUTH method: plain (default), login or cram-md5").argument("M"));
  options.addOption(Option("smtp-starttls", "", "require STARTTLS before AUTH and before any message"));
  options.addOption(Option("smtp-ca-file", "", "trust the CAs in this PEM file for the relay's certificate")
                        .argument("FILE"));
  options.addOption(Option("mail-from", "", "From of every message: \"Name <address>\" (UTF-8 name allowed)")
                        .argument("FROM"));
}

bool applySmtpOption(MailOptions& mail, const std::string& name, const std::string& value) {
  if (name == "smtp-host") {
    if (value.empty()) throw std::invalid_argument("--smtp-host must not be empty");
    mail.host = value;
  } else if (name == "smtp-port") {
    mail.port = portNumber(value);
  } else if (name == "smtp-user") {
    mail.user = value;
  } else if (name == "smtp-password-file") {
    mail.password = passwordFrom(value);
  } else if (name == "smtp-auth") {
    if (value != "plain" && value != "login" && value != "cram-md5")
      throw std::invalid_argument("--smtp-auth must be plain, login or cram-md5, not '" + value + "'");
    mail.authMethod = value;
  } else if (name == "smtp-starttls") {
    mail.starttls = true;
  } else if (name == "smtp-ca-file") {
    mail.caFile = value;
  } else if (name == "mail-from") {
    try {
      parseMailbox(value);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(std::string("--mail-from: ") + e.what());
    }
    mail.from = value;
  } else {
    return false;
  }
  return true;
}

}  // namespace confpress::mail
