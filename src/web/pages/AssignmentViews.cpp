#include "web/pages/AssignmentViews.h"

#include <Poco/NumberFormatter.h>

#include <algorithm>

#include "conference/Deadlines.h"
#include "web/pages/CommitteeViews.h"
#include "web/pages/SubmissionViews.h"

namespace confpress::web {

namespace {

using assignment::Labels;

std::string t(Exchange& ex, const std::string& key) {
  return ex.services.templates.message(ex.lang(), key, key);
}

std::string fixed2(double value) {
  return Poco::NumberFormatter::format(value, 2);
}

std::string paperUrl(const store::ConferenceRecord& c, int number) {
  return "/c/" + c.slug + "/submissions/" + std::to_string(number);
}

std::string nameOf(const Labels& labels, int64_t personId) {
  auto it = labels.people.find(personId);
  return it == labels.people.end() ? "#" + std::to_string(personId) : it->second.name;
}

mstch::array names(const Labels& labels, const std::vector<int64_t>& people) {
  mstch::array out;
  for (int64_t id : people) out.push_back(mstch::map{{"name", nameOf(labels, id)}});
  return out;
}

mstch::array paperLinks(const store::ConferenceRecord& c, const Labels& labels,
                        const std::vector<int64_t>& submissions) {
  mstch::array out;
  for (int64_t id : submissions) {
    auto it = labels.papers.find(id);
    if (it == labels.papers.end()) continue;
    out.push_back(mstch::map{
        {"number", it->second.number}, {"title", it->second.title}, {"url", paperUrl(c, it->second.number)}});
  }
  return out;
}

mstch::map reportContext(Exchange& ex, const store::ConferenceRecord& c, const Labels& labels,
                         const assignment::AssignmentReport& r) {
  int widest = 1;
  for (const auto& [load, members] : r.loadHistogram) widest = std::max(widest, members);
  mstch::array histogram;
  for (const auto& [load, members] : r.loadHistogram)
    histogram.push_back(
        mstch::map{{"load", load}, {"members", members}, {"percent", members * 100 / widest}});
  mstch::array bids;
  for (const char* level : {"eager", "willing", "neutral", "not_willing", "none"}) {
    auto it = r.assignedByBid.find(level);
    bids.push_back(mstch::map{{"level", std::string(level)},
                              {"label", t(ex, std::string("assign_bid_") + level)},
                              {"count", it == r.assignedByBid.end() ? 0 : it->second}});
  }
  const auto withoutExpert = paperLinks(c, labels, r.withoutExpert);
  const auto understaffed = paperLinks(c, labels, r.understaffed);
  return mstch::map{{"pairs", r.pairs},
                    {"mean_affinity", fixed2(r.meanAffinity)},
                    {"lowest_paper_mean", fixed2(r.lowestPaperMean)},
                    {"load_histogram", histogram},
                    {"without_expert", withoutExpert},
                    {"without_expert_count", static_cast<int>(r.withoutExpert.size())},
                    {"has_without_expert", !withoutExpert.empty()},
                    {"understaffed", understaffed},
                    {"understaffed_count", static_cast<int>(r.understaffed.size())},
                    {"has_understaffed", !understaffed.empty()},
                    {"bids", bids},
                    {"eager_bids", r.eagerBids},
                    {"eager_granted", r.eagerGranted}};
}

mstch::map settingsContext(Exchange& ex, const assignment::AssignmentSettings& s) {
  return mstch::map{
      {"reviewers_per_paper", s.reviewersPerPaper},
      {"is_fair", s.mode == assign::AssignMode::Fair},
      {"mode_label", t(ex, s.mode == assign::AssignMode::Fair ? "assign_mode_fair" : "assign_mode_total")},
      {"max_per_affiliation", s.maxPerAffiliation},
      {"default_max_load", s.defaultMaxLoad},
      {"include_senior_pc", s.includeSeniorPc},
      {"keep_current", s.keepCurrent}};
}

mstch::map jobRow(Exchange& ex, const store::ConferenceRecord& c, const store::JobRecord& job) {
  return mstch::map{{"id", std::to_string(job.id)},
                    {"url", "/c/" + c.slug + "/assignment/jobs/" + std::to_string(job.id)},
                    {"state", job.state},
                    {"state_label", t(ex, "job_state_" + job.state)},
                    {"created", conference::formatInstant(job.createdAt, c.timezone, ex.lang())},
                    {"message", job.message}};
}

}  // namespace

mstch::map overviewContext(Exchange& ex, const store::ConferenceRecord& c,
                           const assignment::AssignmentOverview& v) {
  std::map<int64_t, bool> understaffed, noExpert;
  for (int64_t id : v.report.understaffed) understaffed[id] = true;
  for (int64_t id : v.report.withoutExpert) noExpert[id] = true;
  mstch::array papers;
  for (const auto& p : v.papers) {
    const auto& label = v.labels.papers.at(p.submissionId);
    mstch::array reviewers, addable;
    for (const auto& r : p.reviewers)
      reviewers.push_back(mstch::map{{"person_id", std::to_string(r.personId)},
                                     {"name", nameOf(v.labels, r.personId)},
                                     {"affinity", fixed2(r.affinity)},
                                     {"has_bid", r.bid.has_value()},
                                     {"bid", r.bid.value_or("")},
                                     {"bid_label", r.bid ? t(ex, "assign_bid_" + *r.bid) : std::string()},
                                     {"is_manual", r.source == "manual" || r.fixed},
                                     {"review_started", r.reviewStarted}});
    for (int64_t id : p.addable)
      addable.push_back(mstch::map{{"person_id", std::to_string(id)}, {"name", nameOf(v.labels, id)}});
    const bool hasReviewers = !reviewers.empty(), hasAddable = !addable.empty();
    papers.push_back(mstch::map{{"number", label.number},
                                {"title", label.title},
                                {"url", paperUrl(c, label.number)},
                                {"reviewers", reviewers},
                                {"has_reviewers", hasReviewers},
                                {"count", static_cast<int>(p.reviewers.size())},
                                {"understaffed", understaffed.count(p.submissionId) > 0},
                                {"no_expert", hasReviewers && noExpert.count(p.submissionId) > 0},
                                {"mean_affinity", fixed2(p.meanAffinity)},
                                {"addable", addable},
                                {"has_addable", hasAddable}});
  }
  mstch::array members;
  for (const auto& m : v.members) {
    const bool outside = m.load < m.minLoad || (m.maxLoad && m.load > *m.maxLoad);
    members.push_back(mstch::map{{"name", nameOf(v.labels, m.personId)},
                                 {"email", v.labels.people.at(m.personId).email},
                                 {"load", m.load},
                                 {"min_load", m.minLoad},
                                 {"max_load", m.maxLoad ? std::to_string(*m.maxLoad) : std::string("–")},
                                 {"outside", outside}});
  }
  mstch::array jobs;
  for (const auto& job : v.recentJobs) jobs.push_back(jobRow(ex, c, job));
  assignment::AssignmentSettings defaults;
  defaults.reviewersPerPaper = v.reviewersPerPaper;
  const bool hasPapers = !papers.empty(), hasJobs = !jobs.empty();
  return mstch::map{
      {"conference", conferenceSummary(ex, c)},
      {"committee_nav",
       committeeNav(ex, c, ex.services.conferences.standing(c.id, ex.principal()), "assignment")},
      {"run_url", "/c/" + c.slug + "/assignment/run"},
      {"add_url", "/c/" + c.slug + "/assignment/add"},
      {"remove_url", "/c/" + c.slug + "/assignment/remove"},
      {"settings", settingsContext(ex, defaults)},
      {"papers", papers},
      {"has_papers", hasPapers},
      {"members", members},
      {"report", reportContext(ex, c, v.labels, v.report)},
      {"hidden_papers", v.hiddenPapers},
      {"has_hidden", v.hiddenPapers > 0},
      {"jobs", jobs},
      {"has_jobs", hasJobs}};
}

mstch::map jobContext(Exchange& ex, const store::ConferenceRecord& c, const assignment::JobView& v) {
  const auto& job = v.job;
  const bool running = job.state == "queued" || job.state == "running";
  const int percent = job.total > 0 ? job.progress * 100 / job.total : 0;
  mstch::map context{
      {"conference", conferenceSummary(ex, c)},
      {"committee_nav",
       committeeNav(ex, c, ex.services.conferences.standing(c.id, ex.principal()), "assignment")},
      {"job", mstch::map{{"id", std::to_string(job.id)},
                         {"state", job.state},
                         {"state_label", t(ex, "job_state_" + job.state)},
                         {"is_running", running},
                         {"is_done", job.state == "done"},
                         {"is_failed", job.state == "failed"},
                         {"progress", job.progress},
                         {"total", std::max(job.total, 1)},
                         {"percent", percent},
                         {"message", job.message}}},
      {"api_url", "/api/v1/conferences/" + c.slug + "/assignment/jobs/" + std::to_string(job.id)},
      {"assignment_url", "/c/" + c.slug + "/assignment"},
      {"settings", settingsContext(ex, v.settings)}};
  if (!v.proposal) return context;
  const auto& p = *v.proposal;
  context["proposal"] = mstch::map{{"objective", fixed2(p.objective)},
                                   {"has_floor", p.floor.has_value()},
                                   {"floor", fixed2(p.floor.value_or(0))},
                                   {"min_paper_score", fixed2(p.minPaperScore)},
                                   {"mean_paper_score", fixed2(p.meanPaperScore)},
                                   {"load_min", p.loadMin},
                                   {"load_max", p.loadMax},
                                   {"papers", p.papers},
                                   {"reviewers", p.reviewers},
                                   {"seconds", Poco::NumberFormatter::format(p.seconds, 3)},
                                   {"committed", p.committedAt.has_value()},
                                   {"stale", v.stale}};
  context["may_commit"] = !p.committedAt && !v.stale;
  context["commit_url"] = "/c/" + c.slug + "/assignment/jobs/" + std::to_string(job.id) + "/commit";
  mstch::array papers, reviewers;
  for (const auto& change : v.diff.papers) {
    const auto& label = v.labels.papers.at(change.submissionId);
    papers.push_back(mstch::map{{"number", label.number},
                                {"title", label.title},
                                {"url", paperUrl(c, label.number)},
                                {"added", names(v.labels, change.added)},
                                {"removed", names(v.labels, change.removed)},
                                {"kept", names(v.labels, change.kept)}});
  }
  for (const auto& change : v.diff.reviewers)
    reviewers.push_back(mstch::map{{"name", nameOf(v.labels, change.personId)},
                                   {"load_before", change.loadBefore},
                                   {"load_after", change.loadAfter},
                                   {"added", paperLinks(c, v.labels, change.added)},
                                   {"removed", paperLinks(c, v.labels, change.removed)}});
  const bool anyChange = !papers.empty();
  context["changes"] = mstch::map{{"added", static_cast<int>(v.diff.added)},
                                  {"removed", static_cast<int>(v.diff.removed)},
                                  {"kept", static_cast<int>(v.diff.kept)},
                                  {"papers", papers},
                                  {"reviewers", reviewers},
                                  {"any", anyChange}};
  context["current"] = reportContext(ex, c, v.labels, v.current);
  context["proposed"] = reportContext(ex, c, v.labels, v.proposed);
  context["hidden_papers"] = v.hiddenPapers;
  context["has_hidden"] = v.hiddenPapers > 0;
  return context;
}

}  // namespace confpress::web
