#pragma once
// A migrated Runtime over a fresh SQLite database in a temporary directory, for tests of the domain.
#include <memory>

#include "app/Runtime.h"
#include "support/TempDir.h"

namespace cptest {
using namespace confpress;

/// The configuration of every test runtime: a fresh database and file store in `dir`, uploads checked by
/// the confpress binary's preflight workers.
inline app::Config testConfig(const TempDir& dir) {
  app::Config config;
  config.databaseUrl = "sqlite:" + dir.file("test.db");
  config.dataDir = dir.file("data");
  config.preflight.workerBinary = CONFPRESS_BINARY;  // uploads are checked by `confpress preflight --worker`
  // Generous: sanitizer builds on a loaded machine check a page slowly. The limits themselves are tested
  // in tests/preflight with their own options.
  config.preflight.timeLimitSeconds = 60;
  return config;
}

inline std::unique_ptr<app::Runtime> makeRuntime(const TempDir& dir) {
  auto runtime = std::make_unique<app::Runtime>(testConfig(dir));
  runtime->migrate();
  return runtime;
}

inline auth::NewAccount sampleAccount(const std::string& email) {
  auth::NewAccount a;
  a.email = email;
  a.password = "correct horse battery";
  a.familyName = "Trần";
  a.givenName = "Thị Thu Hà";
  a.affiliation = "Học viện Hành chính Quốc gia";
  a.orcid = "0000-0002-1825-0097";
  return a;
}

}  // namespace cptest
