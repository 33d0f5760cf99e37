#include "committee/AffinityService.h"

#include <set>

#include "committee/CommitteeSupport.h"
#include "core/Errors.h"
#include "policy/Policy.h"
#include "store/AuditLog.h"
#include "store/BidRepository.h"
#include "store/CommitteeRepository.h"
#include "store/ConflictRepository.h"
#include "store/SubmissionRepository.h"

namespace confpress::committee {

namespace {

struct AffinityInput {
  std::vector<affinity::AffinityDocument> papers, members;
  std::set<std::pair<int64_t, int64_t>> excluded;  // (submission id, person id)
};

std::string paperText(const store::SubmissionRecord& sub) {
  std::string text = sub.title + "\n" + sub.abstract;
  for (const auto& k : sub.keywords) text += "\n" + k;
  return text;
}

AffinityInput readInput(Poco::Data::Session& s, int64_t conferenceId) {
  AffinityInput in;
  for (const auto& sub : store::SubmissionRepository(s).list(conferenceId, {}))
    if (sub.status != "draft" && sub.status != "withdrawn")
      in.papers.push_back({sub.id, paperText(sub), sub.topicIds});
  store::CommitteeRepository committee(s);
  for (const auto& m : committee.list(conferenceId)) {
    if (m.status == "declined") continue;
    std::string text = m.profileText;
    for (const auto& paper : committee.papers(conferenceId, m.personId, true)) text += "\n\n" + paper.text;
    in.members.push_back({m.personId, std::move(text), m.topicIds});
  }
  for (const auto& f : store::ConflictRepository(s).facts(conferenceId))
    if (f.source == "author_of" || policy::isBlockingConflict(f.status))
      in.excluded.insert({f.submissionId, f.personId});
  return in;
}

}  // namespace

AffinitySummary recomputeAffinities(store::Database& db, int64_t conferenceId,
                                    const affinity::AffinityOptions& options, std::optional<int64_t> actor,
                                    const std::string& ip) {
  AffinityInput in;
  {
    Poco::Data::Session s = db.session();
    in = readInput(s, conferenceId);
  }
  // Computed outside any transaction: it may take a while on a big conference.
  const auto pairs =
      affinity::computeAffinities(in.papers, in.members, options, [&](int64_t paper, int64_t member) {
        return in.excluded.count({paper, member}) > 0;
      });
  std::vector<store::AffinityRecord> records;
  records.reserve(pairs.size());
  for (const auto& p : pairs) records.push_back({p.paperId, p.reviewerId, p.score});
  AffinitySummary summary{static_cast<int>(in.papers.size()), static_cast<int>(in.members.size()),
                          records.size(), options.topK};
  db.transaction([&](Poco::Data::Session& s) {
    store::BidRepository(s).replaceAffinities(conferenceId, records);
    store::appendAudit(
        s, {actor, ip, "affinity.recompute", "conference", std::to_string(conferenceId), conferenceId,
            store::auditDetail({{"papers", std::to_string(summary.papers)},
                                {"members", std::to_string(summary.members)},
                                {"pairs", std::to_string(summary.pairs)},
                                {"k", std::to_string(summary.k)}})});
  });
  return summary;
}

AffinitySummary AffinityService::recompute(const std::string& slug, std::optional<int64_t> topK,
                                           const auth::Principal& who, const auth::Origin& origin) {
  if (topK && (*topK < 1 || *topK > 1000))
    throw ValidationError("k", "out_of_range", "k must be between 1 and 1000");
  int64_t conferenceId = 0;
  {
    Poco::Data::Session s = db_.session();
    const store::ConferenceRecord c = loadConference(s, slug);
    requireChair(s, c, who, "recompute affinities");
    conferenceId = c.id;
  }
  affinity::AffinityOptions options = defaults_;
  if (topK) options.topK = static_cast<size_t>(*topK);
  return recomputeAffinities(db_, conferenceId, options, who.personId, origin.ip);
}

}  // namespace confpress::committee
