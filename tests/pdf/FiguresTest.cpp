// Figures: Vietnamese number formatting, and charts and diagrams whose labels and captions are real,
// extractable text inside the figure's box.
#include <gtest/gtest.h>

#include "pdf/Figures.h"
#include "pdf/PdfProbe.h"

using namespace confpress;

TEST(Figures, NumbersUseTheVietnameseDecimalComma) {
  EXPECT_EQ(pdf::formatNumber(0, 0), "0");
  EXPECT_EQ(pdf::formatNumber(12.5, 1), "12,5");
  EXPECT_EQ(pdf::formatNumber(1234567.25, 2), "1.234.567,25");
  EXPECT_EQ(pdf::formatNumber(-999.96, 1), "-1.000,0");
  EXPECT_EQ(pdf::formatNumber(-0.01, 1), "0,0");
}

TEST(Figures, BarChartAndDiagramDrawLabelsAndCaptions) {
  pdf::Document doc(pdf::PageGeometry::forPaper(pdf::PaperSize::A4), pdf::FontFiles::serif());
  const pdf::LineBreaker breaker(doc.fonts());
  const pdf::Rect content = doc.geometry().content();
  std::vector<pdf::FlowItem> items;
  items.push_back(pdf::barChartFigure(
      {{"2018", "2019", "2020", "2021", "2022"}, {8.2, 12.5, 27.9, 41.3, 56.8}, "%", 1},
      {{"Hình 1. ", pdf::FontStyle::Bold}, {"Tỷ lệ hồ sơ trực tuyến", pdf::FontStyle::Italic}}, doc.fonts(),
      breaker, content.x, content.width));
  items.push_back(pdf::boxDiagramFigure({{"Tiếp nhận hồ sơ", "Số hóa", "Xử lý", "Trả kết quả"}, false},
                                        {{"Hình 2. Quy trình"}}, doc.fonts(), breaker, content.x,
                                        content.width));
  items.push_back(
      pdf::boxDiagramFigure({{"Người dân, doanh nghiệp", "Cổng Dịch vụ công", "LGSP", "Cơ sở dữ liệu"}, true},
                            {{"Hình 3. Kiến trúc"}}, doc.fonts(), breaker, content.x, content.width));
  for (const auto& item : items) {
    EXPECT_TRUE(item.floating);
    EXPECT_GT(item.height, 40);
  }
  const auto pages = pdf::paginate(items, doc.geometry());
  pdf::render(doc, items, pages);
  cptest::PdfProbe probe(doc.bytes());
  std::string text;
  for (int p = 0; p < probe.pages(); ++p) text += probe.text(p) + " ";
  for (const char* expected : {"56,8%", "2018", "Hình 1. Tỷ lệ hồ sơ trực tuyến", "Tiếp nhận hồ sơ",
                               "Trả kết quả", "Hình 2. Quy trình", "Cổng Dịch vụ công", "Hình 3. Kiến trúc"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " in " << text;
  // Every word lies inside the page's content area.
  for (int p = 0; p < probe.pages(); ++p)
    for (const auto& w : probe.words(p)) {
      EXPECT_GE(w.left, content.x - 1) << w.text;
      EXPECT_LE(w.right, content.right() + 1) << w.text;
      EXPECT_LE(w.bottom, content.bottom() + 1) << w.text;
    }
  EXPECT_EQ(probe.qpdfProblems(), "");
}

TEST(Figures, BadChartsAreRefused) {
  pdf::Document doc(pdf::PageGeometry::forPaper(pdf::PaperSize::A4), pdf::FontFiles::serif());
  const pdf::LineBreaker breaker(doc.fonts());
  EXPECT_THROW(pdf::barChartFigure({{"a", "b"}, {1}, "", 0}, {}, doc.fonts(), breaker, 0, 400),
               std::invalid_argument);
  EXPECT_THROW(pdf::boxDiagramFigure({{}, false}, {}, doc.fonts(), breaker, 0, 400), std::invalid_argument);
}
