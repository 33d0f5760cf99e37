#include "app/Runtime.h"

#include <fstream>
#include <sstream>

#include "preflight/Inspector.h"
#include "store/Migrator.h"

namespace confpress::app {

namespace {

preflight::Report inspectInProcess(const std::string& path, const preflight::Rules& rules) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return preflight::inspectPdf(bytes.str(), rules);
}

}  // namespace

Runtime::Runtime(Config cfg)
    : config(std::move(cfg)),
      db(config.databaseUrl, store::DatabaseOptions{static_cast<size_t>(config.server.threads) + 4, 10000}),
      files(config.dataDir),
      templates(config.templatesDir()),
      accounts(db, templates),
      sessions(db, throttle),
      conferences(db),
      submissions(db, files, templates, inspectInProcess) {}

int Runtime::migrate() {
  return static_cast<int>(store::Migrator(db, config.migrationsDir()).migrate().size());
}

web::Services Runtime::webServices(const std::string& serverUrl) {
  const std::string publicUrl = config.publicUrl.empty() ? serverUrl : config.publicUrl;
  submissions.setPublicUrl(publicUrl);
  return web::Services{db, templates, accounts, sessions, conferences, submissions, publicUrl, web::Limits{}};
}

}  // namespace confpress::app
