// Stamp texts and the operators placing them in a page's visible frame.
#include "volume/Stamps.h"

#include <cstdio>
#include <optional>

#include "text/Unicode.h"

namespace confpress::volume {

namespace {

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// Drops whole code points from the end until `text` + "…" fits.
std::string truncated(const std::string& text, const pdf::Font& font, double size, double maxWidth) {
  if (font.width(text, size) <= maxWidth) return text;
  std::string cut = text;
  while (!cut.empty()) {
    do cut.pop_back();
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
    if (!cut.empty()) cut.pop_back();  // the lead byte of the code point
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();
    if (font.width(cut + "…", size) <= maxWidth) return cut + "…";
  }
  return "…";
}

// The matrix taking the visible frame (origin bottom-left, upright) to the page's user space.
std::string matrix(const PageFrame& f) {
  char out[160];
  switch (f.rotate) {
    case 90:
      std::snprintf(out, sizeof out, "0 1 -1 0 %.4f %.4f cm\n", f.urx, f.lly);
      break;
    case 180:
      std::snprintf(out, sizeof out, "-1 0 0 -1 %.4f %.4f cm\n", f.urx, f.ury);
      break;
    case 270:
      std::snprintf(out, sizeof out, "0 -1 1 0 %.4f %.4f cm\n", f.llx, f.ury);
      break;
    default:
      std::snprintf(out, sizeof out, "1 0 0 1 %.4f %.4f cm\n", f.llx, f.lly);
  }
  return out;
}

}  // namespace

std::string StampSetter::authorsShort(const Paper& paper) const {
  if (paper.authors.empty()) return {};
  const std::string first = paper.authors[0].name.display();
  if (paper.authors.size() == 1) return first;
  if (paper.authors.size() == 2) return first + " " + words_.and_ + " " + paper.authors[1].name.display();
  return first + " " + words_.etAl;
}

std::string StampSetter::fill(const std::string& format, const Paper& paper, int page,
                              const PaperPages& pages) const {
  std::string s = format;
  replaceAll(s, "{volume}", metadata_.shortTitle);
  replaceAll(s, "{title}", paper.title);
  replaceAll(s, "{authors}", authorsShort(paper));
  replaceAll(s, "{page}", std::to_string(page));
  replaceAll(s, "{first}", std::to_string(pages.first));
  replaceAll(s, "{last}", std::to_string(pages.last));
  return s;
}

StampText StampSetter::line(const StampLine& format, pdf::FontStyle style, const std::string& text,
                            double maxWidth) const {
  const pdf::Font& font = fonts_[style];
  const std::string fitted = truncated(text, font, format.size, maxWidth);
  return {style,      format.size,  font.encode(fitted), font.width(fitted, format.size),
          format.top, format.offset};
}

std::vector<PageStamps> StampSetter::forPaper(const OpenPaper& paper, const PaperPages& pages) const {
  std::vector<PageStamps> out;
  out.reserve(paper.frames.size());
  // The running head is the same on every page but the first: encode it once.
  std::optional<StampText> head;
  for (size_t i = 0; i < paper.frames.size(); ++i) {
    const int number = pages.first + static_cast<int>(i);
    const double maxWidth = paper.frames[i].visibleWidth() - pdf::mm(30);
    PageStamps stamps;
    if (i == 0) {
      stamps.push_back(line(style_.citation, pdf::FontStyle::Italic,
                            fill(style_.citation.format, *paper.paper, number, pages), maxWidth));
    } else {
      if (!head || head->width > maxWidth)
        head = line(style_.runningHead, pdf::FontStyle::Italic,
                    fill(style_.runningHead.format, *paper.paper, number, pages), maxWidth);
      stamps.push_back(*head);
    }
    stamps.push_back(line(style_.folio, pdf::FontStyle::Regular,
                          fill(style_.folio.format, *paper.paper, number, pages), maxWidth));
    out.push_back(std::move(stamps));
  }
  return out;
}

std::string stampOperators(const PageStamps& stamps, const PageFrame& frame, const std::string& regularName,
                           const std::string& italicName) {
  std::string ops = matrix(frame);
  const double width = frame.visibleWidth(), height = frame.visibleHeight();
  char position[160];
  for (const StampText& s : stamps) {
    const double x = (width - s.width) / 2;
    const double y = s.top ? height - s.offset : s.offset;
    std::snprintf(position, sizeof position, " %.2f Tf 1 0 0 1 %.3f %.3f Tm ", s.size, x, y);
    ops += "BT /" + (s.style == pdf::FontStyle::Italic ? italicName : regularName) + position + s.encoded +
           " Tj ET\n";
  }
  return ops;
}

}  // namespace confpress::volume
