#pragma once
// The programme committee of a conference: its members (invitation state, role, loads), their topics of
// expertise, profile text and the text of their past papers. Works inside the caller's session so that a
// change, its audit entry and its mail share one transaction.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace confpress::store {

struct CommitteeMemberRecord {
  int64_t conferenceId = 0;
  int64_t personId = 0;
  std::string email;  // the person's, read with the member
  std::string familyName;
  std::string givenName;
  std::string nameOrder = "family_first";
  std::string affiliation;
  std::string locale = "vi";
  std::string status = "invited";  // invited, accepted, declined
  std::string role = "pc";         // pc or senior_pc
  int minLoad = 0;
  std::optional<int> maxLoad;  // none: no limit
  std::string profileText;
  std::vector<int64_t> topicIds;  // in the conference's topic order
  int papers = 0;                 // past papers uploaded
  std::optional<int64_t> invitedBy;
  std::optional<std::string> invitedAt;
  std::optional<std::string> respondedAt;
  std::string updatedAt;
};

/// A past paper's extracted text (the file itself is not kept).
struct CommitteePaperRecord {
  int64_t id = 0;
  std::string sha256;
  std::string fileName;
  int pages = 0;
  std::string text;
  int64_t textBytes = 0;  // the length of text (also when it was not read)
  std::string uploadedAt;
};

class CommitteeRepository {
 public:
  explicit CommitteeRepository(Poco::Data::Session& session) : s_(session) {}

  /// Inserts the member, or replaces status, role, loads and invitation fields of an existing one (the
  /// profile and topics stay).
  void upsert(const CommitteeMemberRecord& member);
  /// Sets the answer (accepted or declined) and when it was given.
  void setStatus(int64_t conferenceId, int64_t personId, const std::string& status);
  void setProfileText(int64_t conferenceId, int64_t personId, const std::string& text);
  void replaceTopics(int64_t conferenceId, int64_t personId, const std::vector<int64_t>& topicIds);

  /// Deletes the member with their topics and past papers; returns true when they existed.
  bool remove(int64_t conferenceId, int64_t personId);

  std::optional<CommitteeMemberRecord> find(int64_t conferenceId, int64_t personId);
  /// Every member of the conference with person, topics and paper count (unsorted).
  std::vector<CommitteeMemberRecord> list(int64_t conferenceId);

  /// Records a past paper (once per file hash); returns its id.
  int64_t addPaper(int64_t conferenceId, int64_t personId, const CommitteePaperRecord& paper);
  /// Returns true when the paper existed.
  bool removePaper(int64_t conferenceId, int64_t personId, int64_t paperId);
  /// The member's papers, newest first; with `withText` false the text is left empty.
  std::vector<CommitteePaperRecord> papers(int64_t conferenceId, int64_t personId, bool withText);

 private:
  Poco::Data::Session& s_;
};

}  // namespace confpress::store
