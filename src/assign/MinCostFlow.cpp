// solveMinCost: builds the restricted network as a LEMON SmartDigraph (arcs in a known order, so arc ids
// map back to candidates without extra maps) and runs NetworkSimplex on it.
#include "assign/MinCostFlow.h"

// LEMON's SmartDigraph pushes value-initialised node and arc records; GCC 12 with sanitizers and -O1 or
// more mistakes them for uninitialised reads (-Wmaybe-uninitialized) inside its own headers.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <stdexcept>

namespace confpress::assign {

namespace {

using Graph = lemon::SmartDigraph;
using Solver = lemon::NetworkSimplex<Graph, int, std::int64_t>;

struct Model {
  Graph graph;
  std::vector<Graph::Node> node;
  Graph::ArcMap<int> lower{graph}, upper{graph};
  Graph::ArcMap<std::int64_t> cost{graph};
  Graph::NodeMap<int> supply{graph};

  Graph::Arc add(int from, int to, int low, int up, std::int64_t c) {
    const Graph::Arc arc = graph.addArc(node[from], node[to]);
    lower[arc] = low;
    upper[arc] = up;
    cost[arc] = c;
    return arc;
  }
};

}  // namespace

MinCostFlowResult solveMinCost(const Network& net, const std::vector<int>& arcs, std::int64_t slackCost) {
  const bool slack = slackCost > 0;
  const int slackNode = net.nodes();
  Model m;
  m.graph.reserveNode(net.nodes() + 1);
  m.graph.reserveArc(static_cast<int>(arcs.size()) + net.groups + 2 * net.reviewers + net.papers + 1);
  for (int i = 0; i < net.nodes() + (slack ? 1 : 0); ++i) m.node.push_back(m.graph.addNode());
  for (int p = 0; p < net.papers; ++p) m.supply[m.node[net.paperNode(p)]] = net.k;
  m.supply[m.node[net.sinkNode()]] = -static_cast<int>(net.demand());
  if (slack) m.supply[m.node[slackNode]] = 0;

  // Candidate arcs first: arc id i is arcs[i].
  int paper = 0;
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    const int c = arcs[i];
    if (i > 0 && c <= arcs[i - 1]) throw std::logic_error("solveMinCost: arcs must be sorted and unique");
    while (c >= net.first[paper + 1]) ++paper;
    const int fixed = net.fixed[c];
    m.add(net.tailNode(c, paper), net.reviewerNode(net.reviewer[c]), fixed, 1, -net.gain[c]);
  }
  for (int g = 0; g < net.groups; ++g)
    m.add(net.paperNode(net.groupPaper[g]), net.groupNode(g), 0, net.groupCap, 0);
  for (int r = 0; r < net.reviewers; ++r)
    m.add(net.reviewerNode(r), net.sinkNode(), net.minLoad[r], net.maxLoad[r], 0);
  std::vector<Graph::Arc> slackArcs;
  if (slack) {
    for (int p = 0; p < net.papers; ++p)
      slackArcs.push_back(m.add(net.paperNode(p), slackNode, 0, net.k, slackCost));
    for (int r = 0; r < net.reviewers; ++r)
      if (net.minLoad[r] > 0) m.add(slackNode, net.reviewerNode(r), 0, net.minLoad[r], 0);
    m.add(slackNode, net.sinkNode(), 0, static_cast<int>(net.demand()), 0);
  }

  Solver solver(m.graph);
  solver.lowerMap(m.lower).upperMap(m.upper).costMap(m.cost).supplyMap(m.supply);
  MinCostFlowResult result;
  const Solver::ProblemType status = solver.run();
  if (status == Solver::UNBOUNDED) throw std::logic_error("solveMinCost: the network cannot be unbounded");
  if (status != Solver::OPTIMAL) return result;
  result.feasible = true;
  for (std::size_t i = 0; i < arcs.size(); ++i)
    if (solver.flow(m.graph.arcFromId(static_cast<int>(i))) > 0) result.assigned.push_back(arcs[i]);
  for (const Graph::Arc& arc : slackArcs) result.slackFlow += solver.flow(arc);
  result.potential.resize(m.node.size());
  for (std::size_t i = 0; i < m.node.size(); ++i) result.potential[i] = solver.potential(m.node[i]);
  return result;
}

}  // namespace confpress::assign
