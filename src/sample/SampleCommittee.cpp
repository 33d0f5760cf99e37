#include "sample/SampleCommittee.h"
#include "sample/SampleLoader.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "auth/Identity.h"
#include "committee/BidService.h"
#include "committee/CommitteeService.h"
#include "core/Errors.h"
#include "store/BidRepository.h"
#include "store/CommitteeRepository.h"
#include "store/ConferenceRepository.h"
#include "store/ConflictRepository.h"
#include "store/PeopleRepository.h"
#include "store/SubmissionRepository.h"
#include "submission/Validation.h"
#include "text/Unicode.h"

namespace confpress::sample {

namespace {

auth::Principal principalOf(const store::PersonRecord& p) {
  return {p.id, p.email, auth::displayName(p.familyName, p.givenName, p.nameOrder), p.locale, false};
}

store::PersonRecord personOf(store::PeopleRepository& people, const std::string& email,
                             const std::string& where) {
  auto p = people.findPersonByEmail(email);
  if (!p) throw std::runtime_error(where + ": " + email + " is not one of the sample's people");
  return *p;
}

// Members accepted with their loads, topics and profile; the committee role they hold is kept.
int loadMembers(Poco::Data::Session& s, const store::ConferenceRecord& c,
                const Poco::JSON::Array::Ptr& members, const std::string& path) {
  store::PeopleRepository people(s);
  store::CommitteeRepository committee(s);
  store::ConferenceRepository conferences(s);
  for (unsigned i = 0; members && i < members->size(); ++i) {
    auto entry = members->getObject(i);
    const std::string where = path + ": members[" + std::to_string(i) + "]";
    const store::PersonRecord person = personOf(people, entry->getValue<std::string>("email"), where);
    const auto roles = conferences.rolesOf(c.id, person.id);
    store::CommitteeMemberRecord m = committee.find(c.id, person.id).value_or(store::CommitteeMemberRecord{});
    m.conferenceId = c.id;
    m.personId = person.id;
    m.status = "accepted";
    m.role = std::find(roles.begin(), roles.end(), "senior_pc") != roles.end() ? "senior_pc" : "pc";
    m.minLoad = entry->optValue<int>("min_load", 0);
    if (entry->has("max_load")) m.maxLoad = entry->getValue<int>("max_load");
    committee.upsert(m);
    committee::syncCommitteeRole(s, c.id, person.id, m.status, m.role, std::nullopt);
    committee.setProfileText(c.id, person.id,
                             text::cleanText(entry->optValue<std::string>("profile", ""), "profile"));
    std::vector<int64_t> topics;
    auto names = entry->getArray("topics");
    for (unsigned t = 0; names && t < names->size(); ++t) {
      try {
        topics.push_back(submission::resolveTopic(names->getElement<std::string>(t), c, "topics"));
      } catch (const Error& e) {
        throw std::runtime_error(where + ": " + e.what());
      }
    }
    committee.replaceTopics(c.id, person.id, topics);
  }
  return members ? static_cast<int>(members->size()) : 0;
}

// The chair's decisions on detected conflicts, applied while they are still pending.
void applyDecisions(Poco::Data::Session& s, const store::ConferenceRecord& c,
                    const Poco::JSON::Array::Ptr& decisions, const std::string& path) {
  store::PeopleRepository people(s);
  std::optional<int64_t> chair;
  for (const auto& h : store::ConferenceRepository(s).roleHolders(c.id))
    if (h.role == "chair" && !chair) chair = h.personId;
  if (!chair) throw std::runtime_error(c.slug + " has no chair to decide the sample's conflicts");
  store::ConflictRepository conflicts(s);
  for (unsigned i = 0; decisions && i < decisions->size(); ++i) {
    auto d = decisions->getObject(i);
    const std::string where = path + ": decisions[" + std::to_string(i) + "]";
    const int64_t person = personOf(people, d->getValue<std::string>("member"), where).id;
    const int number = d->getValue<int>("paper");
    for (const auto& row : conflicts.list(c.id, std::string("pending"), std::string("detected")))
      if (row.number == number && row.personId == person)
        conflicts.setStatus(row.id, d->getValue<std::string>("status"), *chair);
  }
}

}  // namespace

CommitteeSummary loadSampleCommittee(store::Database& db, const std::string& sampleDir,
                                     const std::string& slug) {
  const std::string path = sampleDir + "/committee.json";
  const Poco::JSON::Object::Ptr root = readSampleJson(path);
  const auth::Origin origin{"127.0.0.1", "confpress sample", std::nullopt};
  CommitteeSummary summary;
  store::ConferenceRecord c;
  db.transaction([&](Poco::Data::Session& s) {
    auto found = store::ConferenceRepository(s).findBySlug(slug);
    if (!found) throw std::runtime_error("no conference '" + slug + "' to load " + path + " into");
    c = *found;
    summary.members = loadMembers(s, c, root->getArray("members"), path);
  });

  // A member declares a conflict as members do, through a bid (unless it was declared before).
  committee::BidService bids(db);
  auto declared = root->getArray("declared_conflicts");
  for (unsigned i = 0; declared && i < declared->size(); ++i) {
    auto d = declared->getObject(i);
    store::PersonRecord member;
    bool before = false;
    {
      Poco::Data::Session s = db.session();
      store::PeopleRepository people(s);
      member = personOf(people, d->getValue<std::string>("member"), path + ": declared_conflicts");
      for (const auto& row : store::ConflictRepository(s).list(c.id, std::nullopt, std::string("reviewer")))
        before |= row.number == d->getValue<int>("paper") && row.personId == member.id;
    }
    if (!before)
      bids.setBid(slug, d->getValue<int>("paper"), "conflict", d->optValue<std::string>("type", "other"),
                  principalOf(member), origin);
  }

  db.transaction([&](Poco::Data::Session& s) {
    summary.detection = committee::detectConflictsIn(s, c.id, std::nullopt, origin.ip);
    applyDecisions(s, c, root->getArray("decisions"), path);
    summary.conflicts = static_cast<int>(store::ConflictRepository(s).list(c.id).size());
  });
  summary.affinity =
      committee::recomputeAffinities(db, c.id, affinity::AffinityOptions{}, std::nullopt, origin.ip);

  // Bids from each member's ranking: the best `eager`, the next `willing`, the last `not_willing`.
  auto counts = root->getObject("bids");
  const size_t eager = counts ? counts->optValue<int>("eager", 0) : 0;
  const size_t willing = counts ? counts->optValue<int>("willing", 0) : 0;
  const size_t unwilling = counts ? counts->optValue<int>("not_willing", 0) : 0;
  std::vector<store::PersonRecord> members;
  {
    Poco::Data::Session s = db.session();
    store::PeopleRepository people(s);
    store::BidRepository existing(s);
    for (const auto& m : store::CommitteeRepository(s).list(c.id))
      if (m.status == "accepted" && existing.bidsOf(c.id, m.personId).empty())
        members.push_back(*people.findPersonById(m.personId));
  }
  for (const auto& person : members) {
    const auth::Principal who = principalOf(person);
    const auto ranking = bids.papers(slug, who);
    for (size_t i = 0; i < ranking.size(); ++i) {
      const char* level = i < eager                                                 ? "eager"
                          : i < eager + willing                                     ? "willing"
                          : i + unwilling >= ranking.size() && i >= eager + willing ? "not_willing"
                                                                                    : nullptr;
      if (!level) continue;
      bids.setBid(slug, ranking[i].number, level, std::nullopt, who, origin);
      ++summary.bids;
    }
  }
  return summary;
}

}  // namespace confpress::sample
