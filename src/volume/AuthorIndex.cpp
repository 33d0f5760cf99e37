// The author index: one entry per person (same family and given names), sorted with ICU's Vietnamese
// collation, with the first pages of their papers, each number a link.
#include <algorithm>
#include <map>
#include <memory>

#include "text/Collation.h"
#include "volume/FrontMatter.h"
#include "volume/Leaders.h"

namespace confpress::volume {

using pdf::Align;
using pdf::FlowItem;
using pdf::FontStyle;

namespace {

constexpr double kSize = 10, kLeading = 13.5;

struct Entry {
  std::string name;  // "Family, Given"
  std::vector<int> pages;
};

std::vector<Entry> entries(const std::vector<OpenPaper>& papers, const VolumePlan& plan) {
  std::map<std::string, std::vector<int>> byName;
  for (size_t i = 0; i < papers.size(); ++i)
    for (const Author& a : papers[i].paper->authors)
      byName[a.name.inverted()].push_back(plan.papers[i].first);
  std::vector<Entry> out;
  for (auto& [name, pages] : byName) {
    std::sort(pages.begin(), pages.end());
    pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
    out.push_back({name, pages});
  }
  std::stable_sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return text::compareVietnamese(a.name, b.name) < 0;
  });
  return out;
}

}  // namespace

std::vector<FlowItem> authorIndexPages(const PartContext& ctx, const std::vector<OpenPaper>& papers,
                                       const VolumePlan& plan) {
  std::vector<FlowItem> items;
  pdf::appendParagraph(items, {{ctx.words.authorIndex, FontStyle::Bold}},
                       {FontStyle::Bold, 16, 20, Align::Center, 0, 0, 0, 0, true, false}, ctx.breaker,
                       ctx.doc.fonts(), ctx.left(), ctx.width());
  items.push_back({});
  items.back().height = 10;
  const pdf::Font& regular = ctx.doc.fonts()[FontStyle::Regular];
  const double left = ctx.left(), right = ctx.left() + ctx.width();
  for (Entry& entry : entries(papers, plan)) {
    std::vector<std::string> numbers;
    double numbersWidth = 0;
    for (size_t k = 0; k < entry.pages.size(); ++k) {
      numbers.push_back(std::to_string(entry.pages[k]) + (k + 1 < entry.pages.size() ? ", " : ""));
      numbersWidth += regular.width(numbers.back(), kSize);
    }
    const double nameWidth = std::max(ctx.width() * 0.4, ctx.width() - numbersWidth - 30);
    auto lines = std::make_shared<const std::vector<pdf::Line>>(
        ctx.breaker.breakText(entry.name, FontStyle::Regular, kSize, nameWidth));
    auto pages = std::make_shared<const std::vector<int>>(entry.pages);
    auto labels = std::make_shared<const std::vector<std::string>>(numbers);
    for (size_t k = 0; k < lines->size(); ++k) {
      FlowItem item;
      item.height = kLeading;
      item.keepWithNext = k + 1 < lines->size();
      const bool last = k + 1 == lines->size();
      pdf::Document& doc = ctx.doc;
      std::vector<LinkSpot>& links = ctx.links;
      item.draw = [&doc, &links, lines, pages, labels, k, last, left, right, nameWidth, numbersWidth](
                      pdf::Canvas& canvas, double top) {
        const double baseline = top + (kLeading + kSize * 0.7) / 2;
        const pdf::Line& line = (*lines)[k];
        canvas.line(line, doc.fonts(), kSize, left + (k > 0 ? 12 : 0), baseline, nameWidth, Align::Left);
        if (!last) return;
        const pdf::Font& font = doc.fonts()[FontStyle::Regular];
        double x = right - numbersWidth;
        drawLeaders(canvas, font, kSize, left + line.naturalWidth, x, baseline);
        for (size_t n = 0; n < pages->size(); ++n) {
          const double w = font.width((*labels)[n], kSize);
          canvas.text(x, baseline, (*labels)[n], font, kSize);
          links.push_back({doc.pageCount() - 1,
                           {x, top, font.width(std::to_string((*pages)[n]), kSize), kLeading},
                           (*pages)[n]});
          x += w;
        }
      };
      items.push_back(std::move(item));
    }
  }
  return items;
}

}  // namespace confpress::volume
