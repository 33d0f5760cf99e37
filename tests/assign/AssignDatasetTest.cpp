// Regression against published data: the bid-derived similarity matrices of AAMAS 2015/2016 and three
// PrefLib conferences (shared/data/assignment/pm-similarity-matrices, MIT). With 3 reviewers per paper
// and the loads of its README, the optimal totals must be exactly the ones listed there, including the
// variants with a minimum load. Every pair is a candidate (0.0 included), as in the README's runs.
// The data is read from ../shared beside the source tree, or from $CONFPRESS_ASSIGNMENT_DATA.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

#include "assign/Assigner.h"

using namespace confpress::assign;

namespace {

std::string dataDir() {
  if (const char* dir = std::getenv("CONFPRESS_ASSIGNMENT_DATA")) return dir;
  return CONFPRESS_SOURCE_DIR "/../shared/data/assignment/pm-similarity-matrices";
}

// "<papers> <reviewers>" then one row of similarities per paper.
AssignmentProblem readMatrix(const std::string& name) {
  std::ifstream in(dataDir() + "/" + name + ".in");
  AssignmentProblem pb;
  int papers = 0, reviewers = 0;
  if (!(in >> papers >> reviewers)) return pb;
  for (int p = 0; p < papers; ++p) pb.paperIds.push_back("p" + std::to_string(p));
  for (int r = 0; r < reviewers; ++r) pb.reviewerIds.push_back("r" + std::to_string(r));
  pb.candidates.reserve(static_cast<std::size_t>(papers) * reviewers);
  double s = 0;
  for (int p = 0; p < papers; ++p)
    for (int r = 0; r < reviewers && in >> s; ++r) pb.candidates.push_back({p, r, s});
  return pb;
}

struct Case {
  const char* name;
  const char* file;
  int minLoad, maxLoad;
  double optimum;  // < 0: infeasible
};

class AssignDataset : public ::testing::TestWithParam<Case> {};

}  // namespace

TEST_P(AssignDataset, OptimalTotalAsPublished) {
  const Case& c = GetParam();
  AssignmentProblem pb = readMatrix(c.file);
  if (pb.paperIds.empty()) GTEST_SKIP() << "no data at " << dataDir();
  pb.reviewersPerPaper = 3;
  pb.minLoad.assign(pb.reviewerIds.size(), c.minLoad);
  pb.maxLoad.assign(pb.reviewerIds.size(), c.maxLoad);
  if (c.optimum < 0) {
    try {
      assignReviewers(pb);
      ADD_FAILURE() << "expected infeasible";
    } catch (const InfeasibleAssignment& e) {
      EXPECT_NE(
          std::string(e.what()).find("maximum loads add up to 1206) is below the demand of 613 papers × 3 = "
                                     "1839 reviews"),
          std::string::npos)
          << e.what();
    }
    return;
  }
  const Assignment a = assignReviewers(pb);
  EXPECT_EQ(a.pairs.size(), pb.paperIds.size() * 3);
  EXPECT_NEAR(a.objective, c.optimum, 1e-9);
  EXPECT_EQ(a.scaledObjective, std::llround(c.optimum * 1e6));
  EXPECT_GE(a.loadMin, c.minLoad);
  EXPECT_LE(a.loadMax, c.maxLoad);
}

INSTANTIATE_TEST_SUITE_P(AssignPmSimilarityMatrices, AssignDataset,
                         ::testing::Values(Case{"preflib1_max6", "preflib1", 0, 6, 124.25},
                                           Case{"preflib2_max7", "preflib2", 0, 7, 141.50},
                                           Case{"preflib3_max6", "preflib3", 0, 6, 454.25},
                                           Case{"aamas2016_max12", "aamas2016", 0, 12, 949.50},
                                           Case{"aamas2015_max12", "aamas2015", 0, 12, 1406.25},
                                           Case{"aamas2015_max6_infeasible", "aamas2015", 0, 6, -1},
                                           Case{"aamas2015_min6_max12", "aamas2015", 6, 12, 1406.25},
                                           Case{"aamas2015_min8_max12", "aamas2015", 8, 12, 1394.75},
                                           Case{"aamas2016_min6_max12", "aamas2016", 6, 12, 949.00},
                                           Case{"preflib3_min3_max6", "preflib3", 3, 6, 454.25},
                                           Case{"preflib1_min4_max6", "preflib1", 4, 6, 124.25}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });
