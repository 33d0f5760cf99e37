#include "app/Runtime.h"

#include "store/Migrator.h"

namespace confpress::app {

Runtime::Runtime(Config cfg)
    : config(std::move(cfg)),
      db(config.databaseUrl, store::DatabaseOptions{static_cast<size_t>(config.server.threads) + 4, 10000}),
      files(config.dataDir),
      templates(config.templatesDir()),
      accounts(db, templates),
      sessions(db, throttle),
      conferences(db) {}

int Runtime::migrate() {
  return static_cast<int>(store::Migrator(db, config.migrationsDir()).migrate().size());
}

web::Services Runtime::webServices(const std::string& serverUrl) {
  return web::Services{db,           templates,   accounts,
                       sessions,     conferences, config.publicUrl.empty() ? serverUrl : config.publicUrl,
                       web::Limits{}};
}

}  // namespace confpress::app
