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
  /// Holds a committee role, which is granted when an invited member accepts.
  bool isCommitteeMember() const { return has("pc") || has("senior_pc"); }
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

// --- Submissions: who sees a paper, and in which capacity ---
//
// THE CONFLICT RULE lives here and nowhere else: a person with a blocking conflict of interest with a paper
// never sees it (nor, later, its reviews or discussion) in any capacity but that of its author, whatever
// their roles, and is never assigned to it. Every route reaches papers through
// submission::PaperVisibility, which gathers the facts (roles, authorship, conflicts) and asks paperAccess().

/// A conflict's status blocks unless a chair dismissed it: a detected conflict still waiting for a chair
/// ("pending") already hides the paper, so a likely conflict never leaks while nobody has looked at it.
inline bool isBlockingConflict(const std::string& status) {
  return status == "pending" || status == "confirmed";
}

/// What decides one person's access to one paper.
struct PaperRelation {
  bool isAuthor = false;      // listed among its authors (by person or e-mail)
  bool isConflicted = false;  // at least one blocking conflict (declared, detected or by a chair)
  std::string status;         // the paper's status
};

/// The capacity in which someone sees a paper; None means not at all (answered 404, like a missing one).
enum class PaperAccess {
  None,
  Author,     // their own paper: its metadata, versions and reports; a chair or member who wrote the paper
              // is conflicted and acts on it as an author only
  Committee,  // a committee member: the paper once submitted (no drafts), without declared conflicts,
              // preflight reports or versions, and without authors under double-blind review
  Chair,      // chairs and administrators: everything
};

inline PaperAccess paperAccess(const ConferenceStanding& s, const PaperRelation& r) {
  if (r.isAuthor) return PaperAccess::Author;
  if (r.isConflicted) return PaperAccess::None;
  if (s.isChairOrAdmin()) return PaperAccess::Chair;
  if (s.isCommitteeMember() && r.status != "draft") return PaperAccess::Committee;
  return PaperAccess::None;
}

inline bool maySeeSubmission(PaperAccess access) {
  return access != PaperAccess::None;
}

/// Every version and its preflight report: the authors and the chairs.
inline bool maySeeSubmissionHistory(PaperAccess access) {
  return access == PaperAccess::Author || access == PaperAccess::Chair;
}

/// Authors' names: hidden from the committee under double-blind review.
inline bool maySeeAuthors(PaperAccess access, const std::string& blind) {
  return access == PaperAccess::Author || access == PaperAccess::Chair || blind == "single";
}

/// Chairs list, filter and export every submission of their conference (each one still passes the
/// conflict rule).
inline bool mayListAllSubmissions(const ConferenceStanding& s) {
  return s.isChairOrAdmin();
}

/// Who may change a submission (metadata, PDF, submit): chairs always; its authors until the deadline and
/// while it is a draft or submitted (not once withdrawn or decided).
inline bool mayChangeSubmission(PaperAccess access, bool deadlinePassed, const std::string& status) {
  if (access == PaperAccess::Chair) return true;
  return access == PaperAccess::Author && !deadlinePassed && (status == "draft" || status == "submitted");
}

/// Authors withdraw their paper before a decision; chairs at any time.
inline bool mayWithdrawSubmission(PaperAccess access, const std::string& status) {
  if (access == PaperAccess::Chair) return status != "withdrawn";
  return access == PaperAccess::Author && (status == "draft" || status == "submitted");
}

/// Chairs extend one paper's deadline.
inline bool mayExtendDeadline(PaperAccess access) {
  return access == PaperAccess::Chair;
}

// --- Committee ---

/// Chairs invite, import and edit members, review conflicts and recompute affinities.
inline bool mayManageCommittee(const ConferenceStanding& s) {
  return s.isChairOrAdmin();
}

/// Members who accepted bid on the submitted papers they may see (a conflicted paper is not visible).
inline bool mayBid(const ConferenceStanding& s, PaperAccess access, const std::string& status) {
  return s.isCommitteeMember() && (access == PaperAccess::Committee || access == PaperAccess::Chair) &&
         status == "submitted";
}

/// Chairs and administrators run the assignment, preview and commit it, and assign by hand.
inline bool mayAssignReviewers(const ConferenceStanding& s) {
  return s.isChairOrAdmin();
}

/// A pair the assignment may use: never an author of the paper, never a blocking conflict.
inline bool mayBeAssigned(const PaperRelation& r) {
  return !r.isAuthor && !r.isConflicted;
}

}  // namespace confpress::policy
