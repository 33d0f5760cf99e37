// Reviewer-assignment benchmark: generates the input CSVs into a temporary directory, runs the real
// `confpress assign` on them (end to end: CSV read → solve → CSV written; wall clock and the child's peak
// RSS from wait4) and the engine in process (read and solve timed apart), and prints the figures with
// their targets. Exits 1 when a target is missed.
//   confpress_bench_assign [--only NAME] [--data DIR] [--fair no]   NAME: aamas2015, bids, small, large
// --fair no skips the (untargeted) fair-mode runs.
// Instances (issue 4):
//   aamas2015  the AAMAS 2015 bid matrix (613 × 201, k = 3, max load 12): ≤ 0.2 s, objective 1406.25
//   bids       2,000 papers × 600 reviewers, every pair scored and bid on (1.2M bids), k = 3, max 12: ≤ 1 s
//   small      1,000 papers × 500 reviewers, 200 candidates per paper, k = 4, max 10: ≤ 0.5 s
//   large      20,000 papers × 10,000 reviewers, 200 candidates per paper (4M pairs), k = 4, max 10:
//              ≤ 8 s and ≤ 1 GB peak RSS
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "assign/Assigner.h"
#include "assign/AssignmentCsv.h"
#include "support/TempDir.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Run {
  int exitCode = -1;
  double wall = 0;
  long maxRssKb = 0;
  double cpu = 0;  // user + system seconds of the child: what the wall clock would be on an idle machine
  std::map<std::string, std::string> figures;
  std::string err;
};

// Runs CONFPRESS_BINARY with `args`, capturing standard output (the figures) and its peak RSS.
Run runBinary(const std::vector<std::string>& args, const std::string& errFile) {
  std::vector<std::string> all = {CONFPRESS_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  int pipeFds[2];
  if (::pipe(pipeFds) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 1);
  posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
  posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  Run run;
  const auto start = Clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipeFds[1]);
  if (spawned != 0) throw std::runtime_error("cannot start " + all[0]);
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
    out.append(buffer, static_cast<std::size_t>(n));
  ::close(pipeFds[0]);
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  run.wall = since(start);
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.maxRssKb = usage.ru_maxrss;
  run.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
            static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  std::istringstream lines(out);
  for (std::string name, value; lines >> name >> value;) run.figures[name] = value;
  std::ifstream err(errFile);
  std::getline(err, run.err, '\0');
  return run;
}

// Buffered CSV writing with to_chars.
class CsvOut {
 public:
  explicit CsvOut(const std::string& path) : file_(path, std::ios::binary) { buffer_.reserve(1 << 20); }
  ~CsvOut() { flush(); }
  void row(const char* paperPrefix, int paper, const char* reviewerPrefix, int reviewer,
           std::string_view last) {
    buffer_ += paperPrefix;
    number(paper);
    buffer_ += ',';
    buffer_ += reviewerPrefix;
    number(reviewer);
    buffer_ += ',';
    buffer_ += last;
    buffer_ += '\n';
    if (buffer_.size() > (1 << 20)) flush();
  }
  void text(std::string_view line) { buffer_ += line; }
  static std::string score(double value) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 6).ptr;
    return std::string(text, end);
  }

 private:
  void number(int n) {
    char text[16];
    buffer_.append(text, std::to_chars(text, text + sizeof text, n).ptr);
  }
  void flush() {
    file_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  std::ofstream file_;
  std::string buffer_;
};

// Scores with structure: a paper's affinity to a reviewer mixes a random part with the reviewer's
// popularity, so the best reviewers are wanted by many papers (as in real conferences) and the loads bind.
void writeSynthetic(const std::string& path, int papers, int reviewers, int perPaper, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> popularity(reviewers);
  for (double& p : popularity) p = std::pow(unit(rng), 3);
  CsvOut out(path);
  out.text("paper,reviewer,score\n");
  std::vector<int> pool(reviewers);
  for (int r = 0; r < reviewers; ++r) pool[r] = r;
  for (int p = 0; p < papers; ++p) {
    const int take = std::min(perPaper, reviewers);
    for (int i = 0; i < take; ++i) {  // partial Fisher-Yates: `take` distinct reviewers
      std::swap(pool[i], pool[std::uniform_int_distribution<int>(i, reviewers - 1)(rng)]);
      out.row("p", p, "r", pool[i], CsvOut::score(0.6 * unit(rng) + 0.4 * popularity[pool[i]]));
    }
  }
}

void writeBids(const std::string& path, int papers, int reviewers, unsigned seed) {
  std::mt19937 rng(seed);
  std::discrete_distribution<int> level({3, 7, 80, 10});  // eager, willing, neutral, not_willing (%)
  const char* names[] = {"eager", "willing", "neutral", "not_willing"};
  CsvOut out(path);
  for (int p = 0; p < papers; ++p)
    for (int r = 0; r < reviewers; ++r) out.row("p", p, "r", r, names[level(rng)]);
}

bool writeAamas(const std::string& matrix, const std::string& path) {
  std::ifstream in(matrix);
  int papers = 0, reviewers = 0;
  if (!(in >> papers >> reviewers)) return false;
  CsvOut out(path);
  double s = 0;
  for (int p = 0; p < papers; ++p)
    for (int r = 0; r < reviewers && in >> s; ++r) out.row("p", p, "r", r, CsvOut::score(s));
  return true;
}

struct Instance {
  std::string name, description;
  std::vector<std::string> files;  // --scores S [--bids B]
  int k = 3, maxLoad = 12;
  double targetSeconds = 1;
  long targetRssMb = 0;  // 0: no target
  std::string expectedObjective;
  bool fair = true;  // also time --mode fair
};

bool measure(const Instance& in, const cptest::TempDir& dir) {
  std::cout << in.name << ": " << in.description << '\n';
  // End to end through the binary.
  std::vector<std::string> args = {"assign"};
  args.insert(args.end(), in.files.begin(), in.files.end());
  for (const std::string& a :
       {std::string("--per-paper"), std::to_string(in.k), std::string("--max-load"),
        std::to_string(in.maxLoad), std::string("--out"), dir.file(in.name + "-out.csv")})
    args.push_back(a);
  Run run = runBinary(args, dir.file(in.name + "-err.txt"));
  if (run.exitCode != 0) {
    std::cout << "  FAILED (exit " << run.exitCode << "): " << run.err << '\n';
    return false;
  }
  std::printf(
      "  binary: wall %.3f s, cpu %.3f s (command's own 'seconds' %s), peak RSS %.0f MB, objective %s, arcs "
      "%s\n",
      run.wall, run.cpu, run.figures["seconds"].c_str(), run.maxRssKb / 1024.0,
      run.figures["objective"].c_str(), run.figures["arcs"].c_str());
  std::printf("          min_paper_score %s, mean_paper_score %s, load %s..%s\n",
              run.figures["min_paper_score"].c_str(), run.figures["mean_paper_score"].c_str(),
              run.figures["load_min"].c_str(), run.figures["load_max"].c_str());
  if (in.fair) {  // informational: the fair mode has no target
    std::vector<std::string> fairArgs = args;
    fairArgs.insert(fairArgs.end(), {"--mode", "fair"});
    Run f = runBinary(fairArgs, dir.file(in.name + "-fair-err.txt"));
    if (f.exitCode != 0)
      std::cout << "  fair mode FAILED (exit " << f.exitCode << "): " << f.err << '\n';
    else
      std::printf(
          "  fair mode (no target): wall %.3f s, cpu %.3f s, peak RSS %.0f MB, floor %s, objective %s, "
          "min_paper_score %s\n",
          f.wall, f.cpu, f.maxRssKb / 1024.0, f.figures["floor"].c_str(), f.figures["objective"].c_str(),
          f.figures["min_paper_score"].c_str());
  }
  // In process: where the time goes.
  auto start = Clock::now();
  confpress::assign::AssignmentFiles files;
  files.scores = in.files[1];
  if (in.files.size() > 3) files.bids = in.files[3];
  confpress::assign::AssignmentProblem problem = confpress::assign::readAssignmentFiles(files);
  const double read = since(start);
  problem.reviewersPerPaper = in.k;
  problem.maxLoad.assign(problem.reviewerIds.size(), in.maxLoad);
  start = Clock::now();
  const confpress::assign::Assignment a = confpress::assign::assignReviewers(problem);
  const double solve = since(start);
  std::printf("  in process: read %.3f s, solve %.3f s (%d NetworkSimplex runs, largest %zu of %zu arcs)\n",
              read, solve, a.solves, a.solvedArcs, a.arcs);
  bool ok = run.wall <= in.targetSeconds;
  std::printf("  target wall <= %.1f s: %s\n", in.targetSeconds, ok ? "ok" : "MISSED");
  if (in.targetRssMb > 0) {
    const bool rssOk = run.maxRssKb / 1024 <= in.targetRssMb;
    std::printf("  target peak RSS <= %ld MB: %s\n", in.targetRssMb, rssOk ? "ok" : "MISSED");
    ok = ok && rssOk;
  }
  if (!in.expectedObjective.empty()) {
    const bool same = run.figures["objective"] == in.expectedObjective;
    std::printf("  objective %s (expected %s): %s\n", run.figures["objective"].c_str(),
                in.expectedObjective.c_str(), same ? "ok" : "WRONG");
    ok = ok && same;
  }
  return ok;
}

std::string option(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (argv[i] == "--" + name) return argv[i + 1];
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string only = option(argc, argv, "only", "");
  const bool fair = option(argc, argv, "fair", "yes") != "no";
  const std::string data =
      option(argc, argv, "data", CONFPRESS_SOURCE_DIR "/../shared/data/assignment/pm-similarity-matrices");
  cptest::TempDir dir;
  bool ok = true;
  auto wanted = [&](const char* name) { return only.empty() || only == name; };
  auto measureOne = [&](Instance in) {
    in.fair = fair;
    return measure(in, dir);
  };
  try {
    if (wanted("aamas2015")) {
      const std::string scores = dir.file("aamas2015.csv");
      if (writeAamas(data + "/aamas2015.in", scores))
        ok &= measureOne({"aamas2015",
                          "AAMAS 2015 bids, 613 papers x 201 reviewers (123,213 pairs), k=3, max load 12",
                          {"--scores", scores},
                          3,
                          12,
                          0.2,
                          0,
                          "1406.25"});
      else
        std::cout << "aamas2015: no data in " << data << " (skipped)\n";
    }
    if (wanted("bids")) {
      const std::string scores = dir.file("bids-scores.csv"), bids = dir.file("bids-bids.csv");
      writeSynthetic(scores, 2000, 600, 600, 7);
      writeBids(bids, 2000, 600, 8);
      ok &= measureOne({"bids",
                        "2,000 papers x 600 reviewers, 1.2M scored pairs + 1.2M bids, k=3, max load 12",
                        {"--scores", scores, "--bids", bids},
                        3,
                        12,
                        1.0,
                        0,
                        ""});
    }
    if (wanted("small")) {
      const std::string scores = dir.file("small.csv");
      writeSynthetic(scores, 1000, 500, 200, 9);
      ok &=
          measureOne({"small",
                      "1,000 papers x 500 reviewers, 200 candidates per paper (200k pairs), k=4, max load 10",
                      {"--scores", scores},
                      4,
                      10,
                      0.5,
                      0,
                      ""});
    }
    if (wanted("large")) {
      const std::string scores = dir.file("large.csv");
      writeSynthetic(scores, 20000, 10000, 200, 10);
      ok &= measureOne(
          {"large",
           "20,000 papers x 10,000 reviewers, 200 candidates per paper (4M pairs), k=4, max load 10",
           {"--scores", scores},
           4,
           10,
           8.0,
           1024,
           ""});
    }
  } catch (const std::exception& e) {
    std::cerr << "confpress_bench_assign: " << e.what() << '\n';
    return 2;
  }
  double load[3] = {0, 0, 0};
  if (::getloadavg(load, 3) > 0) std::printf("load average %.2f %.2f %.2f\n", load[0], load[1], load[2]);
  return ok ? 0 : 1;
}
