// confpress sample: migrates and loads the sample conference, then prints its demo accounts.
#include "app/Command.h"
#include "app/Commands.h"
#include "sample/SampleLoader.h"
#include "store/Database.h"
#include "store/Migrator.h"

namespace confpress::app {

namespace {

class SampleCommand : public Command<Poco::Util::Application> {
 public:
  SampleCommand()
      : Command("sample", "Loads the sample conference (idempotent); migrates the database first.",
                "[--db URL] [--resources DIR]") {}

 protected:
  int execute(const std::vector<std::string>&) override {
    store::Database db(config.databaseUrl);
    store::Migrator(db, config.migrationsDir()).migrate();
    sample::SampleSummary s = sample::loadSample(db, config.samplesDir() + "/binhduong");
    std::cout << "loaded " << s.conferenceTitle << " (" << s.conferenceSlug << "): " << s.people
              << " people, " << s.accountsCreated << " new accounts\n";
    std::cout << "demo accounts (password " << s.demoPassword << "):\n";
    for (const auto& a : s.demoAccounts)
      std::cout << "  " << a.role << "\t" << a.email << "\t" << a.name << '\n';
    return 0;
  }
};

}  // namespace

int launchSample(int argc, char** argv) {
  return Poco::makeAuto<SampleCommand>()->launch(argc, argv);
}

}  // namespace confpress::app
