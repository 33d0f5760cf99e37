#pragma once
// Small PDFs made to order for the preflight tests and benchmark: pages of any size, rotation and
// CropBox, text runs at exact positions in an embedded Noto Serif (every Vietnamese letter) or in
// non-embedded Helvetica, document information, and encryption by qpdf. Written with PoDoFo 0.9.8
// directly. Not thread-safe (PoDoFo's is not established): call from one thread at a time.
#include <optional>
#include <string>
#include <vector>

namespace cptest {

constexpr double kA4Width = 595.276, kA4Height = 841.89;  // points
constexpr double kLetterWidth = 612, kLetterHeight = 792;
constexpr double kPointsPerMm = 72.0 / 25.4;

/// Text whose baseline starts at (x, baseline) in PDF user space: points from the bottom-left corner of
/// the MediaBox, before /Rotate.
struct TextRun {
  double x = 0;
  double baseline = 0;
  std::string text;  // UTF-8
  double size = 11;
  bool standardFont = false;  // Helvetica, not embedded (Latin-1 text only)
};

struct PdfBox {
  double left = 0, bottom = 0, right = 0, top = 0;
};

struct TestPage {
  double width = kA4Width, height = kA4Height;
  int rotate = 0;                 // /Rotate: 0, 90, 180 or 270
  std::optional<PdfBox> cropBox;  // absent: the MediaBox
  std::vector<TextRun> runs;
};

/// Document information and encryption.
struct TestPdfOptions {
  std::string title, author, subject, keywords;
  std::string userPassword;   // non-empty: AES-256 with this password needed to open the file
  std::string ownerPassword;  // non-empty alone: AES-256 with an empty user password (restrictions only)
};

/// The PDF file of `pages`. Throws std::runtime_error if PoDoFo or qpdf fails.
std::string makePdf(const std::vector<TestPage>& pages, const TestPdfOptions& options = {});

/// A baseline (points from the bottom) in the band between 25 and 55 mm from the bottom that textPage()
/// leaves free, for runs a test adds on their own line; kFreeBaseline2 is a second such line.
constexpr double kFreeBaseline = 45 * kPointsPerMm, kFreeBaseline2 = 35 * kPointsPerMm;

/// An A4 page of body text (Vietnamese prose) between 25 mm from the top and 55 mm from the bottom, with
/// `extra` runs added; page `number` is mentioned in the text.
TestPage textPage(int number, const std::vector<TextRun>& extra = {});

/// `count` text pages.
std::vector<TestPage> textPages(int count);

/// Writes `bytes` to `path`; throws std::runtime_error on failure.
void writeFile(const std::string& path, const std::string& bytes);

}  // namespace cptest
