#include "web/AssignmentJson.h"

#include <Poco/JSON/Parser.h>

#include "web/JsonOutput.h"

namespace confpress::web {

namespace {

using assignment::Labels;

Poco::Dynamic::Var numberOf(const Labels& labels, int64_t submissionId) {
  auto it = labels.papers.find(submissionId);
  return it == labels.papers.end() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(it->second.number);
}

Poco::JSON::Object::Ptr person(const Labels& labels, int64_t personId) {
  auto o = newObject();
  o->set("person_id", personId);
  if (auto it = labels.people.find(personId); it != labels.people.end()) {
    o->set("name", it->second.name);
    o->set("email", it->second.email);
  }
  return o;
}

Poco::JSON::Array::Ptr people(const Labels& labels, const std::vector<int64_t>& ids) {
  auto list = newArray();
  for (int64_t id : ids) list->add(person(labels, id));
  return list;
}

Poco::JSON::Array::Ptr numbers(const Labels& labels, const std::vector<int64_t>& ids) {
  auto list = newArray();
  for (int64_t id : ids) list->add(numberOf(labels, id));
  return list;
}

Poco::JSON::Object::Ptr report(const assignment::AssignmentReport& r, const Labels& labels) {
  auto o = newObject();
  o->set("pairs", r.pairs);
  o->set("mean_affinity", r.meanAffinity);
  o->set("lowest_paper_mean_affinity", r.lowestPaperMean);
  auto histogram = newArray();
  for (const auto& [load, members] : r.loadHistogram) {
    auto bar = newObject();
    bar->set("load", load);
    bar->set("members", members);
    histogram->add(bar);
  }
  o->set("load_histogram", histogram);
  o->set("papers_without_expert", numbers(labels, r.withoutExpert));
  o->set("understaffed", numbers(labels, r.understaffed));
  auto bids = newObject();
  for (const auto& [level, pairs] : r.assignedByBid) bids->set(level, pairs);
  o->set("assigned_by_bid", bids);
  o->set("eager_bids", r.eagerBids);
  o->set("eager_granted", r.eagerGranted);
  auto papers = newArray();
  for (const auto& f : r.papers) {
    auto p = newObject();
    p->set("id", numberOf(labels, f.submissionId));
    p->set("reviewers", f.reviewers);
    p->set("min_affinity", f.minAffinity);
    p->set("mean_affinity", f.meanAffinity);
    p->set("has_expert", f.hasExpert);
    papers->add(p);
  }
  o->set("papers", papers);
  return o;
}

Poco::JSON::Object::Ptr jobJson(const store::JobRecord& job) {
  auto o = newObject();
  o->set("id", job.id);
  o->set("state", job.state);
  o->set("progress", job.progress);
  o->set("total", job.total);
  o->set("message", job.message);
  o->set("created_at", job.createdAt);
  if (!job.startedAt.empty()) o->set("started_at", job.startedAt);
  if (!job.finishedAt.empty()) o->set("finished_at", job.finishedAt);
  return o;
}

}  // namespace

Poco::JSON::Object::Ptr toJson(const assignment::AssignmentSettings& s) {
  return Poco::JSON::Parser().parse(assignment::settingsToJson(s)).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr toJson(const assignment::AssignmentOverview& v) {
  auto o = newObject();
  auto papers = newArray();
  for (const auto& p : v.papers) {
    auto paper = newObject();
    const auto& label = v.labels.papers.at(p.submissionId);
    paper->set("id", label.number);
    paper->set("title", label.title);
    auto reviewers = newArray();
    for (const auto& r : p.reviewers) {
      auto reviewer = person(v.labels, r.personId);
      reviewer->set("affinity", r.affinity);
      reviewer->set("bid", r.bid ? Poco::Dynamic::Var(*r.bid) : Poco::Dynamic::Var());
      reviewer->set("source", r.source);
      reviewer->set("fixed", r.fixed);
      reviewer->set("review_started", r.reviewStarted);
      reviewers->add(reviewer);
    }
    paper->set("reviewers", reviewers);
    paper->set("min_affinity", p.minAffinity);
    paper->set("mean_affinity", p.meanAffinity);
    paper->set("has_expert", p.hasExpert);
    papers->add(paper);
  }
  o->set("papers", papers);
  auto members = newArray();
  for (const auto& m : v.members) {
    auto member = person(v.labels, m.personId);
    member->set("load", m.load);
    member->set("min_load", m.minLoad);
    member->set("max_load", m.maxLoad ? Poco::Dynamic::Var(*m.maxLoad) : Poco::Dynamic::Var());
    members->add(member);
  }
  o->set("members", members);
  o->set("reviewers_per_paper", v.reviewersPerPaper);
  o->set("hidden_papers", v.hiddenPapers);
  o->set("report", report(v.report, v.labels));
  auto jobs = newArray();
  for (const auto& job : v.recentJobs) jobs->add(jobJson(job));
  o->set("recent_jobs", jobs);
  return o;
}

Poco::JSON::Object::Ptr toJson(const assignment::JobView& v) {
  auto o = jobJson(v.job);
  o->set("settings", toJson(v.settings));
  if (!v.proposal) return o;
  const auto& p = *v.proposal;
  auto proposal = newObject();
  proposal->set("objective", p.objective);
  proposal->set("floor", p.floor ? Poco::Dynamic::Var(*p.floor) : Poco::Dynamic::Var());
  proposal->set("min_paper_score", p.minPaperScore);
  proposal->set("mean_paper_score", p.meanPaperScore);
  proposal->set("load_min", p.loadMin);
  proposal->set("load_max", p.loadMax);
  proposal->set("papers", p.papers);
  proposal->set("reviewers", p.reviewers);
  proposal->set("candidates", static_cast<Poco::UInt64>(p.candidates));
  proposal->set("excluded_pairs", static_cast<Poco::UInt64>(p.excludedPairs));
  proposal->set("fixed_pairs", static_cast<Poco::UInt64>(p.fixedPairs));
  proposal->set("seconds", p.seconds);
  proposal->set("committed_at", p.committedAt ? Poco::Dynamic::Var(*p.committedAt) : Poco::Dynamic::Var());
  proposal->set("stale", v.stale);
  o->set("proposal", proposal);

  auto changes = newObject();
  changes->set("added", static_cast<Poco::UInt64>(v.diff.added));
  changes->set("removed", static_cast<Poco::UInt64>(v.diff.removed));
  changes->set("kept", static_cast<Poco::UInt64>(v.diff.kept));
  auto papers = newArray();
  for (const auto& c : v.diff.papers) {
    auto paper = newObject();
    paper->set("id", numberOf(v.labels, c.submissionId));
    paper->set("title", v.labels.papers.at(c.submissionId).title);
    paper->set("added", people(v.labels, c.added));
    paper->set("removed", people(v.labels, c.removed));
    paper->set("kept", people(v.labels, c.kept));
    papers->add(paper);
  }
  changes->set("papers", papers);
  auto reviewers = newArray();
  for (const auto& c : v.diff.reviewers) {
    auto reviewer = person(v.labels, c.personId);
    reviewer->set("load_before", c.loadBefore);
    reviewer->set("load_after", c.loadAfter);
    reviewer->set("added", numbers(v.labels, c.added));
    reviewer->set("removed", numbers(v.labels, c.removed));
    reviewers->add(reviewer);
  }
  changes->set("reviewers", reviewers);
  o->set("changes", changes);
  auto reports = newObject();
  reports->set("proposed", report(v.proposed, v.labels));
  reports->set("current", report(v.current, v.labels));
  o->set("report", reports);
  o->set("hidden_papers", v.hiddenPapers);
  return o;
}

}  // namespace confpress::web
