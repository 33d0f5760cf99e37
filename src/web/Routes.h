#pragma once
// Every route of the service, registered by the file that handles it (one file per resource).
#include "web/Router.h"

namespace confpress::web {

void addHealthRoutes(Router& router);      // api/HealthApi.cpp
void addAccountRoutes(Router& router);     // api/AccountsApi.cpp: accounts, session, password reset
void addConferenceRoutes(Router& router);  // api/ConferencesApi.cpp: conferences, roles, audit
void addSubmissionRoutes(Router& router);  // api/SubmissionsApi.cpp: submissions, PDFs, versions
void addCommitteeRoutes(Router& router);   // api/CommitteeApi.cpp: members, invitations, profiles
void addConflictRoutes(Router& router);    // api/ConflictsApi.cpp: conflicts of interest
void addBidRoutes(Router& router);         // api/BidsApi.cpp: bids, affinities
void addAssignmentRoutes(Router& router);  // api/AssignmentApi.cpp: assignment jobs, manual assignment
void addAuthPages(Router& router);         // pages/AuthPages.cpp: sign-in/up/out, password reset
void addSitePages(Router& router);  // pages/SitePages.cpp: home, conference page, language, static files
void addSubmissionPages(Router& router);  // pages/SubmissionPages.cpp: my submissions, form, paper page
void addAssignmentPages(Router& router);  // pages/AssignmentPages.cpp: run, preview, commit, manual changes
void addCommitteePages(Router& router);   // pages/CommitteePages.cpp: chairs' committee, invite, import
void addMemberPages(Router& router);      // pages/MemberPages.cpp: invitation answer, reviewer profile
void addBidPages(Router& router);         // pages/BidPages.cpp: members' bidding page
void addConflictPages(Router& router);    // pages/ConflictPages.cpp: chairs' conflicts, affinities

inline Router allRoutes() {
  Router router;
  addHealthRoutes(router);
  addAccountRoutes(router);
  addConferenceRoutes(router);
  addSubmissionRoutes(router);
  addCommitteeRoutes(router);
  addConflictRoutes(router);
  addBidRoutes(router);
  addAssignmentRoutes(router);
  addAuthPages(router);
  addSitePages(router);
  addSubmissionPages(router);
  addAssignmentPages(router);
  addCommitteePages(router);
  addMemberPages(router);
  addBidPages(router);
  addConflictPages(router);
  return router;
}

}  // namespace confpress::web
