// The table of contents: section headings, then per paper its wrapped title with leaders and first
// page, and its authors in italic; every line is a link to the paper.
#include <memory>

#include "volume/FrontMatter.h"
#include "volume/Leaders.h"

namespace confpress::volume {

using pdf::Align;
using pdf::FlowItem;
using pdf::FontStyle;

namespace {

constexpr double kTitleSize = 10.5, kTitleLeading = 13.5, kAuthorSize = 9.5, kAuthorLeading = 12.5;
constexpr double kNumberColumn = 28;

std::string authorList(const Paper& paper) {
  std::string out;
  for (const Author& a : paper.authors) out += (out.empty() ? "" : ", ") + a.name.display();
  return out;
}

// A line of the entry: draws itself and records its area as a link to `target`.
FlowItem entryLine(const PartContext& ctx, std::shared_ptr<const std::vector<pdf::Line>> lines, size_t k,
                   double size, double leading, double indent, int target, bool withNumber) {
  FlowItem item;
  item.height = leading;
  item.keepWithNext = true;
  const double left = ctx.left() + indent, right = ctx.left() + ctx.width();
  const double textWidth = right - kNumberColumn - left;
  pdf::Document& doc = ctx.doc;
  std::vector<LinkSpot>& links = ctx.links;
  item.draw = [&doc, &links, lines, k, size, leading, left, right, textWidth, target, withNumber](
                  pdf::Canvas& canvas, double top) {
    const double baseline = top + (leading + size * 0.7) / 2;
    const pdf::Line& line = (*lines)[k];
    canvas.line(line, doc.fonts(), size, left, baseline, textWidth, Align::Left);
    if (withNumber) {
      const pdf::Font& font = doc.fonts()[FontStyle::Regular];
      const std::string number = std::to_string(target);
      drawLeaders(canvas, font, size, left + line.naturalWidth, right - font.width(number, size), baseline);
      canvas.textAligned(right - kNumberColumn, baseline, kNumberColumn, number, font, size, Align::Right);
    }
    links.push_back({doc.pageCount() - 1, {left, top, right - left, leading}, target});
  };
  return item;
}

}  // namespace

std::vector<FlowItem> contentsPages(const PartContext& ctx, const std::vector<OpenPaper>& papers,
                                    const VolumePlan& plan) {
  std::vector<FlowItem> items;
  pdf::appendParagraph(items, {{ctx.words.contents, FontStyle::Bold}},
                       {FontStyle::Bold, 16, 20, Align::Center, 0, 0, 0, 0, true, false}, ctx.breaker,
                       ctx.doc.fonts(), ctx.left(), ctx.width());
  const double titleWidth = ctx.width() - kNumberColumn - 12;
  std::string section;
  for (size_t i = 0; i < papers.size(); ++i) {
    const OpenPaper& p = papers[i];
    if (i == 0 || p.sectionTitle != section) {
      section = p.sectionTitle;
      pdf::appendParagraph(items, {{section, FontStyle::Bold}},
                           {FontStyle::Bold, 11.5, 15, Align::Left, 0, 0, kNumberColumn, 14, true, false},
                           ctx.breaker, ctx.doc.fonts(), ctx.left(), ctx.width());
    }
    const int first = plan.papers[i].first;
    auto title = std::make_shared<const std::vector<pdf::Line>>(
        ctx.breaker.breakText(p.paper->title, FontStyle::Regular, kTitleSize, titleWidth));
    for (size_t k = 0; k < title->size(); ++k) {
      FlowItem line = entryLine(ctx, title, k, kTitleSize, kTitleLeading, 12, first, k + 1 == title->size());
      if (k == 0) line.spaceBefore = 6;
      items.push_back(std::move(line));
    }
    auto authors = std::make_shared<const std::vector<pdf::Line>>(
        ctx.breaker.breakText(authorList(*p.paper), FontStyle::Italic, kAuthorSize, titleWidth - 10));
    for (size_t k = 0; k < authors->size(); ++k) {
      FlowItem line = entryLine(ctx, authors, k, kAuthorSize, kAuthorLeading, 22, first, false);
      line.keepWithNext = k + 1 < authors->size();
      items.push_back(std::move(line));
    }
  }
  // The author index closes the contents.
  auto index = std::make_shared<const std::vector<pdf::Line>>(
      ctx.breaker.breakText(ctx.words.authorIndex, FontStyle::Bold, kTitleSize, titleWidth));
  for (size_t k = 0; k < index->size(); ++k) {
    FlowItem line =
        entryLine(ctx, index, k, kTitleSize, kTitleLeading, 0, plan.indexFirst, k + 1 == index->size());
    if (k == 0) line.spaceBefore = 16;
    items.push_back(std::move(line));
  }
  return items;
}

}  // namespace confpress::volume
