// inspectPdf() in this process, on PDFs generated with text at known positions: each check of the issue
// (pages, paper size, bottom margin in the displayed frame, fonts, text, encryption, anonymity) and the
// bad inputs (not a PDF, empty, truncated).
#include <gtest/gtest.h>

#include <algorithm>

#include "preflight/Inspector.h"
#include "preflight/TestPdf.h"

namespace {

using confpress::preflight::inspectPdf;
using confpress::preflight::Problem;
using confpress::preflight::Report;
using confpress::preflight::Rules;
using namespace cptest;

const Problem* find(const Report& report, const std::string& code, int page = -1) {
  const auto it = std::find_if(report.problems.begin(), report.problems.end(), [&](const Problem& p) {
    return p.code == code && (page < 0 || p.page == page);
  });
  return it == report.problems.end() ? nullptr : &*it;
}

std::string describe(const Report& report) {
  return report.toJson();
}

/// One A4 page with a run of body text and `word` with its baseline `mm` millimetres above the bottom edge.
TestPage pageWithWordAt(double mm, const std::string& word = "Footer") {
  return textPage(1, {{72, mm * kPointsPerMm, word, 10}});
}

}  // namespace

TEST(PreflightInspector, AWellFormedA4PaperIsOk) {
  const Report report = inspectPdf(makePdf(textPages(8)), Rules{});
  EXPECT_EQ(report.status, "ok") << describe(report);
  EXPECT_EQ(report.pages, 8);
  EXPECT_EQ(report.paperSize, "A4");
  EXPECT_TRUE(report.problems.empty()) << describe(report);
}

TEST(PreflightInspector, TextWhoseBaselineIsInTheBottom15MmIsReportedWithItsPage) {
  std::vector<TestPage> pages = textPages(3);
  pages[1] = pageWithWordAt(10, "Trang 2/3");
  const Report report = inspectPdf(makePdf(pages), Rules{});
  const Problem* margin = find(report, "bottom_margin");
  ASSERT_NE(margin, nullptr) << describe(report);
  EXPECT_EQ(margin->page, 2);
  EXPECT_EQ(margin->severity, "warning");
  EXPECT_NE(margin->message.find("page 2 has text in the bottom 15 mm"), std::string::npos)
      << margin->message;
  EXPECT_EQ(std::count_if(report.problems.begin(), report.problems.end(),
                          [](const Problem& p) { return p.code == "bottom_margin"; }),
            1);
}

TEST(PreflightInspector, TheMarginLineIsAt15MmFromTheBottomEdge) {
  // poppler's word boxes include the font's descent; a baseline just above the line is fine.
  EXPECT_EQ(find(inspectPdf(makePdf({pageWithWordAt(16)}), Rules{}), "bottom_margin"), nullptr);
  EXPECT_EQ(find(inspectPdf(makePdf({pageWithWordAt(20)}), Rules{}), "bottom_margin"), nullptr);
  EXPECT_NE(find(inspectPdf(makePdf({pageWithWordAt(14)}), Rules{}), "bottom_margin"), nullptr);
  EXPECT_NE(find(inspectPdf(makePdf({pageWithWordAt(3)}), Rules{}), "bottom_margin"), nullptr);
  Rules wider;
  wider.bottomMarginMm = 25;
  EXPECT_NE(find(inspectPdf(makePdf({pageWithWordAt(20)}), wider), "bottom_margin"), nullptr);
}

TEST(PreflightInspector, RotatedPagesAreCheckedAtTheBottomOfThePageAsDisplayed) {
  // With /Rotate 90 the MediaBox's bottom edge is shown on the left and its right edge at the bottom.
  TestPage bottomOfMediaBox = pageWithWordAt(10);
  bottomOfMediaBox.rotate = 90;
  EXPECT_EQ(find(inspectPdf(makePdf({bottomOfMediaBox}), Rules{}), "bottom_margin"), nullptr);
  TestPage rightEdge = textPage(1, {{kA4Width - 10 * kPointsPerMm, 400, "ab", 8}});
  rightEdge.rotate = 90;
  EXPECT_NE(find(inspectPdf(makePdf({rightEdge}), Rules{}), "bottom_margin"), nullptr);
  // Upside down: the MediaBox's bottom is at the top.
  TestPage upsideDown = pageWithWordAt(10);
  upsideDown.rotate = 180;
  EXPECT_EQ(find(inspectPdf(makePdf({upsideDown}), Rules{}), "bottom_margin"), nullptr);
  TestPage topOfUpsideDown = textPage(1, {{72, kA4Height - 8 * kPointsPerMm, "Header", 9}});
  topOfUpsideDown.rotate = 180;
  EXPECT_NE(find(inspectPdf(makePdf({topOfUpsideDown}), Rules{}), "bottom_margin"), nullptr);
}

TEST(PreflightInspector, TheCropBoxIsThePageForSizeAndMargin) {
  // Letter MediaBox cropped to A4's size, 20 pt up from the MediaBox's bottom.
  TestPage cropped;
  cropped.width = kLetterWidth;
  cropped.height = kA4Height + 40;
  cropped.cropBox = PdfBox{8, 20, 8 + kA4Width, 20 + kA4Height};
  cropped.runs = textPage(1).runs;
  cropped.runs.push_back({72, 12, "Below the crop box", 10});  // cut off: not on the page as shown
  Report report = inspectPdf(makePdf({cropped}), Rules{});
  EXPECT_EQ(report.paperSize, "A4") << describe(report);
  EXPECT_EQ(find(report, "bottom_margin"), nullptr) << describe(report);
  cropped.runs.push_back({72, 20 + 8 * kPointsPerMm, "In the cropped margin", 10});
  report = inspectPdf(makePdf({cropped}), Rules{});
  EXPECT_NE(find(report, "bottom_margin", 1), nullptr) << describe(report);
}

TEST(PreflightInspector, LetterPagesAreAnErrorWhenTheConferenceAsksForA4) {
  std::vector<TestPage> pages = textPages(2);
  for (TestPage& p : pages) p.width = kLetterWidth, p.height = kLetterHeight;
  Rules a4Only;
  a4Only.paperSizes = {"A4"};
  Report report = inspectPdf(makePdf(pages), a4Only);
  EXPECT_EQ(report.status, "error");
  EXPECT_EQ(report.paperSize, "Letter");
  const Problem* size = find(report, "paper_size");
  ASSERT_NE(size, nullptr) << describe(report);
  EXPECT_EQ(size->message, "every page is Letter; the conference asks for A4");
  // Letter is fine where allowed, A4 within the tolerance too, and so is a landscape A4 page.
  EXPECT_EQ(find(inspectPdf(makePdf(pages), Rules{}), "paper_size"), nullptr);
  TestPage nearlyA4 = textPage(1), landscape = textPage(2);
  nearlyA4.width += 6, nearlyA4.height -= 8;  // 2.1 mm and 2.8 mm off
  std::swap(landscape.width, landscape.height);
  report = inspectPdf(makePdf({nearlyA4, landscape}), a4Only);
  EXPECT_EQ(find(report, "paper_size"), nullptr) << describe(report);
}

TEST(PreflightInspector, OnePageOfAnotherSizeIsNamed) {
  std::vector<TestPage> pages = textPages(3);
  pages[2].width = 420, pages[2].height = 595;  // A5
  const Report report = inspectPdf(makePdf(pages), Rules{});
  const Problem* size = find(report, "paper_size");
  ASSERT_NE(size, nullptr) << describe(report);
  EXPECT_EQ(size->page, 3);
  EXPECT_EQ(size->message, "page 3 is 148×210 mm; the conference asks for A4 or Letter");
}

TEST(PreflightInspector, TooManyPagesIsAnErrorUnlessOnlyReferencesRunOver) {
  Rules rules;
  rules.maxPages = 10;
  std::vector<TestPage> pages = textPages(12);
  Report report = inspectPdf(makePdf(pages), rules);
  const Problem* tooMany = find(report, "too_many_pages");
  ASSERT_NE(tooMany, nullptr) << describe(report);
  EXPECT_EQ(tooMany->severity, "error");
  EXPECT_NE(tooMany->message.find("the paper has 12 pages; at most 10 are allowed"), std::string::npos);

  // References that start on page 10 may run on.
  pages[9].runs.push_back({72, kFreeBaseline, "TÀI LIỆU THAM KHẢO", 12});
  report = inspectPdf(makePdf(pages), rules);
  EXPECT_EQ(find(report, "too_many_pages"), nullptr) << describe(report);
  ASSERT_NE(find(report, "references_over_limit"), nullptr) << describe(report);
  EXPECT_EQ(report.status, "warning");

  // … but not when they start on page 11, or when the rules do not allow it.
  pages[9] = textPage(10);
  pages[10].runs.push_back({72, kFreeBaseline, "7. References", 12});
  report = inspectPdf(makePdf(pages), rules);
  ASSERT_NE(find(report, "too_many_pages"), nullptr) << describe(report);
  EXPECT_NE(find(report, "too_many_pages")->message.find("which start on page 11"), std::string::npos);
  rules.referencesMayExceed = false;
  pages[10] = textPage(11);
  pages[9].runs.push_back({72, kFreeBaseline, "References", 12});
  EXPECT_NE(find(inspectPdf(makePdf(pages), rules), "too_many_pages"), nullptr);
}

TEST(PreflightInspector, AWordReferencesInProseIsNotTheReferencesHeading) {
  Rules rules;
  rules.maxPages = 2;
  std::vector<TestPage> pages = textPages(3);
  pages[0].runs.push_back({72, kFreeBaseline, "Several references discuss this question at length.", 10});
  EXPECT_NE(find(inspectPdf(makePdf(pages), rules), "too_many_pages"), nullptr);
}

TEST(PreflightInspector, TooFewPages) {
  Rules rules;
  rules.minPages = 4;
  const Report report = inspectPdf(makePdf(textPages(2)), rules);
  ASSERT_NE(find(report, "too_few_pages"), nullptr) << describe(report);
  EXPECT_EQ(find(report, "too_few_pages")->message, "the paper has 2 pages; at least 4 are required");
}

TEST(PreflightInspector, AFontThatIsNotEmbeddedIsNamedWithItsFirstPage) {
  std::vector<TestPage> pages = textPages(3);
  pages[1].runs.push_back({72, kFreeBaseline2, "Figure 1: set in Helvetica", 9, true});
  const Report report = inspectPdf(makePdf(pages), Rules{});
  const Problem* fonts = find(report, "fonts_not_embedded");
  ASSERT_NE(fonts, nullptr) << describe(report);
  EXPECT_EQ(fonts->page, 2);
  EXPECT_NE(fonts->message.find("Helvetica (from page 2)"), std::string::npos) << fonts->message;
  EXPECT_EQ(fonts->severity, "warning");
}

TEST(PreflightInspector, PagesWithoutTextAreReported) {
  std::vector<TestPage> pages(3);  // blank A4 pages
  pages[0] = textPage(1);
  const Report report = inspectPdf(makePdf(pages), Rules{});
  const Problem* noText = find(report, "no_text");
  ASSERT_NE(noText, nullptr) << describe(report);
  EXPECT_NE(noText->message.find("pages 2, 3"), std::string::npos) << noText->message;
}

TEST(PreflightInspector, DoubleBlindFindsAnAuthorNameWithoutDiacriticsInAnyCaseAndOrder) {
  Rules rules;
  rules.doubleBlind = true;
  rules.authors = {{"Nguyễn", "Văn Hùng", "hung.nv@tdmu.edu.vn", "Trường Đại học Thủ Dầu Một"}};
  std::vector<TestPage> pages = textPages(4);
  pages[1].runs.push_back(
      {72, kFreeBaseline, "Acknowledgements: thanks to nguyen van hung for the data.", 10});
  Report report = inspectPdf(makePdf(pages), rules);
  const Problem* name = find(report, "anonymity");
  ASSERT_NE(name, nullptr) << describe(report);
  EXPECT_EQ(name->page, 2);
  EXPECT_EQ(name->severity, "error");
  EXPECT_NE(name->message.find("page 2 names the author name Nguyễn Văn Hùng"), std::string::npos)
      << name->message;

  pages[1] = textPage(2, {{72, kFreeBaseline, "VĂN HÙNG NGUYỄN, 2023", 10}});  // given name first, capitals
  EXPECT_NE(find(inspectPdf(makePdf(pages), rules), "anonymity", 2), nullptr);
  pages[1] = textPage(2, {{72, kFreeBaseline, "Nguyễn Văn Hưởng và Trần Hùng", 10}});  // other people
  EXPECT_EQ(find(inspectPdf(makePdf(pages), rules), "anonymity"), nullptr);
}

TEST(PreflightInspector, DoubleBlindFindsEmailsAndAffiliationsInTextAndMetadata) {
  Rules rules;
  rules.doubleBlind = true;
  rules.authors = {{"Nguyễn", "Văn Hùng", "hung.nv@tdmu.edu.vn", "Trường Đại học Thủ Dầu Một"}};
  TestPdfOptions metadata;
  metadata.author = "Hung.NV@tdmu.edu.vn";
  Report report = inspectPdf(makePdf(textPages(2), metadata), rules);
  const Problem* email = find(report, "anonymity", 0);
  ASSERT_NE(email, nullptr) << describe(report);
  EXPECT_NE(email->message.find("metadata"), std::string::npos);
  EXPECT_NE(email->message.find("hung.nv@tdmu.edu.vn"), std::string::npos) << email->message;

  std::vector<TestPage> pages = textPages(3);
  pages[2].runs.push_back({72, kFreeBaseline, "Truong Dai hoc Thu Dau Mot, Binh Duong", 10});
  EXPECT_NE(find(inspectPdf(makePdf(pages), rules), "anonymity", 3), nullptr);
  // A longer address that merely ends like the author's is someone else's.
  pages[2] = textPage(3, {{72, kFreeBaseline, "Contact: thanh.hung.nv@tdmu.edu.vn", 10}});
  EXPECT_EQ(find(inspectPdf(makePdf(pages), rules), "anonymity"), nullptr) << describe(report);
  // Single-blind conferences are not checked.
  rules.doubleBlind = false;
  EXPECT_EQ(find(inspectPdf(makePdf(textPages(2), metadata), rules), "anonymity"), nullptr);
}

TEST(PreflightInspector, AFileThatIsNotAPdfIsAnError) {
  const Report report = inspectPdf("PK\x03\x04 this is a zip archive, not a paper", Rules{});
  EXPECT_EQ(report.status, "error");
  ASSERT_NE(find(report, "not_pdf"), nullptr) << describe(report);
  EXPECT_EQ(report.problems.size(), 1u);
}

TEST(PreflightInspector, AnEmptyFileIsAnError) {
  const Report report = inspectPdf("", Rules{});
  EXPECT_EQ(report.status, "error");
  ASSERT_NE(find(report, "empty"), nullptr) << describe(report);
}

TEST(PreflightInspector, ATruncatedFileIsAnError) {
  const std::string pdf = makePdf(textPages(6));
  for (const double part : {0.25, 0.5, 0.9, 0.995}) {
    const Report report = inspectPdf(pdf.substr(0, static_cast<size_t>(pdf.size() * part)), Rules{});
    EXPECT_EQ(report.status, "error") << part << ": " << describe(report);
    EXPECT_TRUE(find(report, "damaged") || find(report, "repaired")) << part << ": " << describe(report);
  }
}

TEST(PreflightInspector, GarbageAfterAPdfHeaderIsAnError) {
  std::string garbage = "%PDF-1.7\n";
  for (int i = 0; i < 5000; ++i) garbage += static_cast<char>((i * 7919) % 251);
  const Report report = inspectPdf(garbage, Rules{});
  EXPECT_EQ(report.status, "error") << describe(report);
  EXPECT_NE(find(report, "damaged"), nullptr) << describe(report);
}

TEST(PreflightInspector, AUserPasswordIsAnErrorAndAnOwnerPasswordAWarning) {
  TestPdfOptions locked;
  locked.userPassword = "secret";
  Report report = inspectPdf(makePdf(textPages(2), locked), Rules{});
  EXPECT_EQ(report.status, "error");
  ASSERT_NE(find(report, "encrypted"), nullptr) << describe(report);
  EXPECT_NE(find(report, "encrypted")->message.find("password"), std::string::npos);

  TestPdfOptions restricted;
  restricted.ownerPassword = "chair";
  report = inspectPdf(makePdf(textPages(2), restricted), Rules{});
  EXPECT_EQ(report.status, "warning") << describe(report);
  ASSERT_NE(find(report, "restricted"), nullptr) << describe(report);
  EXPECT_EQ(report.pages, 2);
}

TEST(PreflightInspector, SeveritiesFollowTheRules) {
  std::vector<TestPage> pages = textPages(2);
  pages[0] = pageWithWordAt(8);
  Rules rules;
  rules.severity["bottom_margin"] = "error";
  EXPECT_EQ(inspectPdf(makePdf(pages), rules).status, "error");
  rules.severity["bottom_margin"] = "off";
  const Report report = inspectPdf(makePdf(pages), rules);
  EXPECT_EQ(report.status, "ok") << describe(report);
}

TEST(PreflightReport, MessagesWithBytesThatAreNotUtf8StillGiveValidJson) {
  Report report;
  report.add({"fonts_not_embedded", "warning", 1, "fonts not embedded: \xba\xda\xcc\xe5 (from page 1)"});
  const Report back = Report::fromJson(report.toJson());
  ASSERT_EQ(back.problems.size(), 1u);
  EXPECT_NE(back.problems[0].message.find("fonts not embedded: "), std::string::npos);
  EXPECT_EQ(back.status, "warning");
}

TEST(PreflightRules, RoundTripThroughJson) {
  Rules rules;
  rules.maxPages = 12;
  rules.paperSizes = {"A4"};
  rules.doubleBlind = true;
  rules.authors = {{"Lê", "Thị Na", "na@example.org", "Bộ Nội vụ"}};
  rules.severity["no_text"] = "error";
  const Rules back = Rules::fromJson(rules.toJson());
  EXPECT_EQ(back.toJson(), rules.toJson());
  EXPECT_EQ(back.severityOf("no_text"), "error");
  EXPECT_EQ(back.severityOf("repaired"), "error");
}
