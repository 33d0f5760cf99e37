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

}  // namespace confpress::policy
