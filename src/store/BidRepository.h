#pragma once
// Committee members' bids (eager, willing, neutral, not_willing) and the stored affinities between members
// and papers (sparse: see affinity/AffinityModel.h). Works inside the caller's session.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace confpress::store {

struct BidRecord {
  int64_t submissionId = 0;
  int64_t personId = 0;
  std::string level;
};

struct AffinityRecord {
  int64_t submissionId = 0;
  int64_t personId = 0;
  double score = 0;
};

class BidRepository {
 public:
  explicit BidRepository(Poco::Data::Session& session) : s_(session) {}

  void set(int64_t submissionId, int64_t personId, const std::string& level);
  void remove(int64_t submissionId, int64_t personId);
  /// One member's bids in a conference: submission id → level.
  std::map<int64_t, std::string> bidsOf(int64_t conferenceId, int64_t personId);
  /// Every bid in a conference.
  std::vector<BidRecord> all(int64_t conferenceId);

  /// Replaces every affinity of the conference's papers with `pairs`.
  void replaceAffinities(int64_t conferenceId, const std::vector<AffinityRecord>& pairs);
  /// One member's affinities: submission id → score.
  std::map<int64_t, double> affinitiesOf(int64_t conferenceId, int64_t personId);
  std::vector<AffinityRecord> affinities(int64_t conferenceId);

  /// Deletes one person's bids and affinities on the conference's papers (a member leaving the committee).
  void removeMember(int64_t conferenceId, int64_t personId);
  /// How many of the conference's papers the person is assigned to.
  int assignmentCount(int64_t conferenceId, int64_t personId);

 private:
  Poco::Data::Session& s_;
};

}  // namespace confpress::store
