// The page/cursor model: pages fill to the bottom margin, space is dropped at the top of a page,
// headings stay with their text, no orphans or widows, figures float past text, and render() draws it.
#include <gtest/gtest.h>

#include "pdf/Flow.h"
#include "pdf/PdfProbe.h"

using namespace confpress;

namespace {

// A page whose content area is exactly 100 pt high.
pdf::PageGeometry smallPage() {
  pdf::PageGeometry g;
  g.width = 200;
  g.height = 160;
  g.margins = {30, 30, 20, 20};
  return g;
}

pdf::FlowItem box(double height, double spaceBefore = 0, bool keepWithNext = false, bool floating = false) {
  pdf::FlowItem item;
  item.height = height;
  item.spaceBefore = spaceBefore;
  item.keepWithNext = keepWithNext;
  item.floating = floating;
  return item;
}

std::vector<size_t> itemsOn(const pdf::PagePlan& page) {
  std::vector<size_t> out;
  for (const auto& p : page) out.push_back(p.item);
  return out;
}

}  // namespace

TEST(Flow, FillsPagesTopToBottom) {
  const std::vector<pdf::FlowItem> items(7, box(30));
  const auto pages = pdf::paginate(items, smallPage());
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(itemsOn(pages[0]), (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(itemsOn(pages[2]), (std::vector<size_t>{6}));
  EXPECT_DOUBLE_EQ(pages[0][0].top, 30);
  EXPECT_DOUBLE_EQ(pages[0][2].top, 90);
  EXPECT_NEAR(pdf::lastPageFill(pages, items, smallPage()), 0.3, 1e-9);
}

TEST(Flow, SpaceBeforeIsDroppedAtTheTopOfAPage) {
  const std::vector<pdf::FlowItem> items{box(60), box(30, 20), box(30, 20)};
  const auto pages = pdf::paginate(items, smallPage());
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_DOUBLE_EQ(pages[1][0].top, 30);  // item 1 moved: 60 + 20 + 30 > 100
  EXPECT_DOUBLE_EQ(pages[1][1].top, 30 + 30 + 20);
}

TEST(Flow, KeepWithNextMovesAHeadingToTheNextPage) {
  // 80 pt of text, then a heading that would fit but the line after it would not.
  const std::vector<pdf::FlowItem> items{box(80), box(15, 0, true), box(15)};
  const auto pages = pdf::paginate(items, smallPage());
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(itemsOn(pages[1]), (std::vector<size_t>{1, 2}));
}

TEST(Flow, ParagraphsHaveNoOrphansOrWidows) {
  pdf::Document doc(smallPage(), pdf::FontFiles::serif());
  const pdf::LineBreaker breaker(doc.fonts());
  pdf::ParagraphStyle style;
  style.leading = 10;  // ten lines a page
  std::vector<pdf::FlowItem> items{box(85)};
  std::string text;
  for (int i = 0; i < 30; ++i) text += "chính quyền số ";
  pdf::appendParagraph(items, {{text}}, style, breaker, doc.fonts(), 20, 160);
  const size_t lines = items.size() - 1;
  ASSERT_GE(lines, 3u);
  const auto pages = pdf::paginate(items, smallPage());
  // One line would fit under the 85 pt block, but a lone first line is an orphan: all move.
  EXPECT_EQ(itemsOn(pages[0]), (std::vector<size_t>{0}));
}

TEST(Flow, FigureFloatsToTheNextPageWhileTextFillsThisOne) {
  const std::vector<pdf::FlowItem> items{box(50), box(70, 0, false, true), box(20), box(20)};
  const auto pages = pdf::paginate(items, smallPage());
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(itemsOn(pages[0]), (std::vector<size_t>{0, 2, 3}));
  EXPECT_EQ(itemsOn(pages[1]), (std::vector<size_t>{1}));
  EXPECT_DOUBLE_EQ(pages[1][0].top, 30);
}

TEST(Flow, ItemTallerThanAPageGetsAPageOfItsOwn) {
  const std::vector<pdf::FlowItem> items{box(10), box(150), box(10)};
  const auto pages = pdf::paginate(items, smallPage());
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(itemsOn(pages[1]), (std::vector<size_t>{1}));
}

TEST(Flow, RenderDrawsEveryPageAndBookmarks) {
  pdf::Document doc(pdf::PageGeometry::forPaper(pdf::PaperSize::A4), pdf::FontFiles::serif());
  const pdf::LineBreaker breaker(doc.fonts());
  std::vector<pdf::FlowItem> items;
  pdf::ParagraphStyle heading;
  heading.font = pdf::FontStyle::Bold;
  heading.outline = true;
  heading.keepWithNext = true;
  const pdf::Rect content = doc.geometry().content();
  for (int s = 1; s <= 6; ++s) {
    pdf::appendParagraph(items, {{"Mục " + std::to_string(s), pdf::FontStyle::Bold}}, heading, breaker,
                         doc.fonts(), content.x, content.width);
    for (int p = 0; p < 8; ++p)
      pdf::appendParagraph(items,
                           {{std::string("Chính quyền số vận hành dựa trên dữ liệu và công nghệ số. ") +
                             "Đoạn " + std::to_string(p) + " của mục " + std::to_string(s) + "."}},
                           pdf::ParagraphStyle{}, breaker, doc.fonts(), content.x, content.width);
  }
  const auto pages = pdf::paginate(items, doc.geometry());
  int decorated = 0;
  pdf::render(doc, items, pages, [&](pdf::Canvas&, int page, int total) {
    EXPECT_EQ(page, decorated++);
    EXPECT_EQ(total, static_cast<int>(pages.size()));
  });
  EXPECT_EQ(decorated, static_cast<int>(pages.size()));
  cptest::PdfProbe probe(doc.bytes());
  EXPECT_EQ(probe.pages(), static_cast<int>(pages.size()));
  EXPECT_NE(probe.text(0).find("Mục 1 Chính quyền số vận hành"), std::string::npos) << probe.text(0);
  EXPECT_EQ(probe.qpdfProblems(), "");
}
