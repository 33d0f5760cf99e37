#pragma once
// The running program's objects, built from a Config and wired together once: database, templates,
// services and what the web layer needs. Commands and integration tests both start from here.
#include <memory>

#include "app/Config.h"
#include "assignment/AssignmentService.h"
#include "auth/AccountService.h"
#include "auth/SessionService.h"
#include "auth/SignInThrottle.h"
#include "committee/AffinityService.h"
#include "committee/BidService.h"
#include "committee/CommitteeService.h"
#include "committee/ConflictService.h"
#include "committee/ReviewerProfileService.h"
#include "conference/ConferenceService.h"
#include "files/FileStore.h"
#include "jobs/JobRunner.h"
#include "preflight/IsolatedPreflight.h"
#include "render/TemplateLibrary.h"
#include "store/Database.h"
#include "submission/SubmissionService.h"
#include "web/Services.h"

namespace confpress::app {

class Runtime {
 public:
  explicit Runtime(Config config);

  /// Applies pending migrations; returns how many ran.
  int migrate();

  /// The web layer's view; publicUrl defaults to `serverUrl` when the config gives none.
  web::Services webServices(const std::string& serverUrl);
  /// Links in e-mails point at the configured public URL, or else at `serverUrl` (the address the server
  /// actually bound, known only after bind()); returns the one chosen.
  std::string setServerUrl(const std::string& serverUrl);

  const Config config;
  store::Database db;
  files::FileStore files;
  render::TemplateLibrary templates;
  auth::SignInThrottle throttle;
  auth::AccountService accounts;
  auth::SessionService sessions;
  conference::ConferenceService conferences;
  /// Checks uploads in sandboxed workers; shared (fork server, worker slots) by every service that reads
  /// PDFs.
  preflight::IsolatedPreflight preflight;
  submission::SubmissionService submissions;
  committee::CommitteeService committee;
  committee::ReviewerProfileService profiles;
  committee::ConflictService conflicts;
  committee::BidService bids;
  committee::AffinityService affinities;
  /// Runs background jobs (reviewer assignment); `serve` starts it.
  jobs::JobRunner jobs;
  assignment::AssignmentService assignments;
};

}  // namespace confpress::app
