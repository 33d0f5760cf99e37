#include "committee/ConflictService.h"

#include <map>
#include <set>

#include "auth/Identity.h"
#include "committee/CommitteeSupport.h"
#include "committee/ConflictDetector.h"
#include "core/Errors.h"
#include "store/AuditLog.h"
#include "store/CommitteeRepository.h"
#include "store/SubmissionRepository.h"
#include "submission/PaperVisibility.h"

namespace confpress::committee {

namespace {

using Pair = std::pair<int64_t, int64_t>;  // (submission id, person id)

std::map<Pair, store::ConflictRecord> rowsBySource(store::ConflictRepository& repo, int64_t conferenceId,
                                                   const std::string& source) {
  std::map<Pair, store::ConflictRecord> out;
  for (auto& row : repo.list(conferenceId, std::nullopt, source))
    out.emplace(Pair{row.submissionId, row.personId}, std::move(row));
  return out;
}

// Inserts or refreshes one row and counts what happened.
void record(store::ConflictRepository& repo, const std::map<Pair, store::ConflictRecord>& before,
            const Pair& key, const std::string& source, const std::string& type, const std::string& evidence,
            const std::string& status, DetectionSummary& summary) {
  auto it = before.find(key);
  if (it != before.end() && it->second.type == type && it->second.evidence == evidence) {
    ++summary.unchanged;
    return;
  }
  repo.upsert(key.first, key.second, source, type, evidence, status);
  ++(it == before.end() ? summary.created : summary.updated);
}

}  // namespace

DetectionSummary detectConflictsIn(Poco::Data::Session& s, int64_t conferenceId, std::optional<int64_t> actor,
                                   const std::string& ip) {
  std::vector<DetectionPerson> members;
  std::map<std::string, int64_t> declarable;  // e-mail → person: members and chairs
  for (const auto& m : store::CommitteeRepository(s).list(conferenceId)) {
    if (m.status == "declined") continue;
    members.push_back(
        {m.personId, m.email, auth::displayName(m.familyName, m.givenName, m.nameOrder), m.affiliation});
    declarable.emplace(m.email, m.personId);
  }
  for (const auto& h : store::ConferenceRepository(s).roleHolders(conferenceId))
    if (h.role == "chair" || h.role == "admin") declarable.emplace(h.email, h.personId);

  const auto submissions = store::SubmissionRepository(s).list(conferenceId, {});
  std::vector<DetectionPaper> papers;
  for (const auto& sub : submissions) {
    if (sub.status == "withdrawn") continue;
    DetectionPaper p{sub.id, sub.number, {}};
    for (const auto& a : sub.authors)
      p.authors.push_back(
          {a.personId, a.email, auth::displayName(a.familyName, a.givenName, a.nameOrder), a.affiliation});
    papers.push_back(std::move(p));
  }

  DetectionSummary summary;
  store::ConflictRepository repo(s);
  const auto detectedBefore = rowsBySource(repo, conferenceId, "detected");
  std::set<Pair> found;
  for (const DetectedConflict& d : detectConflicts(members, papers)) {
    const Pair key{d.submissionId, d.personId};
    found.insert(key);
    record(repo, detectedBefore, key, "detected", d.type, d.evidence,
           d.type == "author" ? "confirmed" : "pending", summary);
  }
  for (const auto& [key, row] : detectedBefore)
    if (!found.count(key) && row.status == "pending") {
      repo.remove(row.id);
      ++summary.removed;
    }

  const auto declaredBefore = rowsBySource(repo, conferenceId, "author");
  std::set<Pair> declared;
  for (const auto& sub : submissions)
    for (const auto& d : sub.declaredConflicts)
      if (auto it = declarable.find(d.email); it != declarable.end()) {
        const Pair key{sub.id, it->second};
        declared.insert(key);
        record(repo, declaredBefore, key, "author", d.type, "declared by the authors (" + d.type + ")",
               "confirmed", summary);
      }
  for (const auto& [key, row] : declaredBefore)
    if (!declared.count(key)) {
      repo.remove(row.id);
      ++summary.removed;
    }

  store::appendAudit(s,
                     {actor, ip, "conflict.detect", "conference", std::to_string(conferenceId), conferenceId,
                      store::auditDetail({{"created", std::to_string(summary.created)},
                                          {"updated", std::to_string(summary.updated)},
                                          {"removed", std::to_string(summary.removed)}})});
  return summary;
}

std::vector<store::ConflictRecord> ConflictService::list(const std::string& slug,
                                                         const std::optional<std::string>& status,
                                                         const auth::Principal& who) {
  if (status && *status != "pending" && *status != "confirmed" && *status != "dismissed")
    throw ValidationError("status", "invalid_value", "status must be pending, confirmed or dismissed");
  Poco::Data::Session s = db_.session();
  const store::ConferenceRecord c = loadConference(s, slug);
  requireChair(s, c, who, "see the conflicts of interest");
  const submission::PaperVisibility visibility(s, c, who);
  std::vector<store::ConflictRecord> out;
  for (auto& row : store::ConflictRepository(s).list(c.id, status))
    if (!visibility.hidesFromChair(row.submissionId)) out.push_back(std::move(row));
  return out;
}

DetectionSummary ConflictService::detect(const std::string& slug, const auth::Principal& who,
                                         const auth::Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    requireChair(s, c, who, "detect conflicts of interest");
    return detectConflictsIn(s, c.id, who.personId, origin.ip);
  });
}

store::ConflictRecord ConflictService::decide(const std::string& slug, int64_t id, const std::string& status,
                                              const auth::Principal& who, const auth::Origin& origin) {
  if (status != "pending" && status != "confirmed" && status != "dismissed")
    throw ValidationError("status", "invalid_value", "status must be pending, confirmed or dismissed");
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    requireChair(s, c, who, "decide conflicts of interest");
    store::ConflictRepository repo(s);
    auto row = repo.find(c.id, id);
    if (!row || submission::PaperVisibility(s, c, who).hidesFromChair(row->submissionId))
      throw NotFound("no conflict " + std::to_string(id) + " in " + slug);
    if (row->type == "author" && status != "confirmed")
      throw Conflict("always_conflicted", "an author of a paper is always conflicted with it", "status");
    repo.setStatus(id, status, who.personId);
    store::appendAudit(
        s, {who.personId, origin.ip, "conflict.decide", "submission", std::to_string(row->submissionId), c.id,
            store::auditDetail({{"conflict", std::to_string(id)},
                                {"person", std::to_string(row->personId)},
                                {"status", status}})});
    return *repo.find(c.id, id);
  });
}

}  // namespace confpress::committee
