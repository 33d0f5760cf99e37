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

/// What a conference requires of a submission (columns of conferences).
struct SubmissionRules {
  int maxPdfMb = 20;
  int minPages = 1;
  int maxPages = 30;
  std::vector<std::string> paperSizes = {"A4", "Letter"};
  bool referencesMayExceed = true;  // pages of references do not count against max_pages
  std::string blind = "double";     // "single" or "double"
  /// Optional fields the conference makes required: abstract, keywords, topics, affiliation, country, orcid.
  std::vector<std::string> requiredFields = {"abstract"};
  std::string severityJson = "{}";  // preflight severities per problem code, {"bottom_margin":"error"}
};

/// One deadline: the instant (UTC) and what the chair wrote ("2026-12-01 AoE").
struct DeadlineRecord {
  std::string kind;  // registration, submission, camera_ready
  std::string atUtc;
  std::string writtenAs;
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
  SubmissionRules rules;
  std::vector<DeadlineRecord> deadlines;  // those that are set, in kDeadlineKinds order
  std::string createdAt;
  std::string updatedAt;
};

/// The deadline of `kind` ("" when none is set).
std::string deadlineOf(const ConferenceRecord& c, const std::string& kind);

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
  std::vector<DeadlineRecord> deadlinesOf(int64_t conferenceId);
  void replaceDeadlines(int64_t conferenceId, const std::vector<DeadlineRecord>& deadlines);
  void replaceTopics(int64_t conferenceId, const std::vector<TopicRecord>& topics);
  void updateRules(const ConferenceRecord& c);
  std::vector<ConferenceRecord> select(const std::string& where, const std::optional<std::string>& key);
  Poco::Data::Session& s_;
};

}  // namespace confpress::store
