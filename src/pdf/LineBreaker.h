#pragma once
// Breaks styled text into lines of a given width with ICU's line BreakIterator (UAX #14, locale "vi"),
// so lines end only where Vietnamese text may break, and records what a justified line needs: the
// pieces of each line, their widths and where the inter-word spaces are. Text is normalised to NFC on
// the way in. A LineBreaker holds one ICU iterator: use one per thread.
#include <memory>
#include <string>
#include <vector>

#include "pdf/Font.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace confpress::pdf {

/// A stretch of text in one style ("Tóm tắt: " in bold, then the abstract in regular).
struct TextRun {
  std::string text;
  FontStyle style = FontStyle::Regular;
  bool keepTogether = false;  // no line break inside (e-mail addresses, names, URLs that fit a line)
};

/// Text drawn in one go: part of a word or a whole word, without its trailing space.
struct Piece {
  std::string text;
  FontStyle style = FontStyle::Regular;
  double width = 0;         // advance width at the paragraph's size
  bool spaceAfter = false;  // a stretchable inter-word space follows (unless the piece ends the line)
  double spaceWidth = 0;    // natural width of that space
};

struct Line {
  std::vector<Piece> pieces;
  double naturalWidth = 0;  // pieces plus natural spaces between them
  bool lastOfParagraph = false;
  double available = 0;  // the width the line was broken for
};

class LineBreaker {
 public:
  /// Measures with `fonts`; breaks by the rules of `locale`. Throws std::runtime_error if ICU cannot
  /// create the iterator.
  explicit LineBreaker(const FontSet& fonts, const char* locale = "vi");
  ~LineBreaker();
  LineBreaker(const LineBreaker&) = delete;
  LineBreaker& operator=(const LineBreaker&) = delete;

  /// Greedy first-fit breaking: the first line is at most `firstWidth` wide, the others `otherWidth`.
  /// A word wider than a whole line is cut between characters. Line feeds force a break. Empty text
  /// gives no lines.
  std::vector<Line> breakRuns(const std::vector<TextRun>& runs, double size, double firstWidth,
                              double otherWidth) const;

  std::vector<Line> breakText(const std::string& utf8, FontStyle style, double size, double width) const {
    return breakRuns({{utf8, style}}, size, width, width);
  }

 private:
  const FontSet& fonts_;
  std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace confpress::pdf
