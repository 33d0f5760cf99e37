// `confpress preflight` as people run it (readable report, --json, --rules, exit codes) and the hidden
// `preflight --worker` protocol, through the real binary.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include "preflight/TestPdf.h"
#include "support/TempDir.h"

namespace {

struct CliRun {
  int exitCode = 0;
  std::string out, err;
};

CliRun preflight(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), "preflight");
  Poco::Pipe in, out, err;
  Poco::ProcessHandle process = Poco::Process::launch(CONFPRESS_BINARY, args, &in, &out, &err);
  {
    Poco::PipeOutputStream stream(in);
    stream << input;
  }
  in.close();
  Poco::PipeInputStream outStream(out), errStream(err);
  CliRun run;
  Poco::StreamCopier::copyToString(outStream, run.out);
  Poco::StreamCopier::copyToString(errStream, run.err);
  run.exitCode = process.wait();
  return run;
}

struct Files {
  cptest::TempDir dir;
  std::string good = dir.file("good.pdf"), bad = dir.file("notes.pdf"), margin = dir.file("margin.pdf");
  Files() {
    cptest::writeFile(good, cptest::makePdf(cptest::textPages(3)));
    cptest::writeFile(bad, "Meeting notes, saved with the wrong extension.\n");
    cptest::writeFile(margin, cptest::makePdf({cptest::textPage(1, {{72, 20, "1", 9}})}));
  }
};

}  // namespace

TEST(PreflightCli, HelpDescribesTheOptionsAndTheWorkerMode) {
  const CliRun help = preflight({"--help"});
  EXPECT_EQ(help.exitCode, 0);
  for (const char* option : {"--rules", "--max-seconds", "--max-mb", "--json"})
    EXPECT_NE(help.out.find(option), std::string::npos) << option;
  EXPECT_EQ(help.out.find("--worker"), std::string::npos) << "the worker mode is not for people";
  const CliRun worker = preflight({"--worker", "--help"});
  EXPECT_EQ(worker.exitCode, 0);
  EXPECT_NE(worker.out.find("--worker"), std::string::npos);
}

TEST(PreflightCli, PrintsAReadableReportPerFileAndExitsOneOnErrors) {
  Files f;
  const CliRun ok = preflight({f.good, f.margin});
  EXPECT_EQ(ok.exitCode, 0) << ok.err;
  EXPECT_NE(ok.out.find(f.good + ": ok, 3 pages, A4\n"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find(f.margin + ": warning, 1 page, A4\n"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("page 1 has text in the bottom 15 mm"), std::string::npos) << ok.out;

  const CliRun bad = preflight({f.good, f.bad});
  EXPECT_EQ(bad.exitCode, 1);
  EXPECT_NE(bad.out.find(f.bad + ": error\n  error   the file is not a PDF"), std::string::npos) << bad.out;
}

TEST(PreflightCli, JsonPrintsOneReportPerLine) {
  Files f;
  const CliRun run = preflight({"--json", f.good, f.bad});
  EXPECT_EQ(run.exitCode, 1);
  std::istringstream lines(run.out);
  std::string line;
  std::vector<Poco::JSON::Object::Ptr> reports;
  while (std::getline(lines, line))
    reports.push_back(Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>());
  ASSERT_EQ(reports.size(), 2u) << run.out;
  EXPECT_EQ(reports[0]->getValue<std::string>("file"), f.good);
  EXPECT_EQ(reports[0]->getObject("report")->getValue<std::string>("status"), "ok");
  EXPECT_EQ(reports[1]->getObject("report")->getValue<std::string>("status"), "error");
}

TEST(PreflightCli, RulesComeFromAJsonFile) {
  Files f;
  const std::string rules = f.dir.file("rules.json");
  cptest::writeFile(rules,
                    R"({"max_pages": 2, "paper_sizes": ["Letter"], "severity": {"bottom_margin": "error"}})");
  const CliRun run = preflight({"--rules", rules, f.good});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.out.find("the paper has 3 pages; at most 2 are allowed"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("every page is A4; the conference asks for Letter"), std::string::npos) << run.out;

  cptest::writeFile(rules, "{ not json");
  const CliRun broken = preflight({"--rules", rules, f.good});
  EXPECT_EQ(broken.exitCode, 2);
  EXPECT_NE(broken.err.find("--rules"), std::string::npos) << broken.err;
}

TEST(PreflightCli, BadOptionsAndMissingFilesExitTwo) {
  Files f;
  EXPECT_EQ(preflight({}).exitCode, 2);
  const CliRun badLimit = preflight({"--max-seconds", "soon", f.good});
  EXPECT_EQ(badLimit.exitCode, 2);
  EXPECT_NE(badLimit.err.find("--max-seconds"), std::string::npos) << badLimit.err;
  const CliRun missing = preflight({f.good, f.dir.file("missing.pdf")});
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("confpress preflight: cannot read " + f.dir.file("missing.pdf")),
            std::string::npos)
      << missing.err;
  EXPECT_NE(missing.out.find(f.good + ": ok"), std::string::npos) << "the other files are still checked";
}

TEST(PreflightCli, TheWorkerReadsRulesOnStdinAndWritesOnlyTheReportOnStdout) {
  Files f;
  const CliRun run =
      preflight({"--worker", "--max-seconds", "5", "--max-mb", "256", f.good}, R"({"max_pages": 1})");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  ASSERT_FALSE(run.out.empty());
  EXPECT_EQ(run.out.find('\n'), run.out.size() - 1) << "one line: " << run.out;
  const auto report = Poco::JSON::Parser().parse(run.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(report->getValue<std::string>("status"), "error");
  EXPECT_EQ(report->getArray("problems")->getObject(0)->getValue<std::string>("code"), "too_many_pages");

  EXPECT_EQ(preflight({"--worker", f.good}, "not json").exitCode, 2);
  EXPECT_EQ(preflight({"--worker", f.dir.file("missing.pdf")}, "{}").exitCode, 4);
  EXPECT_EQ(preflight({"--worker"}, "{}").exitCode, 2);
}
