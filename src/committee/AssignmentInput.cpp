#include "committee/AssignmentInput.h"

#include <map>
#include <set>

#include "assign/AssignmentCsv.h"
#include "committee/CommitteeSupport.h"
#include "committee/ConflictDetector.h"
#include "policy/Policy.h"
#include "store/AssignmentRepository.h"
#include "store/BidRepository.h"
#include "store/CommitteeRepository.h"
#include "store/ConflictRepository.h"
#include "store/SubmissionRepository.h"

namespace confpress::committee {

AssignmentInput buildAssignmentInput(store::Database& db, const std::string& slug,
                                     const AssignmentInputOptions& options) {
  AssignmentInput out;
  assign::AssignmentProblem& problem = out.problem;
  problem.reviewersPerPaper = options.reviewersPerPaper;
  problem.maxPerAffiliation = options.maxPerAffiliation;
  // A read transaction would do; SQLite gives one snapshot per statement otherwise, and a write lock for
  // these few reads is cheap next to solving.
  db.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    store::SubmissionFilter submitted;
    submitted.status = "submitted";
    std::map<int64_t, int> paperIndex;
    for (const auto& sub : store::SubmissionRepository(s).list(c.id, submitted)) {
      paperIndex[sub.id] = static_cast<int>(out.submissionIds.size());
      out.submissionIds.push_back(sub.id);
      out.numbers.push_back(sub.number);
      problem.paperIds.push_back("#" + std::to_string(sub.number));
    }
    std::map<int64_t, int> reviewerIndex;
    std::map<std::string, int> affiliations;
    for (const auto& m : store::CommitteeRepository(s).list(c.id)) {
      if (m.status != "accepted" || (m.role == "senior_pc" && !options.includeSeniorPc)) continue;
      reviewerIndex[m.personId] = static_cast<int>(out.personIds.size());
      out.personIds.push_back(m.personId);
      problem.reviewerIds.push_back(m.email);
      problem.minLoad.push_back(m.minLoad);
      const int noLimit = static_cast<int>(out.submissionIds.size());
      problem.maxLoad.push_back(
          m.maxLoad.value_or(options.defaultMaxLoad > 0 ? options.defaultMaxLoad : noLimit));
      const std::string affiliation = normaliseAffiliation(m.affiliation);
      if (affiliation.empty()) {
        problem.affiliation.push_back(-1);
      } else {
        auto [it, added] =
            affiliations.emplace(affiliation, static_cast<int>(problem.affiliationNames.size()));
        if (added) problem.affiliationNames.push_back(m.affiliation);
        problem.affiliation.push_back(it->second);
      }
    }
    // Relations that forbid a pair.
    std::set<std::pair<int, int>> forbidden;
    for (const auto& f : store::ConflictRepository(s).facts(c.id)) {
      const policy::PaperRelation relation{f.source == "author_of", policy::isBlockingConflict(f.status), ""};
      if (policy::mayBeAssigned(relation)) continue;
      auto p = paperIndex.find(f.submissionId);
      auto r = reviewerIndex.find(f.personId);
      if (p != paperIndex.end() && r != reviewerIndex.end()) forbidden.insert({p->second, r->second});
    }
    for (const auto& [p, r] : forbidden) problem.conflicts.push_back({p, r});
    out.excludedPairs = forbidden.size();
    // Every other pair is a candidate: affinity plus bid weight.
    store::BidRepository prefs(s);
    std::map<std::pair<int, int>, double> score;
    for (const auto& a : prefs.affinities(c.id)) {
      auto p = paperIndex.find(a.submissionId);
      auto r = reviewerIndex.find(a.personId);
      if (p != paperIndex.end() && r != reviewerIndex.end()) score[{p->second, r->second}] = a.score;
    }
    for (const auto& b : prefs.all(c.id)) {
      auto p = paperIndex.find(b.submissionId);
      auto r = reviewerIndex.find(b.personId);
      const auto weight = assign::bidWeight(b.level);
      if (p == paperIndex.end() || r == reviewerIndex.end() || !weight) continue;
      if (forbidden.count({p->second, r->second})) continue;
      score[{p->second, r->second}] += *weight;
      ++out.bids;
    }
    const int papers = static_cast<int>(out.submissionIds.size()),
              reviewers = static_cast<int>(out.personIds.size());
    for (int p = 0; p < papers; ++p)
      for (int r = 0; r < reviewers; ++r)
        if (!forbidden.count({p, r})) {
          auto it = score.find({p, r});
          problem.candidates.push_back({p, r, it == score.end() ? 0.0 : it->second});
        }
    for (const auto& a : store::AssignmentRepository(s).list(c.id)) {
      if (!(a.fixed || a.source == "manual" || a.reviewStarted || options.keepCurrent)) continue;
      auto p = paperIndex.find(a.submissionId);
      auto r = reviewerIndex.find(a.personId);
      if (p != paperIndex.end() && r != reviewerIndex.end() && !forbidden.count({p->second, r->second}))
        problem.fixed.push_back({p->second, r->second});
    }
  });
  return out;
}

}  // namespace confpress::committee
