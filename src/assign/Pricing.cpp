// solveByPricing: the restricted solves and the pricing rounds between them.
#include "assign/Pricing.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "assign/MinCostFlow.h"

namespace confpress::assign {

namespace {

// Sizes that trade solve time against pricing rounds, measured on the benchmark instances (bench/assign).
// The reviewers' own best papers matter as much as the papers' best reviewers: popular reviewers fill up,
// and without the others' lists the first networks could only route the rest through the slack.
int initialPerPaper(const Network& net) {
  return net.k + 2;
}
int initialPerReviewer(const Network& net, int r) {
  const std::int64_t share = net.reviewers > 0 ? (net.demand() + net.reviewers - 1) / net.reviewers : 0;
  const auto expected = std::min<std::int64_t>(net.maxLoad[r], share);
  return net.minLoad[r] + static_cast<int>((3 * expected + 1) / 2);
}
int addedPerPaperAndRound(const Network& net) {
  return 2 * net.k + 2;
}

bool eligible(const Network& net, int c, std::int64_t threshold) {
  return net.fixed[c] || net.gain[c] >= threshold;
}

// Keeps in `items` (candidate indices) the `keep` with the highest gain.
void keepBest(const Network& net, std::vector<int>& items, std::size_t keep) {
  if (items.size() <= keep) return;
  std::nth_element(
      items.begin(), items.begin() + static_cast<std::ptrdiff_t>(keep), items.end(),
      [&](int a, int b) { return net.gain[a] != net.gain[b] ? net.gain[a] > net.gain[b] : a < b; });
  items.resize(keep);
}

// Each paper's best candidates and its fixed ones, and each reviewer's best papers.
std::vector<char> initialSelection(const Network& net, std::int64_t threshold) {
  std::vector<char> in(net.candidates(), 0);
  std::vector<int> items;
  for (int p = 0; p < net.papers; ++p) {
    items.clear();
    for (int c = net.first[p]; c < net.first[p + 1]; ++c) {
      if (net.fixed[c])
        in[c] = 1;
      else if (eligible(net, c, threshold))
        items.push_back(c);
    }
    keepBest(net, items, static_cast<std::size_t>(initialPerPaper(net)));
    for (int c : items) in[c] = 1;
  }
  // Candidates grouped by reviewer (counting sort), then each reviewer's best.
  std::vector<int> start(net.reviewers + 1, 0);
  for (int c = 0; c < net.candidates(); ++c)
    if (eligible(net, c, threshold)) ++start[net.reviewer[c] + 1];
  for (int r = 0; r < net.reviewers; ++r) start[r + 1] += start[r];
  std::vector<int> byReviewer(start[net.reviewers]), next(start.begin(), start.end() - 1);
  for (int c = 0; c < net.candidates(); ++c)
    if (eligible(net, c, threshold)) byReviewer[next[net.reviewer[c]]++] = c;
  for (int r = 0; r < net.reviewers; ++r) {
    items.assign(byReviewer.begin() + start[r], byReviewer.begin() + start[r + 1]);
    keepBest(net, items, static_cast<std::size_t>(initialPerReviewer(net, r)));
    for (int c : items) in[c] = 1;
  }
  return in;
}

// Adds the left-out eligible arcs with negative reduced cost (at most a few per paper, the most negative)
// and returns how many there were. When there are any, arcs priced just above zero (within 2% of the
// largest gain) come along: the next potentials tend to turn them negative, and each round saved is a
// whole NetworkSimplex run (measured: 4 runs become 2 on the 20,000-paper benchmark).
std::size_t price(const Network& net, std::int64_t threshold, const std::vector<std::int64_t>& potential,
                  std::vector<char>& in) {
  std::size_t negatives = 0;
  const std::int64_t nearZero = net.maxAbsGain / 50;
  const auto limit = static_cast<std::size_t>(addedPerPaperAndRound(net));
  std::vector<std::pair<__int128, int>> cheap;
  std::vector<int> pending;
  for (int p = 0; p < net.papers; ++p) {
    cheap.clear();
    for (int c = net.first[p]; c < net.first[p + 1]; ++c) {
      if (in[c] || !eligible(net, c, threshold)) continue;
      // Potentials may sit near LEMON's artificial cost (2^62): compute in 128 bits.
      const __int128 reduced = static_cast<__int128>(-net.gain[c]) + potential[net.tailNode(c, p)] -
                               potential[net.reviewerNode(net.reviewer[c])];
      if (reduced < nearZero) cheap.emplace_back(reduced, c);
      if (reduced < 0) ++negatives;
    }
    if (cheap.size() > limit) {  // the most negative first
      std::nth_element(cheap.begin(), cheap.begin() + static_cast<std::ptrdiff_t>(limit), cheap.end());
      cheap.resize(limit);
    }
    for (const auto& item : cheap) pending.push_back(item.second);
  }
  if (negatives > 0)
    for (int c : pending) in[c] = 1;
  return negatives;
}

}  // namespace

std::int64_t slackCostFor(const Network& net) {
  const std::int64_t paths = static_cast<std::int64_t>(net.nodes()) + 2;
  const std::int64_t cap = (std::int64_t{1} << 61) / paths;
  if (net.maxAbsGain == 0) return 1;
  return net.maxAbsGain >= cap / paths ? cap : net.maxAbsGain * paths + 1;
}

PricingResult solveByPricing(const Network& net, std::int64_t threshold, std::int64_t slackCost) {
  std::vector<char> in = initialSelection(net, threshold);
  PricingResult result;
  std::vector<int> arcs;
  for (;;) {
    arcs.clear();
    for (int c = 0; c < net.candidates(); ++c)
      if (in[c]) arcs.push_back(c);
    MinCostFlowResult flow = solveMinCost(net, arcs, slackCost);
    ++result.solves;
    result.largestArcs = std::max(result.largestArcs, arcs.size() + net.arcs() - net.reviewer.size());
    if (!flow.feasible) {
      // The slack route makes every restricted network feasible once the counting checks passed.
      throw std::logic_error("assignment: a restricted network was infeasible despite the slack route");
    }
    if (price(net, threshold, flow.potential, in) == 0) {
      result.assigned = std::move(flow.assigned);
      result.slackFlow = flow.slackFlow;
      return result;
    }
  }
}

}  // namespace confpress::assign
