// confpress assign: the offline reviewer assignment. Reads scores (and optionally conflicts, bids, fixed
// assignments, affiliations) from CSV files, solves exactly (assign/Assigner.h), writes the assignment as
// CSV and prints its figures, one "name value" line each. Needs no database.
#include <Poco/Util/Application.h>

#include <chrono>
#include <cstdio>
#include <optional>

#include "app/Command.h"
#include "app/Commands.h"
#include "assign/Assigner.h"
#include "assign/AssignmentCsv.h"

namespace confpress::app {

namespace {

class AssignCommand : public Command<Poco::Util::Application> {
 public:
  AssignCommand()
      : Command(
            "assign",
            "Assigns reviewers to papers exactly (min-cost flow): every paper gets K reviewers, every "
            "reviewer between the minimum and maximum load, no conflicts, fixed pairs kept; maximising "
            "the total score (--mode total) or first the lowest assigned pair score, then the total "
            "(--mode fair; fixed pairs are exempt from that floor). A score is the affinity plus the bid "
            "weight (eager +0.5, willing +0.25, "
            "neutral 0, not_willing -0.5, or a number). Only pairs listed in the scores file can be "
            "assigned. Scores are optimised as integers (score × 10^6, rounded: six decimals are exact); the "
            "objective is the sum of the real scores. Prints objective, min_paper_score, mean_paper_score, "
            "load_min, load_max, papers, "
            "reviewers, arcs, seconds (and floor in fair mode). Exit status 2 for malformed or "
            "infeasible input, with the reason.",
            "--scores S.csv [--conflicts C.csv] [--bids B.csv] [--fixed F.csv] --per-paper K --max-load U "
            "[--min-load L] [--mode total|fair] [--affiliations R.csv --max-per-affiliation T] --out A.csv") {
  }

 protected:
  void defineCommandOptions(Poco::Util::OptionSet& options) override {
    using Poco::Util::Option;
    options.addOption(Option("scores", "", "paper,reviewer,score (header optional)").argument("S.csv"));
    options.addOption(Option("conflicts", "", "paper,reviewer pairs never to assign").argument("C.csv"));
    options.addOption(
        Option("bids", "", "paper,reviewer,bid: a level or a number added to the score").argument("B.csv"));
    options.addOption(Option("fixed", "", "paper,reviewer pairs always assigned (manual)").argument("F.csv"));
    options.addOption(Option("per-paper", "", "reviewers per paper").argument("K"));
    options.addOption(Option("max-load", "", "most papers per reviewer").argument("U"));
    options.addOption(Option("min-load", "", "fewest papers per reviewer (default 0)").argument("L"));
    options.addOption(Option("mode", "", "total (default) or fair").argument("MODE"));
    options.addOption(Option("affiliations", "", "reviewer,affiliation").argument("R.csv"));
    options.addOption(
        Option("max-per-affiliation", "", "at most T reviewers of one affiliation per paper").argument("T"));
    options.addOption(Option("out", "", "where to write paper,reviewer,score").argument("A.csv"));
  }

  bool handleCommandOption(const std::string& name, const std::string& value) override {
    if (name == "scores")
      files_.scores = value;
    else if (name == "conflicts")
      files_.conflicts = value;
    else if (name == "bids")
      files_.bids = value;
    else if (name == "fixed")
      files_.fixed = value;
    else if (name == "affiliations")
      files_.affiliations = value;
    else if (name == "out")
      out_ = value;
    else if (name == "per-paper")
      perPaper_ = parseCount(name, value, 1, 1000);
    else if (name == "max-load")
      maxLoad_ = parseCount(name, value, 0, 1000000);
    else if (name == "min-load")
      minLoad_ = parseCount(name, value, 0, 1000000);
    else if (name == "max-per-affiliation")
      perAffiliation_ = parseCount(name, value, 1, 1000);
    else if (name == "mode")
      options_.mode = parseMode(value);
    else
      return false;
    return true;
  }

  int execute(const std::vector<std::string>& args) override {
    const auto started = std::chrono::steady_clock::now();
    checkOptions(args);
    assign::InputCounts counts;
    assign::AssignmentProblem problem = assign::readAssignmentFiles(files_, &counts);
    problem.reviewersPerPaper = *perPaper_;
    problem.maxLoad.assign(problem.reviewerIds.size(), *maxLoad_);
    problem.minLoad.assign(problem.reviewerIds.size(), minLoad_);
    problem.maxPerAffiliation = perAffiliation_;
    if (counts.bidsIgnored > 0)
      std::cerr << "confpress assign: " << counts.bidsIgnored
                << " bids name pairs without a score; ignored\n";
    const assign::Assignment result = assign::assignReviewers(problem, options_);
    assign::writeAssignmentCsv(out_, problem, result);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    print(problem, result, seconds);
    return 0;
  }

 private:
  static assign::AssignMode parseMode(const std::string& value) {
    if (value == "total") return assign::AssignMode::Total;
    if (value == "fair") return assign::AssignMode::Fair;
    throw std::invalid_argument("--mode must be total or fair, not '" + value + "'");
  }

  void checkOptions(const std::vector<std::string>& args) const {
    if (!args.empty()) throw std::invalid_argument("unexpected argument '" + args.front() + "' (see --help)");
    if (files_.scores.empty()) throw std::invalid_argument("--scores is required");
    if (out_.empty()) throw std::invalid_argument("--out is required");
    if (!perPaper_) throw std::invalid_argument("--per-paper is required");
    if (!maxLoad_) throw std::invalid_argument("--max-load is required");
    if (minLoad_ > *maxLoad_) throw std::invalid_argument("--min-load must not exceed --max-load");
    if ((perAffiliation_ > 0) != !files_.affiliations.empty())
      throw std::invalid_argument("--affiliations and --max-per-affiliation go together");
  }

  static void print(const assign::AssignmentProblem& problem, const assign::Assignment& a, double seconds) {
    using assign::formatScore;
    std::cout << "objective " << formatScore(a.objective) << '\n'
              << "min_paper_score " << formatScore(a.minPaperScore) << '\n'
              << "mean_paper_score " << formatScore(a.meanPaperScore) << '\n'
              << "load_min " << a.loadMin << '\n'
              << "load_max " << a.loadMax << '\n'
              << "papers " << problem.paperIds.size() << '\n'
              << "reviewers " << problem.reviewerIds.size() << '\n'
              << "arcs " << a.arcs << '\n';
    if (a.floor) std::cout << "floor " << formatScore(*a.floor) << '\n';
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", seconds);
    std::cout << "seconds " << text << '\n';
  }

  assign::AssignmentFiles files_;
  std::string out_;
  std::optional<int> perPaper_, maxLoad_;
  int minLoad_ = 0, perAffiliation_ = 0;
  assign::AssignOptions options_;
};

}  // namespace

int launchAssign(int argc, char** argv) {
  return Poco::makeAuto<AssignCommand>()->launch(argc, argv);
}

}  // namespace confpress::app
