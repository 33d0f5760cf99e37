#pragma once
// Shared by the volume tests: running programs (confpress and tools that are not ours — qpdf, poppler's
// pdftotext/pdffonts/pdftoppm, xmllint, a Python BibTeX parser), and a small volume made to order in a
// temporary folder: papers generated with the preflight tests' PDF maker, some with internal links and
// named destinations (the same names in two papers), a rotated and cropped page, a page that leaves its
// graphics state changed, and a manifest describing them. Not thread-safe.
#include <map>
#include <string>
#include <vector>

#include "support/TempDir.h"

namespace cptest {

struct ProgramRun {
  int exitCode = -1;
  std::string out, err;
};

/// Runs `program` (a path, or a name looked up in PATH) with `args` and `env` added to the environment,
/// and collects its output.
ProgramRun runProgram(const std::string& program, const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env = {});

/// ../shared beside the source tree (CI has it there), or "" when absent.
std::string sharedDir();

/// `confpress ARGS…`.
ProgramRun confpress(const std::vector<std::string>& args);

std::string readText(const std::string& path);

/// The text of every page of a PDF from one pdftotext run, white space collapsed per page.
class PdfText {
 public:
  explicit PdfText(const std::string& pdf);
  /// Page `page`, 1-based; "" beyond the last.
  const std::string& page(int page) const;
  int pages() const { return static_cast<int>(pages_.size()); }

 private:
  std::vector<std::string> pages_;
};

/// The text of page `page` (1-based) of `pdf`, white space collapsed (pdftotext).
std::string pageText(const std::string& pdf, int page);

struct TestAuthor {
  std::string family, given, affiliation, orcid;
  bool givenFirst = false;
};

struct TestPaper {
  std::string title;
  std::vector<TestAuthor> authors;
  int pages = 2;
  bool links = false;       // named destinations page.N and sec.refs, links by name and by page
  bool rotated = false;     // page 2 has /Rotate 90, page 1 an offset CropBox
  bool leaksState = false;  // its pages end with a colour and a scale set, unbalanced
  std::string file;         // PDF file name in the volume folder (set by the fixture)
};

struct TestSection {
  std::string title;
  std::vector<TestPaper> papers;
};

/// A volume folder: manifest.xml, preface.md and papers/*.pdf.
class TestVolume {
 public:
  /// Writes the default test volume: two sections, five papers (see the .cpp).
  TestVolume();
  explicit TestVolume(std::vector<TestSection> sections, const std::string& extraMetadata = {});

  const std::string& dir() const { return dir_.path(); }
  std::string manifest() const { return dir_.file("volume.xml"); }
  std::string out() const { return dir_.file("out"); }
  const std::vector<TestSection>& sections() const { return sections_; }
  /// Replaces the text of the manifest (for malformed-manifest tests); returns its path.
  std::string writeManifest(const std::string& text) const;
  /// The manifest as written.
  std::string manifestText() const { return manifestText_; }

  /// Runs confpress build-volume on it into out() with `extra` options.
  ProgramRun build(const std::vector<std::string>& extra = {}) const;

 private:
  void write(const std::string& extraMetadata);

  TempDir dir_;
  std::vector<TestSection> sections_;
  std::string manifestText_;
};

/// The default test sections.
std::vector<TestSection> defaultSections();

}  // namespace cptest
