#include "assignment/AssignmentService.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "assignment/AssignmentJob.h"
#include "assignment/Snapshot.h"
#include "auth/Identity.h"
#include "core/Errors.h"
#include "core/Time.h"
#include "store/AuditLog.h"
#include "store/ConflictRepository.h"
#include "submission/PaperVisibility.h"

namespace confpress::assignment {

namespace {

store::ConferenceRecord loadConference(Poco::Data::Session& s, const std::string& slug) {
  auto c = store::ConferenceRepository(s).findBySlug(slug);
  if (!c) throw NotFound("no conference '" + slug + "'");
  return *c;
}

void requireAssigner(const submission::PaperVisibility& visibility, const std::string& slug) {
  if (!policy::mayAssignReviewers(visibility.standing()))
    throw Forbidden("only the chairs of " + slug + " assign reviewers");
}

std::string nameOf(const store::CommitteeMemberRecord& m) {
  return auth::displayName(m.familyName, m.givenName, m.nameOrder);
}

/// The submitted papers the viewer may see, and names for them and for every member.
std::set<int64_t> visiblePapers(const Snapshot& snap, const submission::PaperVisibility& visibility,
                                Labels& labels) {
  std::set<int64_t> visible;
  for (const auto& p : snap.papers)
    if (visibility.sees(p)) {
      visible.insert(p.id);
      labels.papers[p.id] = {p.number, p.title};
    }
  for (const auto& m : snap.members) labels.people[m.personId] = {nameOf(m), m.email, m.affiliation};
  return visible;
}

void keepVisible(std::vector<int64_t>& ids, const std::set<int64_t>& visible) {
  ids.erase(std::remove_if(ids.begin(), ids.end(), [&](int64_t id) { return !visible.count(id); }),
            ids.end());
}

void keepVisible(AssignmentReport& report, const std::set<int64_t>& visible) {
  keepVisible(report.withoutExpert, visible);
  keepVisible(report.understaffed, visible);
  auto& papers = report.papers;
  papers.erase(std::remove_if(papers.begin(), papers.end(),
                              [&](const PaperFigures& f) { return !visible.count(f.submissionId); }),
               papers.end());
}

void keepVisible(AssignmentDiff& diff, const std::set<int64_t>& visible) {
  auto& papers = diff.papers;
  papers.erase(std::remove_if(papers.begin(), papers.end(),
                              [&](const PaperChange& c) { return !visible.count(c.submissionId); }),
               papers.end());
  for (auto& r : diff.reviewers) {
    keepVisible(r.added, visible);
    keepVisible(r.removed, visible);
  }
  auto& reviewers = diff.reviewers;
  reviewers.erase(
      std::remove_if(reviewers.begin(), reviewers.end(),
                     [](const ReviewerChange& r) { return r.added.empty() && r.removed.empty(); }),
      reviewers.end());
}

/// Paper `number` for a chair who may see it (NotFound otherwise, like a paper that does not exist).
std::optional<store::SubmissionRecord> visiblePaper(Poco::Data::Session& s, const store::ConferenceRecord& c,
                                                    const auth::Principal& who, int64_t number) {
  const submission::PaperVisibility visibility(s, c, who);
  requireAssigner(visibility, c.slug);
  auto paper = store::SubmissionRepository(s).find(c.id, number);
  if (!paper || !visibility.sees(*paper))
    throw NotFound("no submission #" + std::to_string(number) + " in " + c.slug);
  return paper;
}

store::JobRecord loadJob(Poco::Data::Session& s, const store::ConferenceRecord& c, int64_t jobId) {
  auto job = store::JobRepository(s).find(jobId);
  if (!job || job->kind != kAssignmentJob || job->conferenceId != c.id)
    throw NotFound("no assignment job " + std::to_string(jobId) + " in " + c.slug);
  return *job;
}

AssignmentSettings settingsOfJob(const store::JobRecord& job) {
  const auto input = Poco::JSON::Parser().parse(job.inputJson).extract<Poco::JSON::Object::Ptr>();
  std::ostringstream settings;
  if (auto o = input->getObject("settings")) o->stringify(settings);
  return settings.str().empty() ? AssignmentSettings{} : settingsFromJson(settings.str());
}

std::string numbered(const Snapshot& snap, int64_t submissionId) {
  const auto* p = snap.paper(submissionId);
  return p ? "#" + std::to_string(p->number) : "a paper";
}

std::string memberName(const Snapshot& snap, int64_t personId) {
  const auto* m = snap.member(personId);
  return m ? nameOf(*m) : "person " + std::to_string(personId);
}

/// Refuses a commit whose proposal no longer fits the conference.
void checkStillValid(const Snapshot& snap, const Proposal& proposal, int64_t jobId) {
  const std::string again = "; run the assignment again";
  if (snap.fingerprint != proposal.baseFingerprint)
    throw Conflict("stale", "the assignment changed after job " + std::to_string(jobId) +
                                " computed its proposal (a reviewer was added or removed)" + again);
  for (const Pair& p : proposal.pairs) {
    if (!snap.paper(p.submissionId))
      throw Conflict("paper_gone", "a proposed paper is no longer a submitted paper" + again);
    if (!snap.member(p.personId))
      throw Conflict("member_gone",
                     memberName(snap, p.personId) + " is no longer a member who accepted" + again);
    if (snap.forbidden.count(p))
      throw Conflict("conflicted", memberName(snap, p.personId) + " now has a conflict of interest with " +
                                       numbered(snap, p.submissionId) + again);
  }
}

}  // namespace

int64_t AssignmentService::start(const std::string& slug, const AssignmentSettings& settings,
                                 const auth::Principal& who, const auth::Origin& origin) {
  validateSettings(settings);
  const int64_t id = db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    requireAssigner(submission::PaperVisibility(s, c, who), slug);
    const int64_t job = store::JobRepository(s).create(kAssignmentJob, c.id,
                                                       assignmentJobInput(slug, settings), who.personId);
    store::appendAudit(s, {who.personId, origin.ip, "assignment.run", "job", std::to_string(job), c.id,
                           settingsToJson(settings)});
    return job;
  });
  runner_.wake();
  return id;
}

JobView AssignmentService::job(const std::string& slug, int64_t jobId, const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  const store::ConferenceRecord c = loadConference(s, slug);
  const submission::PaperVisibility visibility(s, c, who);
  requireAssigner(visibility, slug);
  JobView view;
  view.job = loadJob(s, c, jobId);
  view.settings = settingsOfJob(view.job);
  const std::string result = std::move(view.job.resultJson);
  view.job.resultJson = "{}";
  if (view.job.state != "done") return view;

  const Snapshot snap = loadSnapshot(s, c);
  const std::set<int64_t> visible = visiblePapers(snap, visibility, view.labels);
  view.proposal = proposalFromJson(result);
  view.stale = !view.proposal->committedAt && snap.fingerprint != view.proposal->baseFingerprint;
  view.diff = diffAssignments(snap.currentPairs(), view.proposal->pairs);
  const int k = view.settings.reviewersPerPaper;
  view.proposed = buildReport(snap.reportInput(view.proposal->pairs, k));
  view.current = buildReport(snap.reportInput(snap.currentPairs(), k));
  view.hiddenPapers = static_cast<int>(snap.papers.size() - visible.size());
  keepVisible(view.diff, visible);
  keepVisible(view.proposed, visible);
  keepVisible(view.current, visible);
  return view;
}

CommitSummary AssignmentService::commit(const std::string& slug, int64_t jobId, const auth::Principal& who,
                                        const auth::Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    requireAssigner(submission::PaperVisibility(s, c, who), slug);
    const store::JobRecord job = loadJob(s, c, jobId);
    if (job.state != "done")
      throw Conflict("not_done",
                     "job " + std::to_string(jobId) + " is " + job.state +
                         (job.state == "failed" ? ": " + job.message : "; wait until it is done"));
    Proposal proposal = proposalFromJson(job.resultJson);
    if (proposal.committedAt)
      throw Conflict("committed",
                     "job " + std::to_string(jobId) + " was committed at " + *proposal.committedAt);
    const Snapshot snap = loadSnapshot(s, c);
    checkStillValid(snap, proposal, jobId);

    const AssignmentDiff diff = diffAssignments(snap.currentPairs(), proposal.pairs);
    store::AssignmentRepository assignments(s);
    for (const ReviewerChange& r : diff.reviewers)
      for (int64_t submission : r.removed) {
        // The engine keeps started reviews (they are fixed input), so this only guards the invariant.
        const auto current = assignments.find(submission, r.personId);
        if (current && current->reviewStarted)
          throw Conflict("review_started", memberName(snap, r.personId) + " has started reviewing " +
                                               numbered(snap, submission) + "; run the assignment again");
        assignments.remove(submission, r.personId);
      }
    for (const ReviewerChange& r : diff.reviewers)
      for (int64_t submission : r.added) assignments.add(submission, r.personId, "auto", false);

    proposal.committedAt = nowUtc();
    proposal.committedBy = who.personId;
    store::JobRepository(s).updateResult(jobId, proposalToJson(proposal));
    store::appendAudit(s, {who.personId, origin.ip, "assignment.commit", "job", std::to_string(jobId), c.id,
                           store::auditDetail({{"added", std::to_string(diff.added)},
                                               {"removed", std::to_string(diff.removed)},
                                               {"kept", std::to_string(diff.kept)}})});
    return CommitSummary{diff.added, diff.removed, diff.kept};
  });
}

AssignmentOverview AssignmentService::overview(const std::string& slug, const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  const store::ConferenceRecord c = loadConference(s, slug);
  const submission::PaperVisibility visibility(s, c, who);
  requireAssigner(visibility, slug);
  AssignmentOverview view;
  const Snapshot snap = loadSnapshot(s, c);
  const std::set<int64_t> visible = visiblePapers(snap, visibility, view.labels);
  view.hiddenPapers = static_cast<int>(snap.papers.size() - visible.size());
  view.recentJobs = store::JobRepository(s).recent(c.id, kAssignmentJob, 5);
  for (auto& job : view.recentJobs) job.resultJson = "{}";
  if (!view.recentJobs.empty())
    view.reviewersPerPaper = settingsOfJob(view.recentJobs.front()).reviewersPerPaper;
  view.report = buildReport(snap.reportInput(snap.currentPairs(), view.reviewersPerPaper));

  std::map<int64_t, std::vector<const store::AssignmentRecord*>> byPaper;
  std::map<int64_t, int> load;
  for (const auto& a : snap.assignments) {
    byPaper[a.submissionId].push_back(&a);
    ++load[a.personId];
  }
  for (const auto& m : snap.members)
    view.members.push_back({m.personId, load[m.personId], m.minLoad, m.maxLoad});
  std::map<int64_t, const PaperFigures*> figures;
  for (const auto& f : view.report.papers) figures[f.submissionId] = &f;
  for (const auto& p : snap.papers) {
    if (!visible.count(p.id)) continue;
    OverviewPaper paper;
    paper.submissionId = p.id;
    std::set<int64_t> assigned;
    for (const auto* a : byPaper[p.id]) {
      const Pair pair{p.id, a->personId};
      AssignedReviewer r{a->personId, 0, std::nullopt, a->source, a->fixed, a->reviewStarted};
      if (auto it = snap.affinity.find(pair); it != snap.affinity.end()) r.affinity = it->second;
      if (auto it = snap.bids.find(pair); it != snap.bids.end()) r.bid = it->second;
      paper.reviewers.push_back(std::move(r));
      assigned.insert(a->personId);
    }
    for (const auto& m : snap.members)
      if (!assigned.count(m.personId) && !snap.forbidden.count({p.id, m.personId}))
        paper.addable.push_back(m.personId);
    if (auto it = figures.find(p.id); it != figures.end()) {
      paper.minAffinity = it->second->minAffinity;
      paper.meanAffinity = it->second->meanAffinity;
      paper.hasExpert = it->second->hasExpert;
    }
    view.papers.push_back(std::move(paper));
  }
  keepVisible(view.report, visible);
  return view;
}

void AssignmentService::add(const std::string& slug, int64_t number, int64_t personId,
                            const auth::Principal& who, const auth::Origin& origin) {
  db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    const auto paper = visiblePaper(s, c, who, number);
    if (paper->status != "submitted")
      throw Conflict("not_submitted", "#" + std::to_string(number) + " is " + paper->status +
                                          "; reviewers are assigned to submitted papers");
    const auto member = store::CommitteeRepository(s).find(c.id, personId);
    if (!member || member->status != "accepted")
      throw ValidationError(
          "reviewer", "not_member",
          "reviewer must be a committee member of " + slug + " who accepted the invitation");
    for (const auto& f : store::ConflictRepository(s).factsFor(c.id, personId, member->email))
      if (f.submissionId == paper->id &&
          !policy::mayBeAssigned({f.source == "author_of", policy::isBlockingConflict(f.status), ""}))
        throw Conflict(
            "conflicted",
            nameOf(*member) +
                (f.source == "author_of" ? " is an author of #" : " has a conflict of interest with #") +
                std::to_string(number) + " and cannot review it",
            "reviewer");
    store::AssignmentRepository assignments(s);
    if (assignments.find(paper->id, personId))
      throw Conflict("already_assigned", nameOf(*member) + " already reviews #" + std::to_string(number),
                     "reviewer");
    assignments.add(paper->id, personId, "manual", true);
    store::appendAudit(
        s,
        {who.personId, origin.ip, "assignment.add", "submission", std::to_string(paper->id), c.id,
         store::auditDetail({{"number", std::to_string(number)}, {"reviewer", std::to_string(personId)}})});
  });
}

void AssignmentService::remove(const std::string& slug, int64_t number, int64_t personId,
                               const auth::Principal& who, const auth::Origin& origin) {
  db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    const auto paper = visiblePaper(s, c, who, number);
    store::AssignmentRepository assignments(s);
    const auto current = assignments.find(paper->id, personId);
    if (!current) throw NotFound("that member is not assigned to #" + std::to_string(number));
    if (current->reviewStarted)
      throw Conflict("review_started", "the member has started reviewing #" + std::to_string(number) +
                                           "; the assignment stays");
    assignments.remove(paper->id, personId);
    store::appendAudit(
        s,
        {who.personId, origin.ip, "assignment.remove", "submission", std::to_string(paper->id), c.id,
         store::auditDetail({{"number", std::to_string(number)}, {"reviewer", std::to_string(personId)}})});
  });
}

}  // namespace confpress::assignment
