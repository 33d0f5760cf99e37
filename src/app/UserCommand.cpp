// confpress user add: creates an account (the first administrator, typically). The password is read
// from standard input — a prompt without echo on a terminal, one line otherwise — never from the
// command line, where other users of the machine could see it.
#include <termios.h>
#include <unistd.h>

#include "app/Command.h"
#include "app/Commands.h"
#include "app/Runtime.h"

namespace confpress::app {

namespace {

// Turns terminal echo off for as long as it lives.
class NoEcho {
 public:
  NoEcho() : active_(::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!active_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  ~NoEcho() {
    if (active_) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;

 private:
  termios saved_{};
  bool active_;
};

std::string readPassword(const char* prompt) {
  const bool terminal = ::isatty(STDIN_FILENO);
  if (terminal) std::cerr << prompt << std::flush;
  std::string line;
  {
    NoEcho noEcho;
    if (!std::getline(std::cin, line)) throw std::invalid_argument("no password on standard input");
  }
  if (terminal) std::cerr << '\n';
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

class UserCommand : public Command<Poco::Util::Application> {
 public:
  UserCommand()
      : Command("user", "Creates an account; the password is read from standard input.",
                "add --email E --family-name F --given-name G [--affiliation A] [--admin]") {}

 protected:
  void defineCommandOptions(Poco::Util::OptionSet& options) override {
    using Poco::Util::Option;
    options.addOption(Option("email", "", "e-mail address").argument("E"));
    options.addOption(Option("family-name", "", "family name (Vietnamese: họ)").argument("F"));
    options.addOption(Option("given-name", "", "middle and given names (tên đệm và tên)").argument("G"));
    options.addOption(Option("affiliation", "", "institution").argument("A"));
    options.addOption(Option("locale", "", "interface language: vi or en (default vi)").argument("L"));
    options.addOption(Option("admin", "", "make the account a site administrator"));
  }

  bool handleCommandOption(const std::string& name, const std::string& value) override {
    if (name == "email")
      account_.email = value;
    else if (name == "family-name")
      account_.familyName = value;
    else if (name == "given-name")
      account_.givenName = value;
    else if (name == "affiliation")
      account_.affiliation = value;
    else if (name == "locale")
      account_.locale = value;
    else if (name == "admin")
      admin_ = true;
    else
      return false;
    return true;
  }

  int execute(const std::vector<std::string>& args) override {
    if (args.size() != 1 || args[0] != "add")
      throw std::invalid_argument("usage: confpress user add --email E ...");
    for (auto [option, value] :
         {std::pair{"--email", &account_.email}, std::pair{"--family-name", &account_.familyName},
          std::pair{"--given-name", &account_.givenName}})
      if (value->empty()) throw std::invalid_argument(std::string(option) + " is required");
    account_.password = readPassword("Password (at least 10 characters): ");
    if (::isatty(STDIN_FILENO) && readPassword("Repeat the password: ") != account_.password)
      throw std::invalid_argument("the two passwords differ");
    Runtime runtime(config);
    runtime.migrate();
    auth::Principal created =
        runtime.accounts.registerAccount(account_, auth::Origin{"cli", "confpress user add", {}}, admin_);
    std::cout << "created " << (admin_ ? "administrator " : "account ") << created.displayName << " <"
              << created.email << ">\n";
    return 0;
  }

 private:
  auth::NewAccount account_;
  bool admin_ = false;
};

}  // namespace

int launchUser(int argc, char** argv) {
  return Poco::makeAuto<UserCommand>()->launch(argc, argv);
}

}  // namespace confpress::app
