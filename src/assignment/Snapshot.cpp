#include "assignment/Snapshot.h"

#include <algorithm>

#include "auth/Identity.h"
#include "policy/Policy.h"
#include "store/BidRepository.h"
#include "store/ConflictRepository.h"
#include "text/Collation.h"

namespace confpress::assignment {

const store::SubmissionRecord* Snapshot::paper(int64_t submissionId) const {
  auto it = paperAt.find(submissionId);
  return it == paperAt.end() ? nullptr : &papers[it->second];
}

const store::SubmissionRecord* Snapshot::paperByNumber(int64_t number) const {
  auto it = numberAt.find(number);
  return it == numberAt.end() ? nullptr : &papers[it->second];
}

const store::CommitteeMemberRecord* Snapshot::member(int64_t personId) const {
  auto it = memberAt.find(personId);
  return it == memberAt.end() ? nullptr : &members[it->second];
}

std::vector<Pair> Snapshot::currentPairs() const {
  std::vector<Pair> out;
  for (const auto& a : assignments) out.push_back({a.submissionId, a.personId});
  return out;
}

ReportInput Snapshot::reportInput(const std::vector<Pair>& pairs, int reviewersPerPaper) const {
  ReportInput in;
  for (const auto& p : papers) in.papers.push_back(p.id);
  for (const auto& m : members) in.members.push_back(m.personId);
  for (const Pair& p : pairs)
    if (paperAt.count(p.submissionId)) in.pairs.push_back(p);
  in.affinity = affinity;
  in.bids = bids;
  in.reviewersPerPaper = reviewersPerPaper;
  return in;
}

Snapshot loadSnapshot(Poco::Data::Session& s, const store::ConferenceRecord& conference) {
  Snapshot snap;
  snap.conference = conference;
  store::SubmissionFilter submitted;
  submitted.status = "submitted";
  snap.papers = store::SubmissionRepository(s).list(conference.id, submitted);
  std::sort(snap.papers.begin(), snap.papers.end(),
            [](const auto& a, const auto& b) { return a.number < b.number; });
  for (size_t i = 0; i < snap.papers.size(); ++i) {
    snap.paperAt[snap.papers[i].id] = i;
    snap.numberAt[snap.papers[i].number] = i;
  }

  for (auto& m : store::CommitteeRepository(s).list(conference.id))
    if (m.status == "accepted") snap.members.push_back(std::move(m));
  std::stable_sort(snap.members.begin(), snap.members.end(), [](const auto& a, const auto& b) {
    return text::compareVietnamese(auth::displayName(a.familyName, a.givenName, a.nameOrder),
                                   auth::displayName(b.familyName, b.givenName, b.nameOrder)) < 0;
  });

  for (size_t i = 0; i < snap.members.size(); ++i) snap.memberAt[snap.members[i].personId] = i;

  std::vector<Pair> all;
  for (auto& a : store::AssignmentRepository(s).list(conference.id)) {
    all.push_back({a.submissionId, a.personId});
    if (snap.paperAt.count(a.submissionId)) snap.assignments.push_back(std::move(a));
  }
  snap.fingerprint = fingerprint(all);

  store::BidRepository prefs(s);
  for (const auto& a : prefs.affinities(conference.id)) snap.affinity[{a.submissionId, a.personId}] = a.score;
  for (const auto& b : prefs.all(conference.id)) snap.bids[{b.submissionId, b.personId}] = b.level;
  for (const auto& f : store::ConflictRepository(s).facts(conference.id)) {
    const policy::PaperRelation relation{f.source == "author_of", policy::isBlockingConflict(f.status), ""};
    if (!policy::mayBeAssigned(relation)) snap.forbidden.insert({f.submissionId, f.personId});
  }
  return snap;
}

}  // namespace confpress::assignment
