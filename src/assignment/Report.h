#pragma once
// The figures a chair judges an assignment by, for the current one and for a proposal alike: the load
// histogram, each paper's lowest and mean affinity, the papers without an expert, the papers short of
// reviewers, and how well the bids were honoured. Pure function of its input.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "assignment/Proposal.h"

namespace confpress::assignment {

/// A reviewer whose affinity with the paper reaches this is an expert on it. Affinities lie in [0, 1]
/// (affinity/AffinityModel.h: 0.7 × BM25 relative to the paper's best match + 0.3 × topic overlap), so
/// 0.5 means a strong text match or a good one together with shared topics.
constexpr double kExpertAffinity = 0.5;

struct ReportInput {
  std::vector<int64_t> papers;       // the submitted papers
  std::vector<int64_t> members;      // the reviewers who may be assigned
  std::vector<Pair> pairs;           // the assignment
  std::map<Pair, double> affinity;   // absent: 0
  std::map<Pair, std::string> bids;  // eager, willing, neutral, not_willing; absent: no bid
  int reviewersPerPaper = 3;
};

struct PaperFigures {
  int64_t submissionId = 0;
  int reviewers = 0;
  double minAffinity = 0, meanAffinity = 0;  // 0 without reviewers
  bool hasExpert = false;
};

struct AssignmentReport {
  std::map<int, int> loadHistogram;  // load → members with it (members without papers count at 0)
  std::vector<PaperFigures> papers;  // in input order
  std::vector<int64_t> withoutExpert;
  std::vector<int64_t> understaffed;         // fewer reviewers than reviewersPerPaper
  std::map<std::string, int> assignedByBid;  // eager, willing, neutral, not_willing, none → pairs
  int eagerBids = 0, eagerGranted = 0;       // eager bids, and those assigned
  double meanAffinity = 0, lowestPaperMean = 0;
  int pairs = 0;
};

AssignmentReport buildReport(const ReportInput& input);

}  // namespace confpress::assignment
