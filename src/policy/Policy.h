#pragma once
// The one place that answers "may this person do this?". Handlers and services ask it; none decides on
// its own. Later rooms (submissions, reviews) add their questions here.
#include <algorithm>
#include <string>
#include <vector>

#include "auth/Principal.h"

namespace confpress::policy {

/// What a person is in one conference.
struct ConferenceStanding {
  bool isSiteAdmin = false;
  std::vector<std::string> roles;  // admin, chair, pc, senior_pc, author, editor
  bool has(const std::string& role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  }
  bool isChairOrAdmin() const { return isSiteAdmin || has("admin") || has("chair"); }
};

/// Site administrators create conferences.
inline bool mayCreateConference(const auth::Principal& who) {
  return who.isAdmin;
}

/// Chairs and administrators edit a conference's settings.
inline bool mayEditConference(const ConferenceStanding& s) {
  return s.isChairOrAdmin();
}

/// Chairs and administrators grant and revoke roles; only administrators grant "admin".
inline bool mayGrantRole(const ConferenceStanding& s, const std::string& role) {
  return role == "admin" ? (s.isSiteAdmin || s.has("admin")) : s.isChairOrAdmin();
}

/// Chairs and administrators read who holds which role and the audit log.
inline bool mayViewCommittee(const ConferenceStanding& s) {
  return s.isChairOrAdmin();
}

// --- Submissions ---

/// Chairs and administrators see every submission; authors see their own; everyone else sees none (and
/// is told "not found", so that a paper's existence does not leak).
inline bool maySeeSubmission(const ConferenceStanding& s, bool isAuthor) {
  return s.isChairOrAdmin() || isAuthor;
}

/// Chairs list, filter and export every submission of their conference.
inline bool mayListAllSubmissions(const ConferenceStanding& s) {
  return s.isChairOrAdmin();
}

/// Who may change a submission (metadata, PDF, submit): chairs always; its authors until the deadline and
/// while it is a draft or submitted (not once withdrawn or decided).
inline bool mayChangeSubmission(const ConferenceStanding& s, bool isAuthor, bool deadlinePassed,
                                const std::string& status) {
  if (s.isChairOrAdmin()) return true;
  return isAuthor && !deadlinePassed && (status == "draft" || status == "submitted");
}

/// Authors withdraw their paper before a decision; chairs at any time.
inline bool mayWithdrawSubmission(const ConferenceStanding& s, bool isAuthor, const std::string& status) {
  if (s.isChairOrAdmin()) return status != "withdrawn";
  return isAuthor && (status == "draft" || status == "submitted");
}

/// Chairs extend one paper's deadline.
inline bool mayExtendDeadline(const ConferenceStanding& s) {
  return s.isChairOrAdmin();
}

}  // namespace confpress::policy
