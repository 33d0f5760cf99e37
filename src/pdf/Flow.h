#pragma once
// The page/cursor model: content as a flow of items (lines of paragraphs, headings, figures), laid out
// top to bottom on pages with margins, then drawn. Layout is pure arithmetic, so a caller can lay a
// flow out many times (to reach a page count) before drawing it once.
//
// Rules: an item that does not fit starts a new page; space before an item is dropped at the top of a
// page; an item marked keepWithNext stays on the page of the item after it (headings, the first and
// second-to-last line of a paragraph, so no orphans or widows); a floating item (a figure) that does
// not fit waits for the top of the next page while the text after it fills the current one.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pdf/Canvas.h"
#include "pdf/Document.h"
#include "pdf/Geometry.h"
#include "pdf/LineBreaker.h"

namespace confpress::pdf {

struct FlowItem {
  double height = 0;       // what the item takes on the page
  double spaceBefore = 0;  // gap above it, dropped at the top of a page
  bool keepWithNext = false;
  bool floating = false;
  std::string outline;  // non-empty: a bookmark to this item
  /// Draws the item with its top edge at `top`, between the content's left and right margins.
  std::function<void(Canvas&, double top)> draw;
};

struct Placement {
  size_t item = 0;  // index into the flow
  double top = 0;   // layout y of the item's top edge
};

using PagePlan = std::vector<Placement>;

/// Where the next item goes: the page being filled and how far down it is.
class PageCursor {
 public:
  explicit PageCursor(const Rect& content) : content_(content), y_(content.y) {}

  int page() const { return page_; }
  double y() const { return y_; }
  bool atTop() const { return y_ == content_.y; }
  double remaining() const { return content_.bottom() - y_; }
  bool fits(double height) const { return height <= remaining() + 0.001; }
  void advance(double height) { y_ += height; }
  void nextPage() {
    ++page_;
    y_ = content_.y;
  }

 private:
  Rect content_;
  int page_ = 0;
  double y_;
};

/// Lays `items` out in the content area of `geometry`. Never returns an empty list of pages for a
/// non-empty flow; an item taller than a page gets a page of its own and overflows it.
std::vector<PagePlan> paginate(const std::vector<FlowItem>& items, const PageGeometry& geometry);

/// How full the last page is, 0…1.
double lastPageFill(const std::vector<PagePlan>& pages, const std::vector<FlowItem>& items,
                    const PageGeometry& geometry);

/// Adds one page per plan to `doc` and draws the items on it, then calls `decorate(canvas, page,
/// pages)` for running heads or footers, and adds a bookmark for every item with an outline title.
void render(Document& doc, const std::vector<FlowItem>& items, const std::vector<PagePlan>& pages,
            const std::function<void(Canvas&, int page, int pages)>& decorate = {});

/// How a paragraph is set.
struct ParagraphStyle {
  FontStyle font = FontStyle::Regular;
  double size = 11;
  double leading = 14.5;  // baseline to baseline
  Align align = Align::Justify;
  double firstIndent = 0;  // added to leftIndent on the first line (negative: hanging)
  double leftIndent = 0;
  double rightIndent = 0;
  double spaceBefore = 0;
  bool keepWithNext = false;  // headings: stay with what follows
  bool outline = false;       // bookmark the paragraph with its own text
};

/// Breaks `runs` for `width` (the content width) under `style` and appends one item per line.
void appendParagraph(std::vector<FlowItem>& items, const std::vector<TextRun>& runs,
                     const ParagraphStyle& style, const LineBreaker& breaker, const FontSet& fonts,
                     double left, double width);

/// Appends already broken lines (from breakParagraph), so a flow can be rebuilt without re-measuring.
void appendLines(std::vector<FlowItem>& items, std::shared_ptr<const std::vector<Line>> lines,
                 const ParagraphStyle& style, const FontSet& fonts, double left, double width,
                 const std::string& outline = {});

/// The lines of `runs` under `style` for a column `width` wide.
std::shared_ptr<const std::vector<Line>> breakParagraph(const std::vector<TextRun>& runs,
                                                        const ParagraphStyle& style,
                                                        const LineBreaker& breaker, double width);

}  // namespace confpress::pdf
