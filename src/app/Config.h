#pragma once
// Everything a confpress command can be told, with its default. Filled from command-line options.
#include <string>

#include "mail/MailOptions.h"
#include "preflight/Sandbox.h"
#include "web/HttpServer.h"

namespace confpress::app {

struct Config {
  /// Where rows live: sqlite:PATH (relative to the working directory).
  std::string databaseUrl = "sqlite:var/confpress.db";
  /// Where uploaded files live (content-addressed).
  std::string dataDir = "var/data";
  /// Where templates/, migrations/ and samples/ are; the source tree by default.
  std::string resourceDir = CONFPRESS_SOURCE_DIR;
  /// Base of absolute links in e-mails; empty means the server's own http://HOST:PORT.
  std::string publicUrl;
  web::ServerOptions server;
  /// The SMTP relay, the From address and the outbox's retry policy.
  mail::MailOptions mail;
  /// How uploads are checked: a worker process (`confpress preflight --worker`, the running binary by
  /// default) bounded in time and memory; at most `preflightWorkers` at once (0: one per CPU).
  preflight::SandboxOptions preflight;
  int preflightWorkers = 0;

  std::string templatesDir() const { return resourceDir + "/templates"; }
  std::string migrationsDir() const { return resourceDir + "/migrations"; }
  std::string samplesDir() const { return resourceDir + "/samples"; }
};

}  // namespace confpress::app
