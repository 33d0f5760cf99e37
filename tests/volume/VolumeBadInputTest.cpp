// confpress build-volume on bad input: a paper PDF that is missing, unreadable or encrypted is named with
// the manifest line and the reason (or left out and listed with --skip-broken); manifest errors give the
// line; a failed build leaves the previous output as it was. Also the shipped sample end to end.
#include <gtest/gtest.h>

#include <filesystem>

#include "preflight/TestPdf.h"
#include "volume/VolumeTestSupport.h"

using namespace cptest;
namespace fs = std::filesystem;

namespace {

// The manifest line of the <paper> element naming `file`.
int lineOf(const TestVolume& v, const std::string& file) {
  std::istringstream in(v.manifestText());
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.find("pdf=\"" + file + "\"") != std::string::npos) return n;
  }
  return -1;
}

const TestPaper& paper(const TestVolume& v, size_t section, size_t index) {
  return v.sections()[section].papers[index];
}

}  // namespace

TEST(VolumeBadInput, BrokenPapersAreNamedOrSkipped) {
  const TestVolume v;
  const TestPaper& missing = paper(v, 0, 1);
  const TestPaper& garbage = paper(v, 1, 0);
  const TestPaper& locked = paper(v, 1, 1);
  fs::remove(v.dir() + "/" + missing.file);
  writeFile(v.dir() + "/" + garbage.file, "%PDF-1.4\nthis is not really a PDF at all\n");
  TestPdfOptions encryption;
  encryption.userPassword = "secret";
  writeFile(v.dir() + "/" + locked.file, makePdf(textPages(1), encryption));

  ProgramRun run = v.build();
  EXPECT_EQ(run.exitCode, 2);
  const std::string where =
      "volume.xml:" + std::to_string(lineOf(v, missing.file)) + ": paper \"" + missing.title;
  EXPECT_NE(run.err.find(where), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("does not exist"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(v.out() + "/volume.pdf"));

  writeFile(v.dir() + "/" + missing.file, readText(v.dir() + "/" + paper(v, 1, 2).file));
  run = v.build();
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(
      run.err.find("volume.xml:" + std::to_string(lineOf(v, garbage.file)) + ": paper \"" + garbage.title),
      std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("cannot be read"), std::string::npos) << run.err;

  run = v.build({"--skip-broken"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("papers 3"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("skipped 2"), std::string::npos) << run.out;
  EXPECT_NE(run.err.find("skipped " + v.manifest() + ":" + std::to_string(lineOf(v, locked.file)) +
                         ": paper \"" + locked.title + "\": the PDF is encrypted"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(garbage.title), std::string::npos) << run.err;
  EXPECT_EQ(runProgram("qpdf", {"--check", v.out() + "/volume.pdf"}).exitCode, 0);
  EXPECT_EQ(readText(v.out() + "/toc.csv").find(locked.title), std::string::npos);
}

TEST(VolumeBadInput, ManifestErrorsGiveTheLine) {
  const TestVolume v;
  std::string text = v.manifestText();
  const std::string isbn = "<isbn>978-3-16-148410-0</isbn>";
  std::string bad = text;
  bad.replace(bad.find(isbn), isbn.size(), "<isbn>978-3-16-148410-7</isbn>");
  v.writeManifest(bad);
  ProgramRun run = v.build();
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("volume.xml:12: the ISBN 978-3-16-148410-7"), std::string::npos) << run.err;

  bad = text;
  bad.replace(bad.find("<city>"), 0, "<colour>đỏ</colour>\n");
  v.writeManifest(bad);
  run = v.build();
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("volume.xml:10:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("colour"), std::string::npos) << run.err;

  bad = text;
  const size_t paperStart = bad.find("    <paper ");
  const size_t paperEnd = bad.find("</paper>\n", paperStart) + 9;
  bad.insert(bad.find("  </section>"), bad.substr(paperStart, paperEnd - paperStart));
  v.writeManifest(bad);
  run = v.build();
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("duplicate paper"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("is already listed at"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(v.out()));
}

TEST(VolumeBadInput, AFailedBuildLeavesThePreviousOutput) {
  const TestVolume v;
  ASSERT_EQ(v.build().exitCode, 0);
  const std::string before = readText(v.out() + "/volume.pdf");
  writeFile(v.dir() + "/" + paper(v, 1, 2).file, "%PDF-1.7\n%%EOF\n");
  const ProgramRun run = v.build();
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_EQ(readText(v.out() + "/volume.pdf"), before);
  for (const fs::directory_entry& e : fs::directory_iterator(v.out()))
    EXPECT_EQ(e.path().filename().string().find(".volume-build"), std::string::npos) << e.path();
  EXPECT_EQ(std::distance(fs::directory_iterator(v.out() + "/papers"), fs::directory_iterator()), 5);
}

TEST(VolumeBadInput, ShippedSampleBuildsAndValidates) {
  TempDir dir;
  ProgramRun run = confpress({"sample-volume", "--out", dir.file("sample"), "--max-pages", "2"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  std::vector<std::string> args{"build-volume", "--manifest", dir.file("sample/volume.xml"), "--out",
                                dir.file("out")};
  if (!sharedDir().empty()) {
    args.push_back("--crossref-schema");
    args.push_back(sharedDir() + "/data/crossref-schema");
  }
  run = confpress(args);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("papers 31"), std::string::npos) << run.out;
  EXPECT_EQ(runProgram("qpdf", {"--check", dir.file("out/volume.pdf")}).exitCode, 0);
}
