#pragma once
// What the web layer needs from the rest of the program, wired by app/. The referenced objects outlive
// the server and are all safe to share between request threads.
#include <string>

#include "assignment/AssignmentService.h"
#include "auth/AccountService.h"
#include "auth/SessionService.h"
#include "committee/AffinityService.h"
#include "committee/BidService.h"
#include "committee/CommitteeService.h"
#include "committee/ConflictService.h"
#include "committee/ReviewerProfileService.h"
#include "conference/ConferenceService.h"
#include "render/TemplateLibrary.h"
#include "store/Database.h"
#include "submission/SubmissionService.h"

namespace confpress::web {

struct Limits {
  size_t maxJsonBytes = 1 << 20;      // JSON API bodies
  size_t maxFormBytes = 256 << 10;    // HTML form posts (url-encoded)
  size_t maxImportBytes = 512 << 20;  // a HotCRP export with its PDFs inlined
};

struct Services {
  store::Database& db;
  const render::TemplateLibrary& templates;
  auth::AccountService& accounts;
  auth::SessionService& sessions;
  conference::ConferenceService& conferences;
  submission::SubmissionService& submissions;
  committee::CommitteeService& committee;
  committee::ReviewerProfileService& profiles;
  committee::ConflictService& conflicts;
  committee::BidService& bids;
  committee::AffinityService& affinities;
  assignment::AssignmentService& assignments;
  std::string publicUrl;  // base of absolute links (e-mails), e.g. http://127.0.0.1:8080
  Limits limits;
};

}  // namespace confpress::web
