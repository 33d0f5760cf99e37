#pragma once
// Conflicts of interest between people and papers: the rows chairs review (declared by authors, declared
// by reviewers, detected, set by chairs) and, for deciding access, every fact that makes a person
// conflicted with a paper, including declarations not yet reviewed and authorship. Works inside the
// caller's session.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace confpress::store {

struct ConflictRecord {
  int64_t id = 0;
  int64_t submissionId = 0;
  int number = 0;  // the paper's number in its conference
  std::string title;
  int64_t personId = 0;
  std::string email;  // the person's
  std::string familyName;
  std::string givenName;
  std::string nameOrder = "family_first";
  std::string type;    // collaborator, advisor, institutional, personal, other, author
  std::string source;  // author (declared with the paper), reviewer, detected, chair
  std::string evidence;
  std::string status = "confirmed";  // pending, confirmed, dismissed
  std::string createdAt;
  std::optional<int64_t> decidedBy;
  std::optional<std::string> decidedAt;
};

/// One reason why a person may be conflicted with a paper, for access decisions. `source` is a row's
/// source, or "declared" for an author's declaration no row records yet (it counts as confirmed), or
/// "author_of" when the person is an author of the paper.
struct ConflictFact {
  int64_t submissionId = 0;
  int64_t personId = 0;
  std::string status;
  std::string source;
};

class ConflictRepository {
 public:
  explicit ConflictRepository(Poco::Data::Session& session) : s_(session) {}

  /// Inserts the conflict of (submission, person, source) with `status`, or updates type and evidence of
  /// the existing one and keeps its status (so a dismissed detection stays dismissed). Returns true when
  /// a row was inserted.
  bool upsert(int64_t submissionId, int64_t personId, const std::string& source, const std::string& type,
              const std::string& evidence, const std::string& status);
  void setStatus(int64_t id, const std::string& status, int64_t decidedBy);
  void remove(int64_t id);

  std::optional<ConflictRecord> find(int64_t conferenceId, int64_t id);
  /// Rows of a conference by paper number and person, optionally of one status and/or one source.
  std::vector<ConflictRecord> list(int64_t conferenceId, const std::optional<std::string>& status = {},
                                   const std::optional<std::string>& source = {});

  /// Every conflict fact of one person (known by id and e-mail) in a conference.
  std::vector<ConflictFact> factsFor(int64_t conferenceId, int64_t personId, const std::string& email);
  /// Every conflict fact of a conference.
  std::vector<ConflictFact> facts(int64_t conferenceId);

 private:
  Poco::Data::Session& s_;
};

}  // namespace confpress::store
