#pragma once
// Conferences, their topics and the roles people hold in them.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace confpress::store {

struct TopicRecord {
  int64_t id = 0;
  std::string name;
  std::string nameEn;
};

struct ConferenceRecord {
  int64_t id = 0;
  std::string slug;
  std::string title;
  std::string titleEn;
  std::string acronym;
  std::string organiser;
  std::string venue;
  std::optional<std::string> startDate;  // YYYY-MM-DD
  std::optional<std::string> endDate;
  std::string timezone;
  std::string language = "vi";
  std::string callText;
  std::string callTextEn;
  std::vector<TopicRecord> topics;  // in display order
  std::string createdAt;
  std::string updatedAt;
};

struct RoleHolder {
  int64_t personId = 0;
  std::string email;
  std::string familyName;
  std::string givenName;
  std::string nameOrder;
  std::string affiliation;
  std::string role;
};

class ConferenceRepository {
 public:
  explicit ConferenceRepository(Poco::Data::Session& session) : s_(session) {}

  /// Inserts the conference and its topics; returns the new id.
  int64_t insert(const ConferenceRecord& c, std::optional<int64_t> createdBy);
  /// Updates every field but id and slug; replaces the topic list (topics kept by name keep their id).
  void update(const ConferenceRecord& c);
  std::optional<ConferenceRecord> findBySlug(const std::string& slug);
  /// All conferences, newest start date first.
  std::vector<ConferenceRecord> list();

  void grantRole(int64_t conferenceId, int64_t personId, const std::string& role,
                 std::optional<int64_t> grantedBy);
  /// Returns true if the role was held.
  bool revokeRole(int64_t conferenceId, int64_t personId, const std::string& role);
  std::vector<std::string> rolesOf(int64_t conferenceId, int64_t personId);
  std::vector<RoleHolder> roleHolders(int64_t conferenceId);

 private:
  std::vector<TopicRecord> topicsOf(int64_t conferenceId);
  void replaceTopics(int64_t conferenceId, const std::vector<TopicRecord>& topics);
  std::vector<ConferenceRecord> select(const std::string& where, const std::optional<std::string>& key);
  Poco::Data::Session& s_;
};

}  // namespace confpress::store
