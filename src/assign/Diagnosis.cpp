// Infeasibility explanations: counting checks first (they name the cause plainly), the circulation
// barrier for what counts cannot show.
#include "assign/Diagnosis.h"

#include <algorithm>
#include <numeric>

namespace confpress::assign {

namespace {

std::string join(const std::vector<std::string>& reasons) {
  std::string text = "no assignment meets every constraint: ";
  for (std::size_t i = 0; i < reasons.size(); ++i) text += (i ? "; " : "") + reasons[i];
  return text;
}

// Collects reasons and the ids involved, each id once, in first-mention order.
class Findings {
 public:
  explicit Findings(const AssignmentProblem& problem)
      : problem_(problem), paperSeen_(problem.paperIds.size()), reviewerSeen_(problem.reviewerIds.size()) {}

  void reason(std::string text) { reasons_.push_back(std::move(text)); }
  void paper(int p) {
    if (!paperSeen_[p]) paperSeen_[p] = true, papers_.push_back(problem_.paperIds[p]);
  }
  void reviewer(int r) {
    if (!reviewerSeen_[r]) reviewerSeen_[r] = true, reviewers_.push_back(problem_.reviewerIds[r]);
  }
  bool any() const { return !reasons_.empty(); }
  [[noreturn]] void raise() { throw InfeasibleAssignment(reasons_, papers_, reviewers_); }

 private:
  const AssignmentProblem& problem_;
  std::vector<std::string> reasons_, papers_, reviewers_;
  std::vector<bool> paperSeen_, reviewerSeen_;
};

std::string plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void checkFixed(const AssignmentProblem& problem, const Network& net, Findings& f) {
  for (const PaperReviewer& pr : net.fixedConflicts) {
    f.reason("the fixed assignment (" + problem.paperIds[pr.paper] + ", " + problem.reviewerIds[pr.reviewer] +
             ") is a conflict");
    f.paper(pr.paper);
    f.reviewer(pr.reviewer);
  }
  std::vector<int> fixedLoad(net.reviewers, 0), groupFixed(net.groups, 0);
  for (int p = 0; p < net.papers; ++p) {
    int count = 0;
    for (int c = net.first[p]; c < net.first[p + 1]; ++c)
      if (net.fixed[c]) {
        ++count, ++fixedLoad[net.reviewer[c]];
        if (net.group[c] >= 0) ++groupFixed[net.group[c]];
      }
    if (count > net.k) {
      f.reason("paper " + problem.paperIds[p] + " has " + plural(count, "fixed reviewer", "fixed reviewers") +
               ", more than " + std::to_string(net.k));
      f.paper(p);
    }
  }
  for (int r = 0; r < net.reviewers; ++r)
    if (fixedLoad[r] > net.maxLoad[r]) {
      f.reason("reviewer " + problem.reviewerIds[r] + " has " +
               plural(fixedLoad[r], "fixed paper", "fixed papers") + ", more than the maximum load " +
               std::to_string(net.maxLoad[r]));
      f.reviewer(r);
    }
  for (int g = 0; g < net.groups; ++g)
    if (groupFixed[g] > net.groupCap) {
      f.reason("paper " + problem.paperIds[net.groupPaper[g]] + " has " + std::to_string(groupFixed[g]) +
               " fixed reviewers from " + problem.affiliationNames[net.groupAffiliation[g]] + ", more than " +
               std::to_string(net.groupCap) + " per affiliation");
      f.paper(net.groupPaper[g]);
    }
}

void checkPapers(const AssignmentProblem& problem, const Network& net, Findings& f) {
  std::vector<std::string> short_;
  std::vector<int> groupCount(net.groups, 0);
  for (int c = 0; c < net.candidates(); ++c)
    if (net.group[c] >= 0) ++groupCount[net.group[c]];
  std::vector<int> eligible(net.papers, 0);
  for (int p = 0; p < net.papers; ++p)
    for (int c = net.first[p]; c < net.first[p + 1]; ++c)
      if (net.group[c] < 0) ++eligible[p];
  for (int g = 0; g < net.groups; ++g) eligible[net.groupPaper[g]] += std::min(groupCount[g], net.groupCap);
  for (int p = 0; p < net.papers; ++p)
    if (eligible[p] < net.k) {
      short_.push_back(problem.paperIds[p] + " (" + std::to_string(eligible[p]) + ")");
      f.paper(p);
    }
  if (!short_.empty())
    f.reason(plural(static_cast<std::int64_t>(short_.size()), "paper has", "papers have") + " fewer than " +
             std::to_string(net.k) + " eligible reviewers" +
             (net.groups ? " (counting the affiliation cap)" : "") + ": " + listIds(short_));
}

void checkLoads(const AssignmentProblem& problem, const Network& net, Findings& f) {
  std::int64_t capacity = 0, minimum = 0;
  std::vector<int> fixedLoad(net.reviewers, 0), eligible(net.reviewers, 0);
  for (int c = 0; c < net.candidates(); ++c) {
    ++eligible[net.reviewer[c]];
    if (net.fixed[c]) ++fixedLoad[net.reviewer[c]];
  }
  std::vector<std::string> short_;
  for (int r = 0; r < net.reviewers; ++r) {
    capacity += net.maxLoad[r];
    minimum += std::max(net.minLoad[r], fixedLoad[r]);
    if (eligible[r] < net.minLoad[r]) {
      short_.push_back(problem.reviewerIds[r] + " (" + std::to_string(eligible[r]) + " < " +
                       std::to_string(net.minLoad[r]) + ")");
      f.reviewer(r);
    }
  }
  const std::string demand = plural(net.papers, "paper", "papers") + " × " + std::to_string(net.k) + " = " +
                             std::to_string(net.demand()) + " reviews";
  if (capacity < net.demand())
    f.reason("the total capacity (the reviewers' maximum loads add up to " + std::to_string(capacity) +
             ") is below the demand of " + demand);
  if (minimum > net.demand())
    f.reason("the minimum loads (with the fixed assignments) need " + std::to_string(minimum) +
             " reviews, more than the demand of " + demand);
  if (!short_.empty())
    f.reason(plural(static_cast<std::int64_t>(short_.size()), "reviewer has", "reviewers have") +
             " fewer eligible papers than their minimum load: " + listIds(short_));
}

}  // namespace

InfeasibleAssignment::InfeasibleAssignment(std::vector<std::string> reasonList,
                                           std::vector<std::string> paperIds,
                                           std::vector<std::string> reviewerIds)
    : Error(ErrorKind::Validation, "assignment_infeasible", join(reasonList)),
      reasons(std::move(reasonList)),
      papers(std::move(paperIds)),
      reviewers(std::move(reviewerIds)) {}

std::string listIds(const std::vector<std::string>& ids, std::size_t shown) {
  std::string text;
  for (std::size_t i = 0; i < ids.size() && i < shown; ++i) text += (i ? ", " : "") + ids[i];
  if (ids.size() > shown) text += " and " + std::to_string(ids.size() - shown) + " more";
  return text;
}

void checkCounts(const AssignmentProblem& problem, const Network& net) {
  Findings f(problem);
  checkFixed(problem, net, f);
  checkPapers(problem, net, f);
  checkLoads(problem, net, f);
  if (f.any()) f.raise();
}

void throwBarrier(const AssignmentProblem& problem, const Network& net, const Barrier& b) {
  Findings f(problem);
  std::vector<std::string> papers, reviewers;
  for (int p : b.papers) f.paper(p), papers.push_back(problem.paperIds[p]);
  for (int r : b.reviewers) f.reviewer(r), reviewers.push_back(problem.reviewerIds[r]);
  const std::string limits = net.groups ? "loads, conflicts, affiliation caps and fixed assignments"
                                        : "loads, conflicts and fixed assignments";
  if (!b.sinkSide) {
    f.reason(plural(static_cast<std::int64_t>(papers.size()), "paper", "papers") + " (" + listIds(papers) +
             ") need " + std::to_string(b.need) + " reviews in all, but within the " + limits +
             " their eligible reviewers" + (reviewers.empty() ? "" : " (" + listIds(reviewers) + ")") +
             " can give them at most " + std::to_string(b.capacity));
  } else {
    f.reason(plural(static_cast<std::int64_t>(reviewers.size()), "reviewer", "reviewers") + " (" +
             listIds(reviewers) + ") must take at least " + std::to_string(b.need) +
             " reviews (minimum loads and fixed assignments), but within the " + limits +
             " the papers they may review" + (papers.empty() ? "" : " (" + listIds(papers) + ")") +
             " can give them at most " + std::to_string(b.capacity));
  }
  f.raise();
}

}  // namespace confpress::assign
