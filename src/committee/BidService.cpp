#include "committee/BidService.h"

#include <algorithm>

#include "committee/CommitteeSupport.h"
#include "core/Errors.h"
#include "store/AuditLog.h"
#include "store/BidRepository.h"
#include "store/ConflictRepository.h"
#include "store/SubmissionRepository.h"
#include "submission/PaperVisibility.h"

namespace confpress::committee {

namespace {

void requireMember(const submission::PaperVisibility& visibility, const std::string& slug) {
  if (!visibility.standing().isCommitteeMember())
    throw Forbidden("only committee members of " + slug + " who accepted their invitation bid");
}

}  // namespace

const std::vector<std::string>& bidLevels() {
  static const std::vector<std::string> levels = {"eager", "willing", "neutral", "not_willing"};
  return levels;
}

std::vector<BiddingPaper> BidService::papers(const std::string& slug, const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  const store::ConferenceRecord c = loadConference(s, slug);
  const submission::PaperVisibility visibility(s, c, who);
  requireMember(visibility, slug);
  store::BidRepository bids(s);
  const auto mine = bids.bidsOf(c.id, who.personId);
  const auto affinity = bids.affinitiesOf(c.id, who.personId);
  store::SubmissionFilter filter;
  filter.status = "submitted";
  std::vector<BiddingPaper> out;
  for (auto& sub : store::SubmissionRepository(s).list(c.id, filter)) {
    if (!policy::mayBid(visibility.standing(), visibility.access(sub), sub.status)) continue;
    BiddingPaper p;
    p.submissionId = sub.id;
    p.number = sub.number;
    p.title = std::move(sub.title);
    p.abstract = std::move(sub.abstract);
    p.keywords = std::move(sub.keywords);
    p.topicIds = std::move(sub.topicIds);
    if (auto it = affinity.find(sub.id); it != affinity.end()) p.affinity = it->second;
    if (auto it = mine.find(sub.id); it != mine.end()) p.bid = it->second;
    out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const BiddingPaper& a, const BiddingPaper& b) {
    return a.affinity != b.affinity ? a.affinity > b.affinity : a.number < b.number;
  });
  return out;
}

int BidService::declaredConflicts(const std::string& slug, const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  const store::ConferenceRecord c = loadConference(s, slug);
  int n = 0;
  for (const auto& row : store::ConflictRepository(s).list(c.id, std::nullopt, "reviewer"))
    n += row.personId == who.personId && policy::isBlockingConflict(row.status);
  return n;
}

std::string BidService::setBid(const std::string& slug, int64_t number, const std::string& level,
                               const std::optional<std::string>& conflictType, const auth::Principal& who,
                               const auth::Origin& origin) {
  const bool conflict = level == "conflict";
  const auto& levels = bidLevels();
  if (!conflict && std::find(levels.begin(), levels.end(), level) == levels.end())
    throw ValidationError("level", "invalid_value",
                          "level must be eager, willing, neutral, not_willing or conflict");
  if (conflictType && !conflict)
    throw ValidationError("type", "invalid_value", "type goes only with level conflict");
  const std::string type = conflictType.value_or("other");
  if (type != "collaborator" && type != "advisor" && type != "institutional" && type != "personal" &&
      type != "other")
    throw ValidationError("type", "invalid_value",
                          "type must be collaborator, advisor, institutional, personal or other");
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    const submission::PaperVisibility visibility(s, c, who);
    auto sub = store::SubmissionRepository(s).find(c.id, number);
    if (!sub || !visibility.sees(*sub))
      throw NotFound("no submission #" + std::to_string(number) + " in " + slug);
    requireMember(visibility, slug);
    const policy::PaperAccess access = visibility.access(*sub);
    if (access == policy::PaperAccess::Author)
      throw Conflict("own_paper",
                     "you are an author of #" + std::to_string(number) + ": it is not yours to bid on");
    if (!policy::mayBid(visibility.standing(), access, sub->status))
      throw Conflict("not_biddable", "#" + std::to_string(number) + " is " + sub->status +
                                         "; only submitted papers take bids");
    store::BidRepository bids(s);
    if (conflict) {
      store::ConflictRepository conflicts(s);
      conflicts.upsert(sub->id, who.personId, "reviewer", type, "declared by the member", "confirmed");
      for (const auto& row : conflicts.list(c.id, std::nullopt, "reviewer"))
        if (row.submissionId == sub->id && row.personId == who.personId && row.status != "confirmed")
          conflicts.setStatus(row.id, "confirmed", who.personId);
      bids.remove(sub->id, who.personId);
    } else {
      bids.set(sub->id, who.personId, level);
    }
    store::appendAudit(s, {who.personId, origin.ip, conflict ? "conflict.declare" : "bid.set", "submission",
                           std::to_string(sub->id), c.id,
                           store::auditDetail({{"number", std::to_string(number)}, {"level", level}})});
    return level;
  });
}

}  // namespace confpress::committee
