// Pagination of a flow with keep-with-next chains and deferred floats, and drawing the result.
#include "pdf/Flow.h"

#include <algorithm>
#include <deque>

namespace confpress::pdf {

namespace {

class Paginator {
 public:
  Paginator(const std::vector<FlowItem>& items, const PageGeometry& geometry)
      : items_(items), content_(geometry.content()), cursor_(content_), pages_(1) {}

  std::vector<PagePlan> run() {
    for (size_t i = 0; i < items_.size(); ++i) {
      if (items_[i].floating)
        placeFloat(i);
      else
        placeFlowing(i);
    }
    while (!pending_.empty()) {
      newPage();
    }
    return std::move(pages_);
  }

 private:
  double gapBefore(const FlowItem& item) const { return cursor_.atTop() ? 0 : item.spaceBefore; }

  // Height of item i and of the items it must stay with, as if placed here.
  double chainHeight(size_t i) const {
    double total = gapBefore(items_[i]) + items_[i].height;
    for (size_t j = i; items_[j].keepWithNext;) {
      size_t next = j + 1;
      while (next < items_.size() && items_[next].floating) ++next;  // figures do not break a chain
      if (next >= items_.size()) break;
      total += items_[next].spaceBefore + items_[next].height;
      j = next;
    }
    return total;
  }

  void place(size_t i) {
    const double gap = gapBefore(items_[i]);
    pages_.back().push_back({i, cursor_.y() + gap});
    cursor_.advance(gap + items_[i].height);
  }

  void placeFlowing(size_t i) {
    const double chain = chainHeight(i);
    const bool chainFitsAPage = chain <= content_.height;
    if (!cursor_.atTop() &&
        (chainFitsAPage ? !cursor_.fits(chain) : !cursor_.fits(gapBefore(items_[i]) + items_[i].height)))
      newPage();
    place(i);
  }

  void placeFloat(size_t i) {
    if (pending_.empty() && (cursor_.atTop() || cursor_.fits(gapBefore(items_[i]) + items_[i].height)))
      place(i);
    else
      pending_.push_back(i);
  }

  void newPage() {
    pages_.emplace_back();
    cursor_.nextPage();
    // Waiting figures go first, as many as fit (at least one, so none waits for ever).
    while (!pending_.empty() && (cursor_.atTop() || cursor_.fits(items_[pending_.front()].height))) {
      place(pending_.front());
      pending_.pop_front();
    }
  }

  const std::vector<FlowItem>& items_;
  Rect content_;
  PageCursor cursor_;
  std::vector<PagePlan> pages_;
  std::deque<size_t> pending_;
};

}  // namespace

std::vector<PagePlan> paginate(const std::vector<FlowItem>& items, const PageGeometry& geometry) {
  return Paginator(items, geometry).run();
}

double lastPageFill(const std::vector<PagePlan>& pages, const std::vector<FlowItem>& items,
                    const PageGeometry& geometry) {
  const Rect content = geometry.content();
  double bottom = content.y;
  for (const Placement& p : pages.back()) bottom = std::max(bottom, p.top + items[p.item].height);
  return std::clamp((bottom - content.y) / content.height, 0.0, 1.0);
}

void render(Document& doc, const std::vector<FlowItem>& items, const std::vector<PagePlan>& pages,
            const std::function<void(Canvas&, int page, int pages)>& decorate) {
  const int total = static_cast<int>(pages.size());
  for (int n = 0; n < total; ++n) {
    Canvas canvas(doc.addPage(), doc.geometry().height);
    for (const Placement& p : pages[static_cast<size_t>(n)]) {
      const FlowItem& item = items[p.item];
      if (item.draw) item.draw(canvas, p.top);
      if (!item.outline.empty()) doc.addOutline(item.outline, doc.pageCount() - 1, p.top);
    }
    if (decorate) decorate(canvas, n, total);
  }
}

std::shared_ptr<const std::vector<Line>> breakParagraph(const std::vector<TextRun>& runs,
                                                        const ParagraphStyle& style,
                                                        const LineBreaker& breaker, double width) {
  const double body = width - style.leftIndent - style.rightIndent;
  return std::make_shared<const std::vector<Line>>(
      breaker.breakRuns(runs, style.size, body - style.firstIndent, body));
}

void appendLines(std::vector<FlowItem>& items, std::shared_ptr<const std::vector<Line>> lines,
                 const ParagraphStyle& style, const FontSet& fonts, double left, double width,
                 const std::string& outline) {
  const size_t count = lines->size();
  // Centre the type's body in the line: baseline a little below the middle of the leading.
  const double baselineOffset = (style.leading + style.size * 0.7) / 2;
  for (size_t k = 0; k < count; ++k) {
    FlowItem item;
    item.height = style.leading;
    item.spaceBefore = k == 0 ? style.spaceBefore : 0;
    const bool orphanGuard = k == 0 && count >= 2;
    const bool widowGuard = count >= 3 && k + 2 == count;
    item.keepWithNext = style.keepWithNext || orphanGuard || widowGuard;
    if (k == 0) item.outline = outline;
    const double x = left + style.leftIndent + (k == 0 ? style.firstIndent : 0);
    const double w = width - style.leftIndent - style.rightIndent - (k == 0 ? style.firstIndent : 0);
    item.draw = [lines, k, &fonts, style, x, w, baselineOffset](Canvas& canvas, double top) {
      canvas.line((*lines)[k], fonts, style.size, x, top + baselineOffset, w, style.align);
    };
    items.push_back(std::move(item));
  }
}

void appendParagraph(std::vector<FlowItem>& items, const std::vector<TextRun>& runs,
                     const ParagraphStyle& style, const LineBreaker& breaker, const FontSet& fonts,
                     double left, double width) {
  std::string outline;
  if (style.outline)
    for (const TextRun& run : runs) outline += run.text;
  appendLines(items, breakParagraph(runs, style, breaker, width), style, fonts, left, width, outline);
}

}  // namespace confpress::pdf
