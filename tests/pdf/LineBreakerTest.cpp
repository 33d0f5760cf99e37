// Line breaking: lines fit their width, break only at ICU opportunities, keep every character, and
// carry the styles of their runs.
#include <gtest/gtest.h>

#include "pdf/Document.h"
#include "pdf/LineBreaker.h"

using namespace confpress;
using pdf::FontStyle;

namespace {

const std::string kParagraph =
    "Bình Dương là một trong những địa phương có tốc độ công nghiệp hóa, đô thị hóa nhanh của cả nước, với "
    "quy mô dân số cơ học lớn và hàng chục khu công nghiệp tập trung. Điều đó vừa tạo ra động lực, vừa đặt "
    "ra "
    "áp lực rất lớn đối với năng lực quản lý của chính quyền các cấp.";

class LineBreakerTest : public ::testing::Test {
 protected:
  pdf::Document doc{pdf::PageGeometry::forPaper(pdf::PaperSize::A4), pdf::FontFiles::serif()};
  pdf::LineBreaker breaker{doc.fonts()};

  static std::string joined(const std::vector<pdf::Line>& lines) {
    std::string out;
    for (const auto& line : lines)
      for (const auto& p : line.pieces) out += p.text + (p.spaceAfter ? " " : "");
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }
};

}  // namespace

TEST_F(LineBreakerTest, LinesFitAndKeepEveryCharacter) {
  const auto lines = breaker.breakText(kParagraph, FontStyle::Regular, 11, 300);
  ASSERT_GE(lines.size(), 4u);
  for (const auto& line : lines) {
    EXPECT_LE(line.naturalWidth, 300.01);
    EXPECT_GT(line.naturalWidth, 0);
  }
  // Greedy filling: every line but the last would overflow with the next line's first piece.
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const auto& next = lines[i + 1].pieces.front();
    EXPECT_GT(lines[i].naturalWidth + lines[i].pieces.back().spaceWidth + next.width, 300) << i;
    EXPECT_FALSE(lines[i].lastOfParagraph);
  }
  EXPECT_TRUE(lines.back().lastOfParagraph);
  EXPECT_EQ(joined(lines), kParagraph);
}

TEST_F(LineBreakerTest, BreaksOnlyBetweenWords) {
  const auto lines = breaker.breakText(kParagraph, FontStyle::Regular, 11, 200);
  for (const auto& line : lines) {
    // Every line ends with a whole syllable: the break was at a space.
    EXPECT_TRUE(line.lastOfParagraph || line.pieces.back().spaceAfter) << line.pieces.back().text;
  }
}

TEST_F(LineBreakerTest, WidthsAddUpAndScaleWithSize) {
  const pdf::Font& font = doc.fonts()[FontStyle::Regular];
  EXPECT_NEAR(font.width("Đặng Thị", 10),
              font.width("Đặng", 10) + font.width(" ", 10) + font.width("Thị", 10), 1e-9);
  EXPECT_NEAR(font.width("Thuỷ", 20), 2 * font.width("Thuỷ", 10), 1e-9);
  EXPECT_GT(doc.fonts()[FontStyle::Bold].width("Thuỷ", 10), 0);
  EXPECT_EQ(font.width("", 10), 0);
}

TEST_F(LineBreakerTest, RunsKeepTheirStyles) {
  const auto lines = breaker.breakRuns(
      {{"Tóm tắt: ", FontStyle::Bold}, {"nội dung bài viết", FontStyle::Regular}}, 10, 400, 400);
  ASSERT_EQ(lines.size(), 1u);
  const auto& pieces = lines[0].pieces;
  ASSERT_EQ(pieces.size(), 6u);  // Tóm tắt: nội dung bài viết
  EXPECT_EQ(pieces[0].text, "Tóm");
  EXPECT_EQ(pieces[0].style, FontStyle::Bold);
  EXPECT_EQ(pieces[1].text, "tắt:");
  EXPECT_EQ(pieces[1].style, FontStyle::Bold);
  EXPECT_TRUE(pieces[1].spaceAfter);
  EXPECT_EQ(pieces[2].text, "nội");
  EXPECT_EQ(pieces[2].style, FontStyle::Regular);
}

TEST_F(LineBreakerTest, StyleChangeInsideAWordMakesTwoAdjacentPieces) {
  const auto lines =
      breaker.breakRuns({{"[1]", FontStyle::Bold}, {"Nguyễn", FontStyle::Italic}}, 10, 400, 400);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].pieces.size(), 2u);
  EXPECT_FALSE(lines[0].pieces[0].spaceAfter);
  EXPECT_NEAR(lines[0].naturalWidth, lines[0].pieces[0].width + lines[0].pieces[1].width, 1e-9);
}

TEST_F(LineBreakerTest, FirstLineHasItsOwnWidth) {
  const auto lines = breaker.breakRuns({{kParagraph}}, 11, 150, 400);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_LE(lines[0].naturalWidth, 150.01);
  EXPECT_EQ(lines[0].available, 150);
  EXPECT_EQ(lines[1].available, 400);
  EXPECT_GT(lines[1].naturalWidth, 150);
}

TEST_F(LineBreakerTest, OverlongWordIsCutBetweenCharacters) {
  const std::string url =
      "https://dichvucong.binhduong.gov.vn/dichvucong/tracuuhoso/chitiet?maHoSo=000.00.30.H57";
  const auto lines = breaker.breakText("Xem " + url, FontStyle::Regular, 11, 120);
  ASSERT_GE(lines.size(), 3u);
  std::string rebuilt;
  for (const auto& line : lines) {
    EXPECT_LE(line.naturalWidth, 120.01);
    for (const auto& p : line.pieces) rebuilt += p.text + (p.spaceAfter ? " " : "");
  }
  EXPECT_EQ(rebuilt, "Xem " + url);
}

TEST_F(LineBreakerTest, LineFeedForcesABreak) {
  const auto lines = breaker.breakText("Dòng một\nDòng hai", FontStyle::Regular, 11, 400);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].lastOfParagraph);
  EXPECT_EQ(lines[1].pieces.front().text, "Dòng");
}

TEST_F(LineBreakerTest, EmptyTextHasNoLines) {
  EXPECT_TRUE(breaker.breakText("", FontStyle::Regular, 11, 400).empty());
  EXPECT_TRUE(breaker.breakText("   ", FontStyle::Regular, 11, 400).empty());
}

TEST_F(LineBreakerTest, KeptRunsAreNotBrokenInside) {
  const std::vector<pdf::TextRun> runs{{"tuantt@truongchinhtri-bd.example", FontStyle::Regular, true},
                                       {", "},
                                       {"ngocdtb@truongchinhtri-bd.example", FontStyle::Regular, true}};
  const double oneAddress = doc.fonts()[FontStyle::Regular].width("ngocdtb@truongchinhtri-bd.example", 9);
  const auto lines = breaker.breakRuns(runs, 9, oneAddress + 20, oneAddress + 20);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].pieces.back().text, ",");
  EXPECT_EQ(lines[1].pieces.front().text, "ngocdtb@truongchinhtri-bd.example");
  // Without keepTogether ICU may break after the hyphen.
  const auto loose = breaker.breakText("tuantt@truongchinhtri-bd.example, ngocdtb@truongchinhtri-bd.example",
                                       FontStyle::Regular, 9, oneAddress + 20);
  EXPECT_NE(loose[0].pieces.back().text, ",");
}
