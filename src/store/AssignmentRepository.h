#pragma once
// Reviewer assignments (role 'reviewer') of a conference's papers: who reviews what, whether the pair was
// entered by hand ('manual', kept by the assignment engine) or by the engine ('auto'), and whether a
// review was started (such a pair is never removed by a new assignment). Works inside the caller's
// session; call the changes inside Database::transaction.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace confpress::store {

struct AssignmentRecord {
  int64_t submissionId = 0;
  int64_t personId = 0;
  std::string source = "auto";  // manual or auto
  bool fixed = false;           // kept by every run of the engine
  bool reviewStarted = false;   // a review (draft or submitted) exists (filled on read)
  std::string createdAt;
};

class AssignmentRepository {
 public:
  explicit AssignmentRepository(Poco::Data::Session& session) : s_(session) {}

  /// Every reviewer assignment of the conference's papers, by submission then person.
  std::vector<AssignmentRecord> list(int64_t conferenceId);
  std::optional<AssignmentRecord> find(int64_t submissionId, int64_t personId);
  /// Adds the pair (or, when it exists, makes it `source`/`fixed`).
  void add(int64_t submissionId, int64_t personId, const std::string& source, bool fixed);
  /// Removes the pair; false when it was not assigned.
  bool remove(int64_t submissionId, int64_t personId);

 private:
  Poco::Data::Session& s_;
};

}  // namespace confpress::store
