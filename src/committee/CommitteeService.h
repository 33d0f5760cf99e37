#pragma once
// The programme committee of a conference: chairs invite members by e-mail or import a CSV list, set each
// member's role (pc or senior_pc), topics and load limits; members accept or decline. An invitation queues
// a mail (vi/en) in the outbox in the same transaction; accepting grants the committee role (and with it
// access to the submitted papers, minus conflicts: see policy::paperAccess), declining revokes it. Every
// change is validated field by field and audited. Thread-safe.
#include <optional>
#include <string>
#include <vector>

#include "auth/Principal.h"
#include "render/TemplateLibrary.h"
#include "store/CommitteeRepository.h"
#include "store/ConferenceRepository.h"
#include "store/Database.h"

namespace confpress::committee {

/// A member to invite (or, in an import, to update). Names are needed only for an unknown e-mail.
struct MemberInput {
  std::string email;
  std::string familyName;
  std::string givenName;
  std::string nameOrder = "family_first";
  std::string affiliation;  // kept on the person when they have none yet
  // Absent fields take their defaults for a new member and stay as they are for one already listed.
  std::optional<std::string> role;                 // pc (default) or senior_pc
  std::optional<std::vector<std::string>> topics;  // names (either language) or ids; default none
  std::optional<int64_t> minLoad;                  // default 0
  std::optional<int64_t> maxLoad;                  // default: no limit
};

/// A chair's change to a member; absent fields stay as they are. `clearMaxLoad` removes the limit.
struct MemberChange {
  std::optional<std::string> role;
  std::optional<std::vector<std::string>> topics;
  std::optional<int64_t> minLoad;
  std::optional<int64_t> maxLoad;
  bool clearMaxLoad = false;
};

struct ImportSummary {
  int invited = 0;  // new members (each mailed)
  int updated = 0;  // members already listed, whose role, topics and loads were replaced
};

class CommitteeService {
 public:
  CommitteeService(store::Database& db, const render::TemplateLibrary& templates);

  /// The base of links in e-mails; set once before requests are served.
  void setPublicUrl(std::string url) { publicUrl_ = std::move(url); }
  /// Whether invitations are mailed (off when loading sample data).
  void setNotifications(bool on) { notify_ = on; }

  /// Chairs: every member, sorted by name with Vietnamese collation.
  std::vector<store::CommitteeMemberRecord> list(const std::string& slug, const auth::Principal& who);
  /// Chairs: invites one person (Conflict "already_member" if they are invited or accepted already; a
  /// member who declined is invited again).
  store::CommitteeMemberRecord invite(const std::string& slug, const MemberInput& input,
                                      const auth::Principal& who, const auth::Origin& origin);
  /// Chairs: invites or updates every member of a CSV list (see CommitteeCsv.h), all or nothing.
  ImportSummary importCsv(const std::string& slug, const std::string& csv, const auth::Principal& who,
                          const auth::Origin& origin);
  /// Chairs: changes a member's role, topics or loads.
  store::CommitteeMemberRecord update(const std::string& slug, int64_t personId, const MemberChange& change,
                                      const auth::Principal& who, const auth::Origin& origin);
  /// Chairs: removes a member from the committee: their role, topics, past papers, bids and affinities go
  /// (conflict rows stay: they are facts about the person). Conflict "member_assigned" while papers are
  /// assigned to them; NotFound when they are not a member.
  void remove(const std::string& slug, int64_t personId, const auth::Principal& who,
              const auth::Origin& origin);
  /// The signed-in member's answer to their invitation; they may change it later.
  store::CommitteeMemberRecord respond(const std::string& slug, bool accept, const auth::Principal& who,
                                       const auth::Origin& origin);
  /// The signed-in person's membership (NotFound when they are not invited).
  store::CommitteeMemberRecord me(const std::string& slug, const auth::Principal& who);

 private:
  store::CommitteeMemberRecord inviteIn(Poco::Data::Session& s, const store::ConferenceRecord& c,
                                        const MemberInput& input, const std::string& prefix,
                                        const auth::Principal& who, const auth::Origin& origin,
                                        bool* created);
  void mailInvitation(Poco::Data::Session& s, const store::ConferenceRecord& c,
                      const store::CommitteeMemberRecord& member, const auth::Principal& who);

  store::Database& db_;
  const render::TemplateLibrary& templates_;
  std::string publicUrl_;
  bool notify_ = true;
};

/// Committee roles held in conference_roles follow the membership: `role` granted when accepted, both
/// committee roles revoked otherwise. For the store's session of the caller's transaction.
void syncCommitteeRole(Poco::Data::Session& s, int64_t conferenceId, int64_t personId,
                       const std::string& status, const std::string& role, std::optional<int64_t> by);

}  // namespace confpress::committee
