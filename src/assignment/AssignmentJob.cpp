#include "assignment/AssignmentJob.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <chrono>
#include <sstream>

#include "assign/Assigner.h"
#include "committee/AssignmentInput.h"
#include "core/Errors.h"
#include "store/AssignmentRepository.h"
#include "store/ConferenceRepository.h"

namespace confpress::assignment {

namespace {

constexpr int kSteps = 3;

std::vector<Pair> currentPairs(store::Database& db, const std::string& slug) {
  Poco::Data::Session s = db.session();
  auto c = store::ConferenceRepository(s).findBySlug(slug);
  if (!c) throw NotFound("no conference '" + slug + "'");
  std::vector<Pair> pairs;
  for (const auto& a : store::AssignmentRepository(s).list(c->id))
    pairs.push_back({a.submissionId, a.personId});
  return pairs;
}

}  // namespace

std::string assignmentJobInput(const std::string& slug, const AssignmentSettings& settings) {
  Poco::JSON::Object o;
  o.set("conference", slug);
  o.set("settings", Poco::JSON::Parser().parse(settingsToJson(settings)));
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

std::string runAssignmentJob(store::Database& db, const store::JobRecord& job, jobs::JobProgress& progress) {
  const auto input = Poco::JSON::Parser().parse(job.inputJson).extract<Poco::JSON::Object::Ptr>();
  const std::string slug = input->getValue<std::string>("conference");
  std::ostringstream settingsJson;
  input->getObject("settings")->stringify(settingsJson);

  Proposal proposal;
  proposal.settings = settingsFromJson(settingsJson.str());
  validateSettings(proposal.settings);
  progress.report(0, kSteps, "reading the papers, the committee, conflicts, affinities and bids");
  // The fingerprint is taken before the input is read: if the assignment changes in between, the
  // proposal looks stale and cannot be committed, which is the safe side.
  proposal.baseFingerprint = fingerprint(currentPairs(db, slug));
  committee::AssignmentInputOptions options;
  options.reviewersPerPaper = proposal.settings.reviewersPerPaper;
  options.maxPerAffiliation = proposal.settings.maxPerAffiliation;
  options.includeSeniorPc = proposal.settings.includeSeniorPc;
  options.defaultMaxLoad = proposal.settings.defaultMaxLoad;
  options.keepCurrent = proposal.settings.keepCurrent;
  const committee::AssignmentInput in = committee::buildAssignmentInput(db, slug, options);
  if (in.submissionIds.empty()) throw Conflict("no_papers", slug + " has no submitted paper to assign");
  if (in.personIds.empty())
    throw Conflict("no_reviewers", "no committee member of " + slug + " has accepted the invitation yet");

  std::ostringstream step;
  step << "solving: " << in.submissionIds.size() << " papers, " << in.personIds.size() << " reviewers, "
       << in.problem.candidates.size() << " eligible pairs";
  progress.report(1, kSteps, step.str());
  assign::AssignOptions solve;
  solve.mode = proposal.settings.mode;
  const auto started = std::chrono::steady_clock::now();
  const assign::Assignment answer = assign::assignReviewers(in.problem, solve);
  proposal.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  progress.report(2, kSteps, "preparing the preview");
  std::vector<std::pair<Pair, double>> scored;
  for (const assign::Candidate& c : answer.pairs)
    scored.push_back({{in.submissionIds[c.paper], in.personIds[c.reviewer]}, c.score});
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [pair, score] : scored) {
    proposal.pairs.push_back(pair);
    proposal.scores.push_back(score);
  }
  proposal.objective = answer.objective;
  proposal.floor = answer.floor;
  proposal.minPaperScore = answer.minPaperScore;
  proposal.meanPaperScore = answer.meanPaperScore;
  proposal.loadMin = answer.loadMin;
  proposal.loadMax = answer.loadMax;
  proposal.papers = static_cast<int>(in.submissionIds.size());
  proposal.reviewers = static_cast<int>(in.personIds.size());
  proposal.candidates = in.problem.candidates.size();
  proposal.excludedPairs = in.excludedPairs;
  proposal.fixedPairs = in.problem.fixed.size();
  return proposalToJson(proposal);
}

}  // namespace confpress::assignment
