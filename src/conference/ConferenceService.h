#pragma once
// Conferences: creating and editing them, their topics, and the roles people hold in them. Validates
// every field (naming it in the error), asks the policy module, audits every change. Thread-safe.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/Principal.h"
#include "policy/Policy.h"
#include "store/ConferenceRepository.h"
#include "store/Database.h"

namespace confpress::conference {

struct TopicInput {
  std::string name;
  std::string nameEn;
};

/// Submission rules as a client sent them; absent fields stay as they are.
struct RulesInput {
  std::optional<int64_t> maxPdfMb, minPages, maxPages;
  std::optional<std::vector<std::string>> paperSizes;
  std::optional<bool> referencesMayExceed;
  std::optional<std::string> blind;
  std::optional<std::vector<std::string>> requiredFields;
  std::optional<std::map<std::string, std::string>> severity;  // preflight problem code → error|warning|off
};

/// Fields of a conference as a client sent them; absent fields are left as they are (on update) or take
/// their defaults (on create). An empty date clears it.
struct ConferenceInput {
  std::optional<std::string> slug, title, titleEn, acronym, organiser, venue, startDate, endDate, timezone,
      language, callText, callTextEn;
  std::optional<std::vector<TopicInput>> topics;
  std::optional<RulesInput> rules;
  /// Deadline kind → what the chair wrote (see Deadlines.h); an empty text removes that deadline.
  std::optional<std::map<std::string, std::string>> deadlines;
};

/// Someone to grant a role to; the names are needed only when the e-mail is not yet known.
struct RoleGrant {
  std::string email;
  std::string role;
  std::string familyName;
  std::string givenName;
  std::string affiliation;
};

class ConferenceService {
 public:
  explicit ConferenceService(store::Database& db) : db_(db) {}

  store::ConferenceRecord create(const ConferenceInput& input, const auth::Principal& who,
                                 const auth::Origin& origin);
  store::ConferenceRecord update(const std::string& slug, const ConferenceInput& input,
                                 const auth::Principal& who, const auth::Origin& origin);
  std::vector<store::ConferenceRecord> list();
  /// Throws NotFound.
  store::ConferenceRecord get(const std::string& slug);

  /// The caller's standing in a conference (no roles when signed out).
  policy::ConferenceStanding standing(int64_t conferenceId, const std::optional<auth::Principal>& who);

  void grantRole(const std::string& slug, const RoleGrant& grant, const auth::Principal& who,
                 const auth::Origin& origin);
  void revokeRole(const std::string& slug, const std::string& email, const std::string& role,
                  const auth::Principal& who, const auth::Origin& origin);
  /// Role holders sorted by name with Vietnamese collation (family name, then given name).
  std::vector<store::RoleHolder> roleHolders(const std::string& slug, const auth::Principal& who);

  static bool isKnownRole(const std::string& role);

 private:
  store::Database& db_;
};

}  // namespace confpress::conference
