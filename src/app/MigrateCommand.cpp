// confpress migrate: applies pending migrations and reports the schema version.
#include <Poco/Util/Application.h>

#include "app/Command.h"
#include "app/Commands.h"
#include "store/Database.h"
#include "store/Migrator.h"

namespace confpress::app {

namespace {

class MigrateCommand : public Command<Poco::Util::Application> {
 public:
  MigrateCommand()
      : Command("migrate", "Applies pending migrations, each in its own transaction.", "[--db URL]") {}

 protected:
  int execute(const std::vector<std::string>&) override {
    store::Database db(config.databaseUrl);
    store::Migrator migrator(db, config.migrationsDir());
    for (const store::Migration& m : migrator.migrate())
      std::cout << "applied " << m.version << " " << m.name << '\n';
    std::cout << "schema version " << migrator.currentVersion() << '\n';
    return 0;
  }
};

}  // namespace

int launchMigrate(int argc, char** argv) {
  return Poco::makeAuto<MigrateCommand>()->launch(argc, argv);
}

}  // namespace confpress::app
