// Reading and writing the assignment's CSV files: optional headers, quoting, bids, conflicts, fixed pairs,
// affiliations, and errors that name the file and line.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "assign/AssignmentCsv.h"
#include "assign/CsvScanner.h"
#include "core/Errors.h"
#include "support/TempDir.h"

using namespace confpress::assign;

namespace {

std::string write(const cptest::TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.file(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The message of the BadRequest that reading `files` throws.
std::string errorOf(const AssignmentFiles& files) {
  try {
    readAssignmentFiles(files);
  } catch (const confpress::BadRequest& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(AssignCsv, ScoresWithHeaderQuotesBlankLinesAndCrlf) {
  cptest::TempDir dir;
  AssignmentFiles files;
  files.scores = write(dir, "s.csv",
                       "Paper,Reviewer,Score\r\n"
                       "p1, r1 ,0.5\r\n"
                       "\r\n"
                       "\"p,2\",\"r \"\"two\"\"\",+1e-3\n"
                       "p1,\"r \"\"two\"\"\",-2\n"
                       "\"multi\nline\",r1,3");
  InputCounts counts;
  const AssignmentProblem pb = readAssignmentFiles(files, &counts);
  EXPECT_EQ(pb.paperIds, (std::vector<std::string>{"p1", "p,2", "multi\nline"}));
  EXPECT_EQ(pb.reviewerIds, (std::vector<std::string>{"r1", "r \"two\""}));
  ASSERT_EQ(pb.candidates.size(), 4u);  // sorted by paper, then reviewer
  EXPECT_EQ(pb.candidates[1].paper, 0);
  EXPECT_EQ(pb.candidates[1].reviewer, 1);
  EXPECT_EQ(pb.candidates[1].score, -2);
  EXPECT_EQ(pb.candidates[2].paper, 1);
  EXPECT_EQ(pb.candidates[2].score, 1e-3);
  EXPECT_EQ(pb.candidates[3].paper, 2);
  EXPECT_EQ(counts.scoreLines, 4u);
}

TEST(AssignCsv, MalformedScoresNameTheFileAndLine) {
  cptest::TempDir dir;
  AssignmentFiles files;
  files.scores = write(dir, "s.csv", "p1,r1,0.5\np1,r2,0.25\np2,r1\n");
  EXPECT_EQ(errorOf(files), files.scores + ":3: expected 3 fields (paper,reviewer,score), found 2");
  files.scores = write(dir, "s.csv", "p1,r1,0.5\n\n\"p\nq\",r1,0.5\np2,r2,high\n");
  EXPECT_EQ(errorOf(files), files.scores + ":5: the score 'high' is not a finite number");
  files.scores = write(dir, "s.csv", "p1,r1,nan\n");
  EXPECT_EQ(errorOf(files), files.scores + ":1: the score 'nan' is not a finite number");
  files.scores = write(dir, "s.csv", "p1,r1,0.5\n,r2,0.5\n");
  EXPECT_EQ(errorOf(files), files.scores + ":2: the paper id is empty");
  files.scores = write(dir, "s.csv", "p1,r1,0.5\np2,r1,1\np1,r1,0.7\n");
  EXPECT_EQ(errorOf(files), files.scores + ":3: the pair (p1, r1) is listed again (first at line 1)");
  files.scores = write(dir, "s.csv", "p1,\"r1,0.5\n");
  EXPECT_EQ(errorOf(files), files.scores + ":1: a quoted field is not closed");
  files.scores = dir.file("missing.csv");
  EXPECT_NE(errorOf(files).find("cannot read " + files.scores), std::string::npos);
}

TEST(AssignCsv, BidsAddTheirWeightToListedPairs) {
  cptest::TempDir dir;
  AssignmentFiles files;
  files.scores = write(dir, "s.csv", "p1,r1,0.5\np1,r2,0.5\np2,r1,0.5\np2,r2,0.5\np3,r3,0\n");
  files.bids = write(dir, "b.csv",
                     "paper,reviewer,bid\np1,r1,eager\np1,r2,Not-Willing\np2,r1,willing\np2,r2,-0.125\n"
                     "p3,r1,eager\nzz,r1,eager\np3,r3,neutral\n");
  InputCounts counts;
  const AssignmentProblem pb = readAssignmentFiles(files, &counts);
  EXPECT_EQ(pb.candidates[0].score, 1.0);
  EXPECT_EQ(pb.candidates[1].score, 0.0);
  EXPECT_EQ(pb.candidates[2].score, 0.75);
  EXPECT_EQ(pb.candidates[3].score, 0.375);
  EXPECT_EQ(pb.candidates[4].score, 0.0);
  EXPECT_EQ(counts.bidsApplied, 5u);
  EXPECT_EQ(counts.bidsIgnored, 2u);

  files.bids = write(dir, "b.csv", "p1,r1,eager\np1,r1,willing\n");
  EXPECT_EQ(errorOf(files), files.bids + ":2: a second bid for (p1, r1) (first at line 1)");
  files.bids = write(dir, "b.csv", "p1,r1,keen\n");
  EXPECT_EQ(errorOf(files),
            files.bids +
                ":1: the bid 'keen' is neither a level (eager, willing, neutral, not_willing) nor a number");
}

TEST(AssignCsv, ConflictsFixedPairsAndAffiliations) {
  cptest::TempDir dir;
  AssignmentFiles files;
  files.scores = write(dir, "s.csv", "p1,r1,0.5\np1,r2,0.5\n");
  files.conflicts = write(dir, "c.csv", "paper,reviewer\np1,r2\np9,r1\n");
  files.fixed = write(dir, "f.csv", "p2,r3\n");
  files.affiliations = write(dir, "a.csv", "reviewer,affiliation\nr1,\"Đại học Huế\"\nr3,VNU\nr9,X\nr2,\n");
  InputCounts counts;
  const AssignmentProblem pb = readAssignmentFiles(files, &counts);
  EXPECT_EQ(counts.conflicts, 1u);
  ASSERT_EQ(pb.conflicts.size(), 1u);
  EXPECT_EQ(pb.conflicts[0].reviewer, 1);
  EXPECT_EQ(pb.paperIds, (std::vector<std::string>{"p1", "p2"}));
  EXPECT_EQ(pb.reviewerIds, (std::vector<std::string>{"r1", "r2", "r3"}));
  ASSERT_EQ(pb.fixed.size(), 1u);
  EXPECT_EQ(pb.fixed[0].paper, 1);
  EXPECT_EQ(pb.affiliationNames, (std::vector<std::string>{"Đại học Huế", "VNU"}));
  EXPECT_EQ(pb.affiliation, (std::vector<int>{0, -1, 1}));

  files.fixed = write(dir, "f.csv", "p2,r3\np2,r3\n");
  EXPECT_EQ(errorOf(files), files.fixed + ":2: the fixed pair (p2, r3) is listed again (first at line 1)");
  files.fixed.clear();
  files.conflicts = write(dir, "c.csv", "p1,r2,0.5\n");
  EXPECT_EQ(errorOf(files), files.conflicts + ":1: expected 2 fields (paper,reviewer), found 3");
}

TEST(AssignCsv, WritesTheAssignmentWithQuotedIds) {
  cptest::TempDir dir;
  AssignmentProblem pb;
  pb.paperIds = {"p,1", "p2"};
  pb.reviewerIds = {"r\"1", "r2"};
  Assignment a;
  a.pairs = {{0, 0, 0.1 + 0.2}, {1, 1, 3}, {1, 0, -0.0000004}};
  writeAssignmentCsv(dir.file("a.csv"), pb, a);
  EXPECT_EQ(read(dir.file("a.csv")),
            "paper,reviewer,score\n\"p,1\",\"r\"\"1\",0.3\np2,r2,3\np2,\"r\"\"1\",0\n");
  EXPECT_THROW(writeAssignmentCsv(dir.file("missing/a.csv"), pb, a), std::runtime_error);
}

TEST(AssignCsv, NumbersAndBidLevels) {
  double v = 0;
  EXPECT_TRUE(parseNumber("1406.25", v));
  EXPECT_EQ(v, 1406.25);
  EXPECT_TRUE(parseNumber("-1E-2", v));
  EXPECT_EQ(v, -0.01);
  for (const char* bad : {"", "+", "+-1", "1.5x", "inf", "0x10", " 1"})
    EXPECT_FALSE(parseNumber(bad, v)) << bad;
  EXPECT_EQ(bidWeight("EAGER"), 0.5);
  EXPECT_EQ(bidWeight("not willing"), -0.5);
  EXPECT_EQ(bidWeight("2.5"), 2.5);
  EXPECT_FALSE(bidWeight("maybe").has_value());
  EXPECT_EQ(formatScore(1406.25), "1406.25");
  EXPECT_EQ(formatScore(3.0), "3");
  EXPECT_EQ(formatScore(-0.0000001), "0");
}
