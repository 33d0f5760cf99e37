#pragma once
// Submissions: their metadata, ordered authors, topics, declared conflicts and every uploaded version.
// Works inside the caller's session so that a change and its audit entry share one transaction.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace confpress::store {

struct SubmissionAuthor {
  std::optional<int64_t> personId;  // set when the e-mail belongs to a known person
  std::string familyName;
  std::string givenName;
  std::string nameOrder = "family_first";
  std::string email;
  std::string affiliation;
  std::string country;
  std::optional<std::string> orcid;
  bool corresponding = false;
};

struct DeclaredConflict {
  std::string email;
  std::string type;  // collaborator, advisor, institutional, personal, other
};

/// One uploaded PDF. Versions are never deleted; the newest of a kind is the current one.
struct VersionRecord {
  int64_t id = 0;
  std::string kind = "submission";  // or camera_ready
  std::string sha256;
  int64_t size = 0;
  int pages = 0;
  std::string paperSize;
  std::string preflightStatus;  // ok, warning (versions with errors are refused, never stored)
  std::string preflightJson;
  std::string fileName;
  std::optional<int64_t> uploadedBy;
  std::string uploadedAt;
};

struct SubmissionRecord {
  int64_t id = 0;
  int64_t conferenceId = 0;
  int number = 0;  // 1, 2, 3 … within the conference: what people call "paper #7"
  std::string title;
  std::string abstract;
  std::vector<std::string> keywords;
  std::vector<int64_t> topicIds;
  std::string status = "draft";  // draft, submitted, withdrawn, accepted, rejected
  std::optional<std::string> decisionKind;
  std::optional<int64_t> submitterId;
  std::optional<std::string> deadlineExtension;  // UTC; a chair's extension for this paper
  std::optional<std::string> withdrawReason;
  std::optional<std::string> externalId;
  std::string createdAt;
  std::string updatedAt;
  std::optional<std::string> submittedAt;
  std::optional<std::string> withdrawnAt;
  std::vector<SubmissionAuthor> authors;  // in order
  std::vector<DeclaredConflict> declaredConflicts;
  std::optional<VersionRecord> current;  // the newest "submission" version
};

/// What a list shows; empty fields do not filter.
struct SubmissionFilter {
  std::optional<int64_t> topicId;
  std::optional<std::string> status;
  std::optional<int64_t> authorPersonId;   // only submissions with this person among the authors
  std::optional<std::string> authorEmail;  // … or with this e-mail among the authors
};

class SubmissionRepository {
 public:
  explicit SubmissionRepository(Poco::Data::Session& session) : s_(session) {}

  /// Inserts the submission with the next number in its conference; returns id and number.
  std::pair<int64_t, int> insert(const SubmissionRecord& submission);
  /// Replaces the metadata, authors, topics and declared conflicts (not status, not versions).
  void updateMetadata(const SubmissionRecord& submission);
  void setStatus(int64_t id, const std::string& status, const std::optional<std::string>& withdrawReason);
  void setDeadlineExtension(int64_t id, const std::optional<std::string>& untilUtc);

  /// The submission numbered `number` in a conference.
  std::optional<SubmissionRecord> find(int64_t conferenceId, int64_t number);
  std::optional<SubmissionRecord> findByExternalId(int64_t conferenceId, const std::string& externalId);
  /// Matching submissions by number, each with authors, topics and current version.
  std::vector<SubmissionRecord> list(int64_t conferenceId, const SubmissionFilter& filter);
  /// Count of submissions per status in a conference.
  std::vector<std::pair<std::string, int>> countByStatus(int64_t conferenceId);

  /// Records a stored file (once per hash) and a new version of `submissionId`; returns the version id.
  int64_t addVersion(int64_t submissionId, const VersionRecord& version, const std::string& mediaType);
  /// Every version of a kind, newest first.
  std::vector<VersionRecord> versions(int64_t submissionId, const std::string& kind);
  std::optional<VersionRecord> findVersion(int64_t submissionId, int64_t versionId);

 private:
  std::vector<SubmissionRecord> select(const std::string& where, const std::vector<std::string>& keys);
  void replaceAuthors(const SubmissionRecord& submission);
  void loadDetails(std::vector<SubmissionRecord>& submissions);
  Poco::Data::Session& s_;
};

}  // namespace confpress::store
