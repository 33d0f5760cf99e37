// confpress mail: the outbox from the command line — what is queued, sent and failed (--list, the
// default), a failed message queued again (--retry ID), or one delivery pass now (--send-now, with the
// same SMTP options as serve). Migrates the database first.
#include <Poco/Util/Application.h>

#include <iostream>
#include <limits>
#include <map>

#include "app/Command.h"
#include "app/Commands.h"
#include "core/Time.h"
#include "mail/MailCommandLine.h"
#include "mail/OutboxSender.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/Outbox.h"

namespace confpress::app {

namespace {

constexpr int kListed = 50;

void printOutbox(store::Database& db) {
  Poco::Data::Session s = db.session();
  const std::map<std::string, int> counts = store::mailCountsByState(s);
  std::cout << "outbox: " << counts.at("pending") << " pending, " << counts.at("sending") << " sending, "
            << counts.at("sent") << " sent, " << counts.at("failed") << " failed\n";
  for (const store::OutgoingMail& m : store::recentMail(s, kListed)) {
    std::cout << '#' << m.id << ' ' << m.state << " attempts=" << m.attempts << " to=" << m.toAddress
              << " created=" << m.createdAt;
    if (m.state == "sent")
      std::cout << " sent=" << m.sentAt;
    else if (m.state != "failed")
      std::cout << " next=" << m.nextAttemptAt;
    std::cout << "\n    " << m.subject << '\n';
    if (!m.lastError.empty()) std::cout << "    last error: " << m.lastError << '\n';
  }
}

class MailCommand : public Command<Poco::Util::Application> {
 public:
  MailCommand()
      : Command("mail", "Shows the mail outbox, queues a failed message again, or delivers what is due now.",
                "[--list] [--retry ID] [--send-now] [--smtp-host H] [--smtp-port N] [--smtp-user U"
                " --smtp-password-file F] [--smtp-starttls] [--mail-from FROM]") {}

 protected:
  void defineCommandOptions(Poco::Util::OptionSet& options) override {
    using Poco::Util::Option;
    options.addOption(Option("list", "", "list the newest messages and the count in each state (default)"));
    options.addOption(
        Option("retry", "", "queue failed message ID again, with fresh attempts").argument("ID"));
    options.addOption(Option("send-now", "", "deliver every due message now (exit 1 if some must wait)"));
    mail::addSmtpOptions(options);
  }

  bool handleCommandOption(const std::string& name, const std::string& value) override {
    if (name == "list")
      list_ = true;
    else if (name == "retry")
      retry_ = parseCount("retry", value, 1, std::numeric_limits<int>::max());
    else if (name == "send-now")
      sendNow_ = true;
    else
      return mail::applySmtpOption(config.mail, name, value);
    return true;
  }

  int execute(const std::vector<std::string>&) override {
    store::Database db(config.databaseUrl);
    store::Migrator(db, config.migrationsDir()).migrate();
    int status = 0;
    if (retry_ > 0) {
      const bool queued =
          db.transaction([&](Poco::Data::Session& s) { return store::requeueMail(s, retry_, nowUtc()); });
      if (!queued)
        throw std::invalid_argument("message " + std::to_string(retry_) + " is not a failed message");
      std::cout << "message " << retry_ << " queued again\n";
    }
    if (sendNow_) {
      mail::OutboxSender sender(db, config.mail, &std::cout);
      const mail::DeliveryCounts c = sender.deliverDue();
      std::cout << "sent " << c.sent << ", deferred " << c.deferred << ", failed " << c.failed << '\n';
      if (c.deferred > 0 || c.lost > 0) status = 1;
    }
    if (list_ || (retry_ == 0 && !sendNow_)) printOutbox(db);
    return status;
  }

 private:
  bool list_ = false;
  bool sendNow_ = false;
  int retry_ = 0;
};

}  // namespace

int launchMail(int argc, char** argv) {
  return Poco::makeAuto<MailCommand>()->launch(argc, argv);
}

}  // namespace confpress::app
