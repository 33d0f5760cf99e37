#include "assignment/Report.h"

#include <algorithm>

namespace confpress::assignment {

AssignmentReport buildReport(const ReportInput& in) {
  AssignmentReport report;
  std::map<int64_t, std::vector<double>> byPaper;
  std::map<int64_t, int> load;
  for (int64_t m : in.members) load[m] = 0;
  for (const char* level : {"eager", "willing", "neutral", "not_willing", "none"})
    report.assignedByBid[level] = 0;
  double sum = 0;
  for (const Pair& p : in.pairs) {
    auto a = in.affinity.find(p);
    const double affinity = a == in.affinity.end() ? 0.0 : a->second;
    byPaper[p.submissionId].push_back(affinity);
    ++load[p.personId];
    sum += affinity;
    auto b = in.bids.find(p);
    ++report.assignedByBid[b == in.bids.end() ? "none" : b->second];
    if (b != in.bids.end() && b->second == "eager") ++report.eagerGranted;
  }
  for (const auto& [pair, level] : in.bids)
    if (level == "eager") ++report.eagerBids;
  for (const auto& [member, n] : load) ++report.loadHistogram[n];
  report.pairs = static_cast<int>(in.pairs.size());
  report.meanAffinity = in.pairs.empty() ? 0 : sum / static_cast<double>(in.pairs.size());

  bool first = true;
  for (int64_t paper : in.papers) {
    PaperFigures f;
    f.submissionId = paper;
    if (auto it = byPaper.find(paper); it != byPaper.end() && !it->second.empty()) {
      const auto& values = it->second;
      f.reviewers = static_cast<int>(values.size());
      f.minAffinity = *std::min_element(values.begin(), values.end());
      double total = 0;
      for (double v : values) total += v;
      f.meanAffinity = total / static_cast<double>(values.size());
      f.hasExpert = *std::max_element(values.begin(), values.end()) >= kExpertAffinity;
    }
    if (!f.hasExpert) report.withoutExpert.push_back(paper);
    if (f.reviewers < in.reviewersPerPaper) report.understaffed.push_back(paper);
    report.lowestPaperMean = first ? f.meanAffinity : std::min(report.lowestPaperMean, f.meanAffinity);
    first = false;
    report.papers.push_back(f);
  }
  return report;
}

}  // namespace confpress::assignment
