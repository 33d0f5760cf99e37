// Vietnamese text written with src/pdf/ comes back from poppler as the same NFC string, in embedded,
// subset Identity-H fonts that qpdf reads without complaint.
#include <gtest/gtest.h>

#include <algorithm>

#include "pdf/Canvas.h"
#include "pdf/Document.h"
#include "pdf/LineBreaker.h"
#include "pdf/PdfProbe.h"

using namespace confpress;
using cptest::PdfProbe;

namespace {

const std::string kLower =
    "a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ "
    "ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ đ";
const std::string kUpper =
    "A À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ E È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ I Ì Í Ỉ Ĩ Ị O Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ "
    "Ơ Ờ Ớ Ở Ỡ Ợ U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Y Ỳ Ý Ỷ Ỹ Ỵ Đ";
const std::string kName = "Đặng Thị Thuỷ, ượ, ỗ";

pdf::Document a4() {
  return pdf::Document(pdf::PageGeometry::forPaper(pdf::PaperSize::A4), pdf::FontFiles::serif());
}

}  // namespace

TEST(PdfText, EveryVietnameseLetterRoundTripsInEveryStyle) {
  pdf::Document doc(pdf::PageGeometry::forPaper(pdf::PaperSize::A4), pdf::FontFiles::serif());
  {
    pdf::Canvas canvas(doc.addPage(), doc.geometry().height);
    double y = 60;
    for (pdf::FontStyle style : {pdf::FontStyle::Regular, pdf::FontStyle::Bold, pdf::FontStyle::Italic}) {
      canvas.text(40, y, kName, doc.fonts()[style], 12);
      canvas.text(40, y + 20, kLower, doc.fonts()[style], 7);
      canvas.text(40, y + 40, kUpper, doc.fonts()[style], 7);
      y += 80;
    }
    canvas.text(40, y, "“Giá 25.000 ₫” – … ‘x’ © ½", doc.fonts()[pdf::FontStyle::Regular], 12);
  }
  PdfProbe probe(doc.bytes());
  ASSERT_EQ(probe.pages(), 1);
  // Poppler finds word gaps by geometry and joins single letters set this tight, so compare the
  // letters without spaces, and whole words exactly.
  const auto squeeze = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  std::string expected;
  for (int style = 0; style < 3; ++style) expected += kName + kLower + kUpper;
  EXPECT_EQ(squeeze(probe.text(0)), squeeze(expected + "“Giá 25.000 ₫” – … ‘x’ © ½"));
  EXPECT_NE(probe.text(0).find(kName + " a"), std::string::npos);
  EXPECT_NE(probe.text(0).find("“Giá 25.000 ₫” – … ‘x’ © ½"), std::string::npos);
  EXPECT_EQ(probe.qpdfProblems(), "");
}

TEST(PdfText, FontsAreEmbeddedSubsetCidTrueType) {
  pdf::Document doc = a4();
  {
    pdf::Canvas canvas(doc.addPage(), doc.geometry().height);
    for (pdf::FontStyle style : {pdf::FontStyle::Regular, pdf::FontStyle::Bold, pdf::FontStyle::Italic})
      canvas.text(40, 100 + 20 * static_cast<int>(style), kName, doc.fonts()[style], 12);
  }
  const std::string bytes = doc.bytes();
  PdfProbe probe(bytes);
  const auto fonts = probe.fonts();
  ASSERT_EQ(fonts.size(), 3u);
  for (const auto& f : fonts) {
    EXPECT_TRUE(f.is_embedded()) << f.name();
    EXPECT_TRUE(f.is_subset()) << f.name();
    EXPECT_EQ(f.type(), poppler::font_info::cid_truetype) << f.name();
  }
  EXPECT_NE(bytes.find("/Identity-H"), std::string::npos);
  EXPECT_NE(bytes.find("/ToUnicode"), std::string::npos);
  // Subsetting keeps the file small: three styles of Noto Serif in full would take ~1 MB.
  EXPECT_LT(bytes.size(), 120u * 1024);
}

TEST(PdfText, DecomposedInputIsSetAsNfc) {
  pdf::Document doc = a4();
  const pdf::LineBreaker breaker(doc.fonts());
  // "Nguyễn Thị Thuỷ" with combining marks, the circumflex and tilde in either order.
  const std::string decomposed = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Thuy\xCC\x89";
  const auto lines = breaker.breakText(decomposed, pdf::FontStyle::Regular, 12, 400);
  ASSERT_EQ(lines.size(), 1u);
  {
    pdf::Canvas canvas(doc.addPage(), doc.geometry().height);
    canvas.line(lines[0], doc.fonts(), 12, 40, 100, 400, pdf::Align::Justify);
  }
  EXPECT_EQ(PdfProbe(doc.bytes()).text(0), "Nguyễn Thị Thuỷ");
}

TEST(PdfText, StandardFontIsNotEmbedded) {
  pdf::Document doc = a4();
  {
    pdf::Canvas canvas(doc.addPage(), doc.geometry().height);
    canvas.text(40, 100, "Draft", doc.standardFont("Helvetica"), 10);
    canvas.text(40, 120, kName, doc.fonts()[pdf::FontStyle::Regular], 10);
  }
  PdfProbe probe(doc.bytes());
  int notEmbedded = 0;
  for (const auto& f : probe.fonts())
    if (!f.is_embedded()) {
      ++notEmbedded;
      EXPECT_EQ(f.name(), "Helvetica");
    }
  EXPECT_EQ(notEmbedded, 1);
  EXPECT_EQ(probe.text(0), "Draft " + kName);
  EXPECT_THROW(doc.standardFont("Arial"), std::invalid_argument);
}

TEST(PdfText, DocumentInfoAndOutlinesAreUnicode) {
  pdf::Document doc = a4();
  { pdf::Canvas canvas(doc.addPage(), doc.geometry().height); }
  doc.setInfo({"Chính quyền số", "Đặng Thị Thuỷ", "Hội thảo", "dữ liệu, an toàn", "ConfPress"});
  doc.addOutline("1. Đặt vấn đề", 0, 100);
  doc.addOutline("2. Kết luận", 0, 400);
  PdfProbe probe(doc.bytes());
  EXPECT_EQ(probe.info("Title"), "Chính quyền số");
  EXPECT_EQ(probe.info("Author"), "Đặng Thị Thuỷ");
  EXPECT_EQ(probe.info("Keywords"), "dữ liệu, an toàn");
  EXPECT_EQ(probe.qpdfProblems(), "");
  EXPECT_THROW(doc.addOutline("nowhere", 3, 0), std::out_of_range);
}

TEST(PdfText, MissingFontFileIsReportedByName) {
  pdf::FontFiles files = pdf::FontFiles::serif();
  files.bold = "/nonexistent/NoSuchFont-Bold.ttf";
  try {
    pdf::Document doc(pdf::PageGeometry::forPaper(pdf::PaperSize::A4), files);
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("NoSuchFont-Bold.ttf"), std::string::npos) << e.what();
  }
}
