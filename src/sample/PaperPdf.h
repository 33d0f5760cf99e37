#pragma once
// Generated scientific-paper PDFs for the sample workshop: a paper's content (title, authors, abstract,
// sections, figures, references) typeset with src/pdf/ into exactly the number of pages asked for, by
// adding paragraphs from a shared pool, optionally anonymised, on A4 or Letter, and optionally with
// defects that ConfPress's preflight must warn about. Also reads samples/binhduong/papers.json.
// Functions here keep no state between calls; call them from one thread at a time (PoDoFo 0.9.8's
// thread-safety is not established).
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "pdf/Geometry.h"

namespace confpress::sample {

struct PaperAuthor {
  std::string name;  // as printed, in the person's name order ("Nguyễn Văn Hùng", "Katrin Schmidt")
  std::string affiliation;
  std::string email;
};

struct PaperSection {
  std::string heading;                  // without its number; sections are numbered 1, 2, …
  std::vector<std::string> paragraphs;  // the paper's own text
  /// Which pool paragraphs may be added here to reach the page count ("theory", "practice",
  /// "solutions", …); empty: none.
  std::string fill;
  size_t fillLimit = 1000;  // at most this many pool paragraphs are added here
};

struct PaperFigure {
  enum class Kind { BarChart, Flow, Layers };
  Kind kind = Kind::BarChart;
  std::string caption;              // without "Hình N."
  std::vector<std::string> labels;  // bars, or boxes in order
  std::vector<double> values;       // bar charts only
  std::string unit;                 // bar charts: after each value ("%")
  int decimals = 0;
  double axisMax = 0;       // bar charts: top of the axis; 0 chooses one
  size_t afterSection = 0;  // 0-based section after whose own text the figure is set
};

struct PaperContent {
  std::string venue;  // small line above the title ("Hội thảo khoa học …"); empty for none
  std::string title;
  std::vector<PaperAuthor> authors;
  std::string abstract;
  std::vector<std::string> keywords;
  std::vector<std::string> topics;  // pool paragraphs of these topics are preferred
  std::vector<PaperSection> sections;
  std::vector<PaperFigure> figures;
  std::vector<std::string> references;
};

/// A paragraph of the shared pool that fills sections.
struct PoolParagraph {
  std::string fill;   // the kind of section it suits (see PaperSection::fill)
  std::string topic;  // the workshop topic it is about; empty for any
  std::string text;
};

/// Faults a generated PDF can carry on purpose, each provoking a preflight warning.
enum class PaperDefect {
  FooterInBottomMargin,  // "Trang X/N" set 10 mm above the bottom edge, in the stamp area
  NonEmbeddedFont,       // an ASCII note in Helvetica, a standard-14 font that is not embedded
  LetterPaper,           // US Letter instead of the conference's A4
};

/// "footer_in_margin", "non_embedded_font", "letter_paper".
std::string defectName(PaperDefect defect);
/// The inverse of defectName; throws std::invalid_argument for an unknown name.
PaperDefect parseDefect(const std::string& name);

struct PaperPdfOptions {
  uint64_t seed = 1;       // chooses and orders the pool paragraphs and how full the last page is
  int targetPages = 8;     // the PDF has exactly this many pages (1…40)
  bool anonymous = false;  // double-blind: no author names, affiliations or e-mails, in text or metadata
  pdf::PaperSize paperSize = pdf::PaperSize::A4;
  std::set<PaperDefect> defects;
  /// Paragraphs added to the sections (by their `fill`) until the paper has targetPages pages.
  std::shared_ptr<const std::vector<PoolParagraph>> pool;
};

/// The PDF file of `paper`. Throws std::invalid_argument when targetPages is out of range or cannot be
/// reached (the paper's own text is longer, or the pool has nothing for its sections), and
/// std::runtime_error when the fonts cannot be loaded or PoDoFo fails.
std::string renderPaperPdf(const PaperContent& paper, const PaperPdfOptions& options);

struct SampleAuthor {
  std::string familyName;
  std::string givenName;
  bool familyFirst = true;  // Vietnamese order; false for "Katrin Schmidt"
  std::string email;
  std::string affiliation;
  std::string country = "VN";  // ISO 3166 alpha-2

  std::string displayName() const;
};

/// One submission of papers.json: its content plus what the sample loader stores about it.
struct SamplePaper {
  int number = 0;
  PaperContent content;
  std::vector<std::string> topics;  // workshop topic names (also in content.topics)
  std::vector<SampleAuthor> authors;
  bool withdrawn = false;
  std::string withdrawalReason;
  std::set<PaperDefect> defects;
  int targetPages = 8;
  std::shared_ptr<const std::vector<PoolParagraph>> pool;  // shared by all papers of the file

  /// Options rendering this paper as submitted: seed = number, its pages and defects, the pool.
  PaperPdfOptions options() const;
};

/// Reads samples/binhduong/papers.json (format in that file's "format" note). Text is NFC-normalised.
/// Throws std::runtime_error naming the file and the paper on unreadable or inconsistent data.
std::vector<SamplePaper> readSamplePapers(const std::string& papersJsonPath);

}  // namespace confpress::sample
