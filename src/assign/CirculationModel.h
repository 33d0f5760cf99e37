#pragma once
// Exact feasibility of the assignment network (LEMON Circulation, push-relabel with lower bounds): "is
// there any assignment meeting every constraint when only pairs scoring at least T may be used?" Each
// check builds a graph of just the pairs at or above T, so a high threshold is a cheap check. When a
// check fails, barrier() tells which papers and reviewers make it fail. Not thread-safe: one model per
// solve.
#include <cstdint>
#include <memory>
#include <vector>

#include "assign/Network.h"

namespace confpress::assign {

/// A set of nodes that proves infeasibility, translated back to papers and reviewers: the papers in it
/// must send out `need` units but the arcs leaving it carry at most `capacity` (papers short of
/// reviewers), or, when `sinkSide` is set, the papers and reviewers *outside* it are forced to push
/// `need` units (minimum loads, fixed pairs) and can receive at most `capacity`.
struct Barrier {
  bool sinkSide = false;
  std::vector<int> papers, reviewers;  // the side described above
  std::int64_t need = 0, capacity = 0;
};

class CirculationModel {
 public:
  explicit CirculationModel(const Network& net);
  ~CirculationModel();
  CirculationModel(const CirculationModel&) = delete;
  CirculationModel& operator=(const CirculationModel&) = delete;

  /// True if an assignment exists using only fixed pairs and candidates with gain >= threshold
  /// (INT64_MIN: every candidate).
  bool feasible(std::int64_t threshold);
  /// After feasible() returned false: the barrier LEMON found.
  Barrier barrier() const;
  /// After feasible() returned true: the candidates of the assignment found.
  std::vector<int> assigned() const;

 private:
  struct Lemon;
  const Network& net_;
  std::unique_ptr<Lemon> lemon_;
};

}  // namespace confpress::assign
