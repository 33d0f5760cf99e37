#include "committee/CommitteeService.h"

#include <algorithm>
#include <set>

#include "auth/Identity.h"
#include "committee/CommitteeCsv.h"
#include "committee/CommitteeSupport.h"
#include "core/Errors.h"
#include "core/Time.h"
#include "mail/MailComposer.h"
#include "store/AuditLog.h"
#include "store/BidRepository.h"
#include "store/Outbox.h"
#include "store/PeopleRepository.h"
#include "text/Collation.h"

namespace confpress::committee {

namespace {

std::string checkRole(const std::string& raw, const std::string& field) {
  if (raw == "pc" || raw == "senior_pc") return raw;
  throw ValidationError(field, "invalid_value", field + " must be pc or senior_pc");
}

int checkLoad(int64_t value, const std::string& field) {
  if (value < 0 || value > 1000)
    throw ValidationError(field, "invalid_value", field + " must be a whole number from 0 to 1000");
  return static_cast<int>(value);
}

void checkLoadOrder(const store::CommitteeMemberRecord& m, const std::string& prefix) {
  if (m.maxLoad && m.minLoad > *m.maxLoad)
    throw ValidationError(prefix + "min_load", "invalid_value",
                          prefix + "min_load (" + std::to_string(m.minLoad) + ") exceeds " + prefix +
                              "max_load (" + std::to_string(*m.maxLoad) + ")");
}

// Finds the person by e-mail, or creates them from the names given (an invitee may have no account yet).
store::PersonRecord personFor(Poco::Data::Session& s, const store::ConferenceRecord& c, const MemberInput& in,
                              const std::string& email, const std::string& prefix) {
  store::PeopleRepository people(s);
  const std::string affiliation = auth::normaliseLine(in.affiliation, prefix + "affiliation", 300);
  if (auto known = people.findPersonByEmail(email)) {
    if (known->affiliation.empty() && !affiliation.empty()) {
      known->affiliation = affiliation;
      people.updatePerson(*known);
    }
    return *known;
  }
  if (in.familyName.empty() && in.givenName.empty())
    throw ValidationError(prefix + "family_name", "required",
                          email + " is not known yet: give family_name and given_name to invite this person");
  store::PersonRecord p;
  p.email = email;
  p.familyName = auth::normaliseName(in.familyName, prefix + "family_name");
  p.givenName =
      in.givenName.empty() ? std::string() : auth::normaliseName(in.givenName, prefix + "given_name");
  p.nameOrder = auth::normaliseNameOrder(in.nameOrder, prefix + "name_order");
  p.affiliation = affiliation;
  p.locale = c.language;
  p.id = people.insertPerson(p);
  return p;
}

}  // namespace

void syncCommitteeRole(Poco::Data::Session& s, int64_t conferenceId, int64_t personId,
                       const std::string& status, const std::string& role, std::optional<int64_t> by) {
  store::ConferenceRepository roles(s);
  for (const char* held : {"pc", "senior_pc"})
    if (status != "accepted" || role != held) roles.revokeRole(conferenceId, personId, held);
  if (status == "accepted") roles.grantRole(conferenceId, personId, role, by);
}

CommitteeService::CommitteeService(store::Database& db, const render::TemplateLibrary& templates)
    : db_(db), templates_(templates) {}

std::vector<store::CommitteeMemberRecord> CommitteeService::list(const std::string& slug,
                                                                 const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  const store::ConferenceRecord c = loadConference(s, slug);
  requireChair(s, c, who, "see the committee");
  auto members = store::CommitteeRepository(s).list(c.id);
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
    const int byFamily = text::compareVietnamese(a.familyName, b.familyName);
    return byFamily != 0 ? byFamily < 0 : text::compareVietnamese(a.givenName, b.givenName) < 0;
  });
  return members;
}

store::CommitteeMemberRecord CommitteeService::inviteIn(Poco::Data::Session& s,
                                                        const store::ConferenceRecord& c,
                                                        const MemberInput& in, const std::string& prefix,
                                                        const auth::Principal& who,
                                                        const auth::Origin& origin, bool* created) {
  const std::string email = auth::normaliseEmail(in.email, prefix + "email");
  std::optional<std::vector<int64_t>> topics;
  if (in.topics) topics = resolveTopics(*in.topics, c, prefix + "topics");
  const store::PersonRecord person = personFor(s, c, in, email, prefix);
  store::CommitteeRepository repo(s);
  const auto existing = repo.find(c.id, person.id);
  const bool fresh = !existing || existing->status == "declined";
  store::CommitteeMemberRecord m = existing.value_or(store::CommitteeMemberRecord{});
  m.conferenceId = c.id;
  m.personId = person.id;
  if (in.role) m.role = checkRole(*in.role, prefix + "role");
  if (in.minLoad) m.minLoad = checkLoad(*in.minLoad, prefix + "min_load");
  if (in.maxLoad) m.maxLoad = checkLoad(*in.maxLoad, prefix + "max_load");
  checkLoadOrder(m, prefix);
  if (fresh) {
    m.status = "invited";
    m.invitedBy = who.personId;
    m.invitedAt = nowUtc();
    m.respondedAt.reset();
  }
  repo.upsert(m);
  if (topics) repo.replaceTopics(c.id, person.id, *topics);
  syncCommitteeRole(s, c.id, person.id, m.status, m.role, who.personId);
  store::appendAudit(s, {who.personId, origin.ip, fresh ? "committee.invite" : "committee.update", "person",
                         std::to_string(person.id), c.id,
                         store::auditDetail({{"email", email}, {"role", m.role}, {"status", m.status}})});
  store::CommitteeMemberRecord stored = *repo.find(c.id, person.id);
  if (fresh) mailInvitation(s, c, stored, who);
  if (created) *created = fresh;
  return stored;
}

store::CommitteeMemberRecord CommitteeService::invite(const std::string& slug, const MemberInput& input,
                                                      const auth::Principal& who,
                                                      const auth::Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    requireChair(s, c, who, "invite committee members");
    const std::string email = auth::normaliseEmail(input.email, "email");
    if (auto person = store::PeopleRepository(s).findPersonByEmail(email))
      if (auto m = store::CommitteeRepository(s).find(c.id, person->id); m && m->status != "declined")
        throw Conflict("already_member",
                       email + " is already " + (m->status == "invited" ? "invited" : "a member"), "email");
    return inviteIn(s, c, input, "", who, origin, nullptr);
  });
}

ImportSummary CommitteeService::importCsv(const std::string& slug, const std::string& csv,
                                          const auth::Principal& who, const auth::Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    requireChair(s, c, who, "import committee members");
    ImportSummary summary;
    std::set<std::string> seen;
    for (const CsvMember& row : readCommitteeCsv(csv, c.language)) {
      const std::string prefix = "line[" + std::to_string(row.line) + "].";
      MemberInput in{row.email, row.familyName, row.givenName, row.nameOrder, row.affiliation,
                     row.role,  row.topics,     row.minLoad,   row.maxLoad};
      try {
        if (!seen.insert(auth::normaliseEmail(row.email, prefix + "email")).second)
          failAtLine(row.line, "email", "duplicate", row.email + " is listed twice");
        bool created = false;
        inviteIn(s, c, in, prefix, who, origin, &created);
        ++(created ? summary.invited : summary.updated);
      } catch (const ValidationError& e) {
        const std::string line = "line " + std::to_string(row.line) + ": ";
        const std::string message = e.what();
        throw ValidationError(e.field(), e.code(), message.rfind(line, 0) == 0 ? message : line + message);
      }
    }
    return summary;
  });
}

store::CommitteeMemberRecord CommitteeService::update(const std::string& slug, int64_t personId,
                                                      const MemberChange& change, const auth::Principal& who,
                                                      const auth::Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    requireChair(s, c, who, "change committee members");
    store::CommitteeRepository repo(s);
    auto m = repo.find(c.id, personId);
    if (!m) throw NotFound("no committee member " + std::to_string(personId) + " in " + slug);
    if (change.role) m->role = checkRole(*change.role, "role");
    if (change.minLoad) m->minLoad = checkLoad(*change.minLoad, "min_load");
    if (change.maxLoad) m->maxLoad = checkLoad(*change.maxLoad, "max_load");
    if (change.clearMaxLoad) m->maxLoad.reset();
    checkLoadOrder(*m, "");
    std::optional<std::vector<int64_t>> topics;
    if (change.topics) topics = resolveTopics(*change.topics, c, "topics");
    repo.upsert(*m);
    if (topics) repo.replaceTopics(c.id, personId, *topics);
    syncCommitteeRole(s, c.id, personId, m->status, m->role, who.personId);
    store::appendAudit(s,
                       {who.personId, origin.ip, "committee.update", "person", std::to_string(personId), c.id,
                        store::auditDetail({{"role", m->role},
                                            {"min_load", std::to_string(m->minLoad)},
                                            {"max_load", m->maxLoad ? std::to_string(*m->maxLoad) : ""}})});
    return *repo.find(c.id, personId);
  });
}

void CommitteeService::remove(const std::string& slug, int64_t personId, const auth::Principal& who,
                              const auth::Origin& origin) {
  db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    requireChair(s, c, who, "remove committee members");
    store::CommitteeRepository repo(s);
    const auto m = repo.find(c.id, personId);
    if (!m) throw NotFound("no committee member " + std::to_string(personId) + " in " + slug);
    store::BidRepository bids(s);
    if (const int assigned = bids.assignmentCount(c.id, personId); assigned > 0)
      throw Conflict("member_assigned", m->email + " is assigned " + std::to_string(assigned) +
                                            " papers; remove those assignments first");
    syncCommitteeRole(s, c.id, personId, "removed", m->role, who.personId);
    bids.removeMember(c.id, personId);
    repo.remove(c.id, personId);
    store::appendAudit(s, {who.personId, origin.ip, "committee.remove", "person", std::to_string(personId),
                           c.id, store::auditDetail({{"email", m->email}, {"role", m->role}})});
  });
}

store::CommitteeMemberRecord CommitteeService::respond(const std::string& slug, bool accept,
                                                       const auth::Principal& who,
                                                       const auth::Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    store::CommitteeRepository repo(s);
    auto m = repo.find(c.id, who.personId);
    if (!m) throw NotFound("you are not invited to the committee of " + slug);
    const std::string status = accept ? "accepted" : "declined";
    repo.setStatus(c.id, who.personId, status);
    syncCommitteeRole(s, c.id, who.personId, status, m->role, m->invitedBy);
    store::appendAudit(s,
                       {who.personId, origin.ip, accept ? "committee.accept" : "committee.decline", "person",
                        std::to_string(who.personId), c.id, store::auditDetail({{"role", m->role}})});
    return *repo.find(c.id, who.personId);
  });
}

store::CommitteeMemberRecord CommitteeService::me(const std::string& slug, const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  const store::ConferenceRecord c = loadConference(s, slug);
  auto m = store::CommitteeRepository(s).find(c.id, who.personId);
  if (!m) throw NotFound("you are not invited to the committee of " + slug);
  return *m;
}

void CommitteeService::mailInvitation(Poco::Data::Session& s, const store::ConferenceRecord& c,
                                      const store::CommitteeMemberRecord& m, const auth::Principal& who) {
  if (!notify_) return;
  const std::string lang = m.locale == "en" ? "en" : "vi";
  const bool english = lang == "en" && !c.titleEn.empty();
  const std::string name = auth::displayName(m.familyName, m.givenName, m.nameOrder);
  const bool hasAccount = store::PeopleRepository(s).findAccountById(m.personId).has_value();
  mstch::map context{{"name", name},
                     {"conference_title", english ? c.titleEn : c.title},
                     {"conference_acronym", c.acronym},
                     {"senior", m.role == "senior_pc"},
                     {"inviter", who.displayName},
                     {"email", m.email},
                     {"has_account", hasAccount},
                     {"url", publicUrl_ + "/c/" + c.slug},
                     {"signup_url", publicUrl_ + "/signup"},
                     {"response_url", publicUrl_ + "/c/" + c.slug + "/invitation"},
                     {"site_name", std::string("ConfPress")}};
  mail::ComposedMail mail = mail::composeMail(templates_, "committee_invitation", lang, context);
  store::OutgoingMail out;
  out.toAddress = m.email;
  out.toName = name;
  out.subject = mail.subject;
  out.bodyText = mail.body;
  out.templateName = "committee_invitation";
  out.conferenceId = c.id;
  store::enqueueMail(s, out);
}

}  // namespace confpress::committee
