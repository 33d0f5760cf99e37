// confpress preflight: checks PDF files the way ConfPress checks uploads, each in a bounded worker
// process, and prints a report per file. Also the hidden `--worker` mode those worker processes run.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Util/Application.h>

#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "app/Command.h"
#include "app/Commands.h"
#include "preflight/ForkServer.h"
#include "preflight/Sandbox.h"

namespace confpress::app {

namespace {

class PreflightCommand : public Command<Poco::Util::Application> {
 public:
  PreflightCommand()
      : Command("preflight",
                "Checks PDF files as ConfPress checks uploads (readable completely, not encrypted, pages, "
                "paper size, fonts, text, the bottom 15 mm, double-blind anonymity), each in a worker "
                "process bounded in time and memory. Exit status: 0 when no file has an error, 1 when "
                "one has, 2 for bad options or unreadable files.",
                "[--rules FILE.json] [--max-seconds N] [--max-mb N] [--json] FILE.pdf...") {}

 protected:
  void defineCommandOptions(Poco::Util::OptionSet& options) override {
    using Poco::Util::Option;
    options.addOption(Option("rules", "",
                             "the conference's rules as JSON (min_pages, max_pages, paper_sizes, "
                             "double_blind, authors, severity, …); default: 1-30 pages, A4 or Letter")
                          .argument("FILE"));
    options.addOption(Option("max-seconds", "", "time limit per file (default 10)").argument("N"));
    options.addOption(Option("max-mb", "", "memory limit per file (default 512)").argument("N"));
    options.addOption(Option("json", "", "print one JSON line per file: {\"file\": …, \"report\": {…}}"));
  }

  bool handleCommandOption(const std::string& name, const std::string& value) override {
    if (name == "rules")
      rulesFile_ = value;
    else if (name == "max-seconds")
      sandbox_.timeLimitSeconds = parseCount(name, value, 1, 3600);
    else if (name == "max-mb")
      sandbox_.memoryLimitMb = parseCount(name, value, 16, 1 << 20);
    else if (name == "json")
      json_ = true;
    else
      return false;
    return true;
  }

  int execute(const std::vector<std::string>& files) override {
    if (files.empty()) throw std::invalid_argument("name at least one PDF file (see --help)");
    const preflight::Rules rules = readRules();
    int exitCode = 0;
    for (const std::string& file : files) {
      try {
        const preflight::Report report = preflight::runIsolated(file, rules, sandbox_);
        print(file, report);
        if (report.hasErrors()) exitCode = std::max(exitCode, 1);
      } catch (const std::runtime_error& e) {
        std::cerr << "confpress " << e.what() << '\n';  // "preflight: cannot read …"
        exitCode = 2;
      }
    }
    return exitCode;
  }

 private:
  preflight::Rules readRules() const {
    if (rulesFile_.empty()) return {};
    std::ifstream in(rulesFile_);
    if (!in) throw std::invalid_argument("--rules: cannot read " + rulesFile_);
    std::stringstream text;
    text << in.rdbuf();
    try {
      return preflight::Rules::fromJson(text.str());
    } catch (const std::exception& e) {
      throw std::invalid_argument("--rules: " + rulesFile_ + " is not valid rules JSON: " + e.what());
    }
  }

  void print(const std::string& file, const preflight::Report& report) const {
    if (json_) {
      Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
      line.set("file", file);
      line.set("report", Poco::JSON::Parser().parse(report.toJson()));
      line.stringify(std::cout);
      std::cout << '\n';
      return;
    }
    std::cout << file << ": " << report.status;
    if (report.pages > 0) std::cout << ", " << report.pages << (report.pages == 1 ? " page" : " pages");
    if (!report.paperSize.empty()) std::cout << ", " << report.paperSize;
    std::cout << '\n';
    for (const preflight::Problem& p : report.problems)
      std::cout << "  " << std::left << std::setw(8) << p.severity << p.message << "  [" << p.code << "]\n";
  }

  std::string rulesFile_;
  preflight::SandboxOptions sandbox_;
  bool json_ = false;
};

constexpr const char* kWorkerUsage =
    "usage: confpress preflight --worker [--max-seconds N] [--max-mb N] FILE.pdf\n"
    "Internal: the process runIsolated() starts for one file. Reads the rules as JSON from standard\n"
    "input, limits its own CPU time and memory, and writes the report as JSON to standard output.\n";

/// `preflight --worker …`, parsed by hand: it is not for people, and it starts faster without
/// Poco::Util::Application.
int launchWorker(int argc, char** argv) {
  preflight::SandboxOptions limits;
  std::string file;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kWorkerUsage;
      return 0;
    }
    try {
      if (arg == "--max-seconds" && i + 1 < argc)
        limits.timeLimitSeconds = std::stoi(argv[++i]);
      else if (arg == "--max-mb" && i + 1 < argc)
        limits.memoryLimitMb = std::stoi(argv[++i]);
      else if (file.empty() && (arg.empty() || arg[0] != '-'))
        file = arg;
      else
        throw std::invalid_argument(arg);
    } catch (const std::logic_error&) {
      std::cerr << "confpress preflight --worker: unexpected argument '" << arg << "'\n" << kWorkerUsage;
      return 2;
    }
  }
  if (file.empty() || limits.timeLimitSeconds < 1 || limits.memoryLimitMb < 1) {
    std::cerr << kWorkerUsage;
    return 2;
  }
  const int code = preflight::runWorker(file, limits);
  // The report is written; end without exit-time teardown. The worker is one-shot, and under
  // LeakSanitizer the libraries' own leaks (fontconfig's, reached by poppler for form fields) would
  // otherwise turn a finished report into a failed exit status.
  std::cout.flush();
  std::cerr.flush();
  std::_Exit(code);
}

}  // namespace

int launchPreflight(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "--worker") return launchWorker(argc, argv);
  // Internal: the process a server's preflight::ForkServer starts; it forks a worker per upload.
  if (argc == 2 && std::string(argv[1]) == "--fork-server") {
    const int code = preflight::runForkServer();
    std::cerr.flush();
    std::_Exit(code);  // as for a worker: no exit-time teardown of the libraries
  }
  return Poco::makeAuto<PreflightCommand>()->launch(argc, argv);
}

}  // namespace confpress::app
