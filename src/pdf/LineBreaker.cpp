// First-fit line breaking over ICU line-break opportunities, measuring with the document's fonts.
#include "pdf/LineBreaker.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace confpress::pdf {

namespace {

constexpr double kTolerance = 0.01;  // points a line may exceed its width by rounding

struct RunSpan {
  int32_t start, end;  // UTF-16 offsets
  FontStyle style;
  bool keepTogether;
};

struct StyledText {
  icu::UnicodeString text;
  std::vector<RunSpan> runs;

  bool insideKeptRun(int32_t offset) const {
    for (const RunSpan& r : runs)
      if (r.keepTogether && r.start < offset && offset < r.end) return true;
    return false;
  }
};

// A break opportunity to the next: the pieces between, and what follows them.
struct Segment {
  std::vector<Piece> pieces;
  double width = 0;
  bool hardBreak = false;  // a line feed ends the line after this segment
};

icu::UnicodeString toNfc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  if (U_FAILURE(status) || nfc->isNormalized(s, status)) return s;
  status = U_ZERO_ERROR;
  icu::UnicodeString normalised = nfc->normalize(s, status);
  return U_SUCCESS(status) ? normalised : s;
}

StyledText concatenate(const std::vector<TextRun>& runs) {
  StyledText all;
  for (const TextRun& run : runs) {
    icu::UnicodeString part = toNfc(run.text);
    if (part.isEmpty()) continue;
    all.runs.push_back({all.text.length(), all.text.length() + part.length(), run.style, run.keepTogether});
    all.text += part;
  }
  return all;
}

bool isBreakingSpace(UChar32 c) {
  return c != 0x00A0 && c != 0x202F && u_isWhitespace(c);
}

bool isLineFeed(UChar32 c) {
  return c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029 || c == 0x0B;
}

Piece measure(const icu::UnicodeString& text, FontStyle style, double size, const FontSet& fonts) {
  Piece p;
  text.toUTF8String(p.text);
  p.style = style;
  p.width = fonts[style].width(p.text, size);
  return p;
}

double lineWidth(const Line& line) {
  double w = 0;
  for (size_t i = 0; i < line.pieces.size(); ++i) {
    w += line.pieces[i].width;
    if (i + 1 < line.pieces.size() && line.pieces[i].spaceAfter) w += line.pieces[i].spaceWidth;
  }
  return w;
}

// Cuts an over-long segment between code points into parts no wider than `width` (at least one
// character each).
std::vector<Segment> cutToWidth(const Segment& seg, double width, double size, const FontSet& fonts) {
  std::vector<Segment> parts(1);
  for (const Piece& piece : seg.pieces) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(piece.text);
    const auto flush = [&](int32_t from, int32_t to) {
      if (to <= from) return;
      Piece part = measure(text.tempSubStringBetween(from, to), piece.style, size, fonts);
      parts.back().width += part.width;
      parts.back().pieces.push_back(std::move(part));
    };
    int32_t start = 0;
    double pending = 0;  // width of text[start, i)
    for (int32_t i = 0; i < text.length();) {
      const int32_t next = text.moveIndex32(i, 1);
      const double w = measure(text.tempSubStringBetween(i, next), piece.style, size, fonts).width;
      const bool empty = pending == 0 && parts.back().pieces.empty();
      if (!empty && parts.back().width + pending + w > width + kTolerance) {
        flush(start, i);
        parts.emplace_back();
        start = i;
        pending = 0;
      }
      pending += w;
      i = next;
    }
    flush(start, text.length());
  }
  Piece& last = parts.back().pieces.back();
  last.spaceAfter = seg.pieces.back().spaceAfter;
  last.spaceWidth = seg.pieces.back().spaceWidth;
  parts.back().hardBreak = seg.hardBreak;
  return parts;
}

}  // namespace

LineBreaker::LineBreaker(const FontSet& fonts, const char* locale) : fonts_(fonts) {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createLineInstance(icu::Locale(locale), status));
  if (U_FAILURE(status) || !iterator_)
    throw std::runtime_error(std::string("ICU cannot create a line break iterator: ") + u_errorName(status));
}

LineBreaker::~LineBreaker() = default;

std::vector<Line> LineBreaker::breakRuns(const std::vector<TextRun>& runs, double size, double firstWidth,
                                         double otherWidth) const {
  const StyledText all = concatenate(runs);
  std::vector<Segment> segments;
  iterator_->setText(all.text);
  size_t run = 0;
  int32_t start = iterator_->first();
  for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE; end = iterator_->next()) {
    if (all.insideKeptRun(end)) continue;
    Segment seg;
    int32_t contentEnd = end;
    while (contentEnd > start && isBreakingSpace(all.text.char32At(contentEnd - 1))) {
      seg.hardBreak |= isLineFeed(all.text.char32At(contentEnd - 1));
      contentEnd = all.text.moveIndex32(contentEnd, -1);
    }
    for (int32_t from = start; from < contentEnd;) {
      while (run + 1 < all.runs.size() && all.runs[run + 1].start <= from) ++run;
      const int32_t to = std::min(contentEnd, all.runs[run].end);
      seg.pieces.push_back(
          measure(all.text.tempSubStringBetween(from, to), all.runs[run].style, size, fonts_));
      seg.width += seg.pieces.back().width;
      from = to;
    }
    if (!seg.pieces.empty() && contentEnd < end) {
      seg.pieces.back().spaceAfter = true;
      seg.pieces.back().spaceWidth = fonts_[seg.pieces.back().style].width(" ", size);
    }
    if (!seg.pieces.empty() || seg.hardBreak) segments.push_back(std::move(seg));
    start = end;
  }

  std::vector<Line> lines;
  Line current;
  current.available = firstWidth;
  const auto finish = [&](bool last) {
    current.naturalWidth = lineWidth(current);
    current.lastOfParagraph = last;
    lines.push_back(std::move(current));
    current = Line();
    current.available = otherWidth;
  };
  for (const Segment& seg : segments) {
    const double used = lineWidth(current);
    const double gap =
        current.pieces.empty() || !current.pieces.back().spaceAfter ? 0 : current.pieces.back().spaceWidth;
    if (!current.pieces.empty() && used + gap + seg.width > current.available + kTolerance) finish(false);
    if (seg.width > current.available + kTolerance) {
      std::vector<Segment> parts = cutToWidth(seg, current.available, size, fonts_);
      for (size_t i = 0; i < parts.size(); ++i) {
        for (Piece& p : parts[i].pieces) current.pieces.push_back(std::move(p));
        if (i + 1 < parts.size()) finish(false);
      }
    } else {
      for (const Piece& p : seg.pieces) current.pieces.push_back(p);
    }
    if (seg.hardBreak) finish(true);
  }
  if (!current.pieces.empty()) finish(true);
  return lines;
}

}  // namespace confpress::pdf
