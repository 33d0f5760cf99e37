#include "app/Runtime.h"

#include <iostream>

#include "assignment/AssignmentJob.h"
#include "store/Migrator.h"

namespace confpress::app {

Runtime::Runtime(Config cfg)
    : config(std::move(cfg)),
      db(config.databaseUrl, store::DatabaseOptions{static_cast<size_t>(config.server.threads) + 4, 10000}),
      files(config.dataDir),
      templates(config.templatesDir()),
      accounts(db, templates),
      sessions(db, throttle),
      conferences(db),
      preflight(config.preflight, config.preflightWorkers),
      submissions(db, files, templates, preflight),
      committee(db, templates),
      profiles(db, files, preflight),
      conflicts(db),
      bids(db),
      affinities(db),
      jobs(db, &std::cerr),
      assignments(db, jobs) {
  jobs.handle(assignment::kAssignmentJob, [this](const store::JobRecord& job, jobs::JobProgress& progress) {
    return assignment::runAssignmentJob(db, job, progress);
  });
}

int Runtime::migrate() {
  return static_cast<int>(store::Migrator(db, config.migrationsDir()).migrate().size());
}

std::string Runtime::setServerUrl(const std::string& serverUrl) {
  const std::string publicUrl = config.publicUrl.empty() ? serverUrl : config.publicUrl;
  submissions.setPublicUrl(publicUrl);
  committee.setPublicUrl(publicUrl);
  return publicUrl;
}

web::Services Runtime::webServices(const std::string& serverUrl) {
  const std::string publicUrl = setServerUrl(serverUrl);
  return web::Services{db,       templates, accounts, sessions,   conferences, submissions, committee,
                       profiles, conflicts, bids,     affinities, assignments, publicUrl,   web::Limits{}};
}

}  // namespace confpress::app
