// CirculationModel: the assignment network of the eligible pairs as a SmartDigraph whose first arcs are
// those candidates (in order), checked with lemon::Circulation.
#include "assign/CirculationModel.h"

// LEMON's SmartDigraph pushes value-initialised node and arc records; GCC 12 with sanitizers and -O1 or
// more mistakes them for uninitialised reads (-Wmaybe-uninitialized) inside its own headers.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <lemon/circulation.h>
#include <lemon/smart_graph.h>

namespace confpress::assign {

using Graph = lemon::SmartDigraph;
using IntArcMap = Graph::ArcMap<int>;
using IntNodeMap = Graph::NodeMap<int>;
using Circulation = lemon::Circulation<Graph, IntArcMap, IntArcMap, IntNodeMap>;

struct CirculationModel::Lemon {
  Graph graph;
  IntArcMap lower{graph}, upper{graph};
  IntNodeMap supply{graph};
  std::vector<int> arcCandidate;  // the first arcs are these candidates
  std::unique_ptr<Circulation> circulation;
};

CirculationModel::CirculationModel(const Network& net) : net_(net) {}

CirculationModel::~CirculationModel() = default;

// Builds the network of the eligible arcs only: pairs below the threshold are left out rather than given
// capacity 0, so a high threshold (few pairs) costs a small graph.
bool CirculationModel::feasible(std::int64_t threshold) {
  lemon_ = std::make_unique<Lemon>();
  Lemon& l = *lemon_;
  Graph& g = l.graph;
  g.reserveNode(net_.nodes());
  for (int i = 0; i < net_.nodes(); ++i) l.supply[g.addNode()] = 0;
  auto add = [&](int from, int to, int low, int up) {
    const Graph::Arc arc = g.addArc(g.nodeFromId(from), g.nodeFromId(to));
    l.lower[arc] = low;
    l.upper[arc] = up;
  };
  for (int p = 0; p < net_.papers; ++p) {
    l.supply[g.nodeFromId(net_.paperNode(p))] = net_.k;
    for (int c = net_.first[p]; c < net_.first[p + 1]; ++c)
      if (net_.fixed[c] || net_.gain[c] >= threshold) {
        add(net_.tailNode(c, p), net_.reviewerNode(net_.reviewer[c]), net_.fixed[c], 1);
        l.arcCandidate.push_back(c);
      }
  }
  for (int grp = 0; grp < net_.groups; ++grp)
    add(net_.paperNode(net_.groupPaper[grp]), net_.groupNode(grp), 0, net_.groupCap);
  for (int r = 0; r < net_.reviewers; ++r)
    add(net_.reviewerNode(r), net_.sinkNode(), net_.minLoad[r], net_.maxLoad[r]);
  l.supply[g.nodeFromId(net_.sinkNode())] = -static_cast<int>(net_.demand());
  l.circulation = std::make_unique<Circulation>(g, l.lower, l.upper, l.supply);
  return l.circulation->run();
}

// LEMON's barrier proves infeasibility but may hold nodes that play no part (say, a paper with plenty of
// reviewers). Moving out every node whose leaving does not weaken the proof leaves the papers and
// reviewers that really clash, which is what a chair needs to read.
Barrier CirculationModel::barrier() const {
  const Graph& g = lemon_->graph;
  const Circulation& circulation = *lemon_->circulation;
  Barrier b;
  b.sinkSide = circulation.barrier(g.nodeFromId(net_.sinkNode()));
  // The side the message is about: the barrier itself, or its complement when it holds the sink.
  std::vector<char> in(net_.nodes());
  for (int i = 0; i < net_.nodes(); ++i) in[i] = circulation.barrier(g.nodeFromId(i)) != b.sinkSide ? 1 : 0;
  auto isPaper = [&](int node) { return node < net_.papers; };
  // How much the proof's margin (need - capacity, > 0 while it proves infeasibility) changes if `node`
  // leaves the side. Without the sink: need = k × papers, capacity = upper(leaving) - lower(entering).
  // With it: need = lower(leaving), capacity = k × papers + upper(entering).
  auto marginChange = [&](int node) {
    const Graph::Node v = g.nodeFromId(node);
    std::int64_t change = isPaper(node) ? (b.sinkSide ? net_.k : -net_.k) : 0;
    for (Graph::OutArcIt arc(g, v); arc != lemon::INVALID; ++arc) {
      const bool inside = in[g.id(g.target(arc))] != 0;
      change += b.sinkSide ? -(inside ? lemon_->upper[arc] : lemon_->lower[arc])
                           : (inside ? lemon_->lower[arc] : lemon_->upper[arc]);
    }
    for (Graph::InArcIt arc(g, v); arc != lemon::INVALID; ++arc) {
      const bool inside = in[g.id(g.source(arc))] != 0;
      change += b.sinkSide ? (inside ? lemon_->lower[arc] : lemon_->upper[arc])
                           : -(inside ? lemon_->upper[arc] : lemon_->lower[arc]);
    }
    return change;
  };
  // Bounds on the arcs crossing the side's border, by direction.
  auto measure = [&] {
    std::int64_t leavingLower = 0, leavingUpper = 0, enteringLower = 0, enteringUpper = 0, papers = 0;
    for (Graph::ArcIt arc(g); arc != lemon::INVALID; ++arc) {
      const bool from = in[g.id(g.source(arc))] != 0, to = in[g.id(g.target(arc))] != 0;
      if (from && !to) leavingLower += lemon_->lower[arc], leavingUpper += lemon_->upper[arc];
      if (!from && to) enteringLower += lemon_->lower[arc], enteringUpper += lemon_->upper[arc];
    }
    for (int p = 0; p < net_.papers; ++p) papers += in[net_.paperNode(p)];
    if (b.sinkSide) {  // the side must push out at least leavingLower but has only its papers' supply
      b.need = leavingLower;
      b.capacity = papers * net_.k + enteringUpper;
    } else {  // the side's papers must send their supply out through the arcs leaving it
      b.need = papers * net_.k;
      b.capacity = leavingUpper - enteringLower;
    }
  };
  measure();
  std::int64_t margin = b.need - b.capacity;
  for (bool changed = margin > 0; changed;) {
    changed = false;
    for (int node = 0; node < net_.nodes(); ++node) {
      if (!in[node]) continue;
      const std::int64_t change = marginChange(node);
      if (change < 0) continue;  // the node is part of the clash: keep it
      in[node] = 0;
      margin += change;
      changed = true;
    }
  }
  measure();
  for (int p = 0; p < net_.papers; ++p)
    if (in[net_.paperNode(p)]) b.papers.push_back(p);
  for (int r = 0; r < net_.reviewers; ++r)
    if (in[net_.reviewerNode(r)]) b.reviewers.push_back(r);
  return b;
}

std::vector<int> CirculationModel::assigned() const {
  std::vector<int> result;
  const Graph& g = lemon_->graph;
  for (std::size_t i = 0; i < lemon_->arcCandidate.size(); ++i)
    if (lemon_->circulation->flow(g.arcFromId(static_cast<int>(i))) > 0)
      result.push_back(lemon_->arcCandidate[i]);
  return result;
}

}  // namespace confpress::assign
