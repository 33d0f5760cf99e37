// `confpress assign` through the real binary: the figures it prints, the file it writes, and exit status
// 2 with a clear message for malformed CSV (file and line), infeasible input and bad options.
#include <gtest/gtest.h>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <fstream>
#include <map>
#include <sstream>

#include "support/TempDir.h"

namespace {

struct CliRun {
  int exitCode = 0;
  std::string out, err;
  std::map<std::string, std::string> figures;  // "name value" lines of standard output
};

CliRun assign(std::vector<std::string> args) {
  args.insert(args.begin(), "assign");
  Poco::Pipe out, err;
  Poco::ProcessHandle process = Poco::Process::launch(CONFPRESS_BINARY, args, nullptr, &out, &err);
  Poco::PipeInputStream outStream(out), errStream(err);
  CliRun run;
  Poco::StreamCopier::copyToString(outStream, run.out);
  Poco::StreamCopier::copyToString(errStream, run.err);
  run.exitCode = process.wait();
  std::istringstream lines(run.out);
  for (std::string name, value; lines >> name >> value;) run.figures[name] = value;
  return run;
}

std::string write(const cptest::TempDir& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir.file(name), std::ios::binary) << text;
  return dir.file(name);
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Three papers, four reviewers (k = 2, max load 2 in most runs).
struct Workshop {
  cptest::TempDir dir;
  std::string scores = write(dir, "scores.csv",
                             "paper,reviewer,score\n"
                             "P1,alice,0.9\nP1,bob,0.8\nP1,chi,0.1\n"
                             "P2,alice,0.95\nP2,bob,0.7\nP2,dung,0.6\n"
                             "P3,alice,0.85\nP3,chi,0.75\nP3,dung,0.2\n");
  std::string out = dir.file("assignment.csv");
};

}  // namespace

TEST(AssignCli, HelpListsTheOptions) {
  CliRun run = assign({"--help"});
  EXPECT_EQ(run.exitCode, 0);
  for (const char* option : {"--scores", "--conflicts", "--bids", "--fixed", "--per-paper", "--max-load",
                             "--min-load", "--mode", "--affiliations", "--max-per-affiliation", "--out"})
    EXPECT_NE(run.out.find(option), std::string::npos) << option;
}

TEST(AssignCli, WritesTheAssignmentAndPrintsItsFigures) {
  Workshop w;
  CliRun run = assign({"--scores", w.scores, "--per-paper", "2", "--max-load", "2", "--out", w.out});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  // Each paper's best pair would give alice three papers; leaving her out of P2 costs least:
  // P1 {alice, bob} 1.7 + P2 {bob, dung} 1.3 + P3 {alice, chi} 1.6 = 4.6.
  EXPECT_EQ(run.figures["objective"], "4.6");
  EXPECT_EQ(run.figures["min_paper_score"], "1.3");
  EXPECT_EQ(run.figures["mean_paper_score"], "1.533333");
  EXPECT_EQ(run.figures["load_min"], "1");
  EXPECT_EQ(run.figures["load_max"], "2");
  EXPECT_EQ(run.figures["papers"], "3");
  EXPECT_EQ(run.figures["reviewers"], "4");
  EXPECT_EQ(run.figures["arcs"], "13");  // 9 pairs + 4 reviewer → sink
  EXPECT_TRUE(run.figures.count("seconds"));
  EXPECT_FALSE(run.figures.count("floor"));
  EXPECT_EQ(read(w.out),
            "paper,reviewer,score\nP1,alice,0.9\nP1,bob,0.8\nP2,bob,0.7\nP2,dung,0.6\nP3,alice,0.85\nP3,chi,"
            "0.75\n");
}

TEST(AssignCli, ConflictsBidsFixedPairsAndFairMode) {
  Workshop w;
  const std::string conflicts = write(w.dir, "c.csv", "P2,dung\n");
  const std::string bids = write(w.dir, "b.csv", "P3,dung,eager\nP1,chi,not_willing\nP9,alice,eager\n");
  const std::string fixed = write(w.dir, "f.csv", "P1,chi\n");
  CliRun run = assign({"--scores", w.scores, "--conflicts", conflicts, "--bids", bids, "--fixed", fixed,
                       "--per-paper", "2", "--max-load", "2", "--mode", "fair", "--out", w.out});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.err.find("1 bids name pairs without a score; ignored"), std::string::npos) << run.err;
  // P1 keeps chi (0.1 - 0.5 = -0.4, fixed, exempt from the floor); P2 may not have dung, so it must take
  // alice and bob: the floor is bob's 0.7. Under it the best total is P1 {chi, bob}, P3 {alice, chi}.
  EXPECT_EQ(run.figures["floor"], "0.7");
  EXPECT_EQ(run.figures["objective"], "3.65");
  const std::string written = read(w.out);
  EXPECT_NE(written.find("P1,chi,-0.4\n"), std::string::npos) << written;
  EXPECT_EQ(written.find("P2,dung"), std::string::npos) << written;
  EXPECT_NE(written.find("P3,alice,0.85\nP3,chi,0.75\n"), std::string::npos) << written;
}

TEST(AssignCli, AffiliationCapAndMinimumLoad) {
  Workshop w;
  // alice and bob share an affiliation: with at most one of them per paper, P1 must take chi.
  const std::string affiliations = write(w.dir, "a.csv", "reviewer,affiliation\nalice,VNU\nbob,VNU\n");
  CliRun run = assign({"--scores", w.scores, "--per-paper", "2", "--max-load", "2", "--min-load", "1",
                       "--affiliations", affiliations, "--max-per-affiliation", "1", "--out", w.out});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const std::string written = read(w.out);
  EXPECT_EQ(written.find("P1,alice,0.9\nP1,bob"), std::string::npos) << written;
  EXPECT_NE(written.find("P1,chi"), std::string::npos) << written;
  EXPECT_EQ(run.figures["load_min"], "1");

  EXPECT_EQ(assign({"--scores", w.scores, "--per-paper", "2", "--max-load", "2", "--affiliations",
                    affiliations, "--out", w.out})
                .err,
            "confpress assign: --affiliations and --max-per-affiliation go together\n");
}

TEST(AssignCli, MalformedCsvExitsTwoWithTheLine) {
  Workshop w;
  const std::string bad = write(w.dir, "bad.csv", "paper,reviewer,score\nP1,alice,0.9\nP1,bob,0,8\n");
  CliRun run = assign({"--scores", bad, "--per-paper", "1", "--max-load", "2", "--out", w.out});
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_EQ(run.err, "confpress assign: " + bad + ":3: expected 3 fields (paper,reviewer,score), found 4\n");
  EXPECT_TRUE(run.out.empty());
  EXPECT_FALSE(std::ifstream(w.out).good()) << "nothing is written on failure";
}

TEST(AssignCli, InfeasibleInputExitsTwoNamingThePapers) {
  Workshop w;
  const std::string conflicts = write(w.dir, "c.csv", "P3,alice\nP3,chi\n");
  CliRun run = assign({"--scores", w.scores, "--conflicts", conflicts, "--per-paper", "2", "--max-load", "2",
                       "--out", w.out});
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("1 paper has fewer than 2 eligible reviewers: P3 (1)"), std::string::npos)
      << run.err;

  const CliRun tight = assign({"--scores", w.scores, "--per-paper", "2", "--max-load", "1", "--out", w.out});
  EXPECT_EQ(tight.exitCode, 2);
  EXPECT_NE(tight.err.find("maximum loads add up to 4) is below the demand of 3 papers × 2 = 6 reviews"),
            std::string::npos)
      << tight.err;
}

TEST(AssignCli, BadOptionsExitTwo) {
  Workshop w;
  EXPECT_EQ(assign({"--scores", w.scores, "--max-load", "2", "--out", w.out}).err,
            "confpress assign: --per-paper is required\n");
  EXPECT_EQ(
      assign({"--scores", w.scores, "--per-paper", "2", "--max-load", "2", "--mode", "best", "--out", w.out})
          .exitCode,
      2);
  EXPECT_EQ(assign({"--scores", w.scores, "--per-paper", "x", "--max-load", "2", "--out", w.out}).exitCode,
            2);
  const CliRun missing =
      assign({"--scores", w.dir.file("none.csv"), "--per-paper", "1", "--max-load", "2", "--out", w.out});
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos);
}
