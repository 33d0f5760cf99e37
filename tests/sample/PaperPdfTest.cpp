// The sample papers: papers.json is consistent with workshop.json, and every generated PDF has exactly
// its target pages, its title and authors as extractable NFC text on page 1, embedded fonts, the right
// paper size, a free bottom margin, justified lines, and passes qpdf and ConfPress's preflight with
// exactly the warnings its defects ask for.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "pdf/PdfProbe.h"
#include "preflight/Inspector.h"
#include "sample/PaperPdf.h"
#include "text/Unicode.h"

using namespace confpress;
using cptest::PdfProbe;
using sample::PaperDefect;

namespace {

constexpr double kBottomMarginPt = 15 * 72.0 / 25.4;
const std::string kSamples = CONFPRESS_SOURCE_DIR "/samples/binhduong";

const std::vector<sample::SamplePaper>& samplePapers() {
  static const std::vector<sample::SamplePaper> papers = sample::readSamplePapers(kSamples + "/papers.json");
  return papers;
}

Poco::JSON::Object::Ptr workshop() {
  std::ifstream in(kSamples + "/workshop.json", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return Poco::JSON::Parser().parse(bytes.str()).extract<Poco::JSON::Object::Ptr>();
}

std::set<std::string> problemCodes(const preflight::Report& report) {
  std::set<std::string> codes;
  for (const auto& p : report.problems) codes.insert(p.code);
  return codes;
}

// Lines of one page: words grouped by their baseline (bottom edge), left to right.
std::map<long, std::vector<cptest::Word>> linesOf(const std::vector<cptest::Word>& words) {
  std::map<long, std::vector<cptest::Word>> lines;
  for (const auto& w : words) lines[std::lround(w.bottom)].push_back(w);
  return lines;
}

// What every generated paper must satisfy, whatever its options.
void checkPaper(const std::string& bytes, const sample::PaperContent& paper,
                const sample::PaperPdfOptions& options, const std::string& label) {
  SCOPED_TRACE(label);
  PdfProbe probe(bytes);
  ASSERT_EQ(probe.pages(), options.targetPages);
  EXPECT_EQ(probe.qpdfProblems(), "");

  const std::string first = probe.text(0);
  EXPECT_NE(first.find(paper.title), std::string::npos) << first.substr(0, 400);
  for (const auto& author : paper.authors) {
    const bool found = first.find(author.name) != std::string::npos;
    EXPECT_EQ(found, !options.anonymous) << author.name;
    EXPECT_EQ(first.find(author.email) != std::string::npos, !options.anonymous) << author.email;
  }

  const bool letter =
      options.defects.count(PaperDefect::LetterPaper) || options.paperSize == pdf::PaperSize::Letter;
  const bool footer = options.defects.count(PaperDefect::FooterInBottomMargin) > 0;
  for (int p = 0; p < probe.pages(); ++p) {
    const auto rect = probe.pageRect(p);
    EXPECT_NEAR(rect.width(), letter ? 612 : 595, 0.5);
    EXPECT_NEAR(rect.height(), letter ? 792 : 842, 0.5);
    int inMargin = 0;
    for (const auto& w : probe.words(p)) inMargin += w.bottom > rect.height() - kBottomMarginPt ? 1 : 0;
    if (footer)
      EXPECT_GT(inMargin, 0) << "page " << p + 1;
    else
      EXPECT_EQ(inMargin, 0) << "page " << p + 1;
  }

  int notEmbedded = 0;
  for (const auto& f : probe.fonts()) {
    if (!f.is_embedded()) {
      ++notEmbedded;
      EXPECT_EQ(f.name(), "Helvetica");
    } else {
      EXPECT_TRUE(f.is_subset()) << f.name();
    }
  }
  EXPECT_EQ(notEmbedded, options.defects.count(PaperDefect::NonEmbeddedFont) ? 1 : 0);
}

}  // namespace

TEST(SamplePapers, FileHoldsFortyFiveConsistentPapers) {
  const auto& papers = samplePapers();
  ASSERT_EQ(papers.size(), 45u);
  const Poco::JSON::Object::Ptr ws = workshop();
  std::map<std::string, Poco::JSON::Object::Ptr> people;
  auto array = ws->getArray("people");
  for (unsigned i = 0; i < array->size(); ++i)
    people[array->getObject(i)->getValue<std::string>("email")] = array->getObject(i);
  std::set<std::string> topics;
  auto topicArray = ws->getObject("conference")->getArray("topics");
  for (unsigned i = 0; i < topicArray->size(); ++i)
    topics.insert(topicArray->getObject(i)->getValue<std::string>("name"));

  int withdrawn = 0, withDefects = 0, withFigures = 0;
  std::set<std::string> firstAuthors;
  for (const auto& p : papers) {
    SCOPED_TRACE("paper " + std::to_string(p.number));
    EXPECT_EQ(p.number, static_cast<int>(&p - papers.data()) + 1);
    EXPECT_EQ(text::toNfc(p.content.title), p.content.title);
    EXPECT_GE(p.targetPages, 6);
    EXPECT_LE(p.targetPages, 14);
    EXPECT_GE(p.authors.size(), 1u);
    EXPECT_LE(p.authors.size(), 4u);
    EXPECT_FALSE(p.content.abstract.empty());
    EXPECT_GE(p.content.keywords.size(), 3u);
    EXPECT_GE(p.content.references.size(), 3u);
    EXPECT_FALSE(p.topics.empty());
    for (const auto& t : p.topics) EXPECT_TRUE(topics.count(t)) << t;
    for (const auto& a : p.authors) {
      ASSERT_TRUE(people.count(a.email)) << a.email;
      EXPECT_EQ(a.familyName, people[a.email]->getValue<std::string>("family_name"));
      EXPECT_EQ(a.givenName, people[a.email]->getValue<std::string>("given_name"));
      EXPECT_EQ(a.affiliation, people[a.email]->getValue<std::string>("affiliation"));
      EXPECT_EQ(a.country, people[a.email]->optValue<std::string>("country", "VN"));
    }
    firstAuthors.insert(p.authors.front().email);
    if (p.withdrawn) {
      ++withdrawn;
      EXPECT_FALSE(p.withdrawalReason.empty());
    }
    withDefects += p.defects.empty() ? 0 : 1;
    withFigures += p.content.figures.empty() ? 0 : 1;
  }
  EXPECT_EQ(withdrawn, 2);
  EXPECT_EQ(withDefects, 5);
  EXPECT_GE(withFigures, 20);
  EXPECT_EQ(firstAuthors.size(), 45u);  // every sample author leads one paper
  EXPECT_GE(papers.front().pool->size(), 75u);
  // The foreign co-authors keep their own name order.
  EXPECT_EQ(papers[43].authors.front().displayName(), "Ji-won Kim");
  EXPECT_EQ(papers[1].authors.front().displayName(), "Trần Thị Thu Hà");
}

TEST(SamplePapers, EveryPaperRendersToItsTargetAndPassesPreflight) {
  const auto& papers = samplePapers();
  double totalMs = 0, slowestMs = 0, cpuMs = 0;
  size_t totalBytes = 0;
  int totalPages = 0;
  const char* keep = std::getenv("CONFPRESS_KEEP_PAPERS");  // a directory, to look at the PDFs
  for (const auto& paper : papers) {
    const auto options = paper.options();
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    const std::string bytes = sample::renderPaperPdf(paper.content, options);
    cpuMs += 1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    totalMs += ms;
    slowestMs = std::max(slowestMs, ms);
    totalBytes += bytes.size();
    totalPages += options.targetPages;
    if (keep) std::ofstream(std::string(keep) + "/paper-" + std::to_string(paper.number) + ".pdf") << bytes;
    checkPaper(bytes, paper.content, options, "paper " + std::to_string(paper.number));

    preflight::Rules rules;
    rules.paperSizes = {"A4"};
    const auto codes = problemCodes(preflight::inspectPdf(bytes, rules));
    EXPECT_EQ(codes.count("bottom_margin"), paper.defects.count(PaperDefect::FooterInBottomMargin))
        << paper.number;
    EXPECT_EQ(codes.count("fonts_not_embedded"), paper.defects.count(PaperDefect::NonEmbeddedFont))
        << paper.number;
    EXPECT_EQ(codes.count("paper_size"), paper.defects.count(PaperDefect::LetterPaper)) << paper.number;
    EXPECT_EQ(codes.size(), paper.defects.size()) << paper.number;
  }
  // Wall time depends on what else the machine runs; CPU time is this process's own work.
  std::printf(
      "[ timing   ] %zu sample papers, %d pages, %.1f MB: %.0f ms wall (%.1f ms a paper, slowest %.1f ms), "
      "%.0f ms CPU\n",
      papers.size(), totalPages, static_cast<double>(totalBytes) / 1e6, totalMs,
      totalMs / static_cast<double>(papers.size()), slowestMs, cpuMs);
  // No time limit here: speed is measured by bench/, and a loaded CI machine must not fail this test.
}

TEST(PaperPdf, LinesAreJustifiedToBothMargins) {
  const auto& paper = samplePapers()[0];
  PdfProbe probe(sample::renderPaperPdf(paper.content, paper.options()));
  const double left = pdf::mm(25), right = 595 - pdf::mm(20);
  int flush = 0, ragged = 0;
  for (int p = 1; p < probe.pages() - 1; ++p) {  // body pages, without the references at the end
    for (const auto& [baseline, words] : linesOf(probe.words(p))) {
      if (words.size() < 6) continue;  // headings, last lines of paragraphs
      const double lineLeft = words.front().left, lineRight = words.back().right;
      EXPECT_GE(lineLeft, left - 0.5);
      EXPECT_LE(lineRight, right + 0.5);
      (std::abs(lineRight - right) < 0.75 ? flush : ragged)++;
    }
  }
  EXPECT_GT(flush, 100);
  // Only the last lines of paragraphs may end short; there are far fewer of them.
  EXPECT_LT(ragged, flush / 3);
}

TEST(PaperPdf, AnonymousPaperHidesItsAuthorsFromPreflight) {
  const auto& paper = samplePapers()[3];
  auto options = paper.options();
  preflight::Rules rules;
  rules.doubleBlind = true;
  for (const auto& a : paper.authors)
    rules.authors.push_back({a.familyName, a.givenName, a.email, a.affiliation});

  const std::string named = sample::renderPaperPdf(paper.content, options);
  EXPECT_TRUE(problemCodes(preflight::inspectPdf(named, rules)).count("anonymity"));

  options.anonymous = true;
  const std::string anonymous = sample::renderPaperPdf(paper.content, options);
  checkPaper(anonymous, paper.content, options, "anonymous");
  EXPECT_EQ(problemCodes(preflight::inspectPdf(anonymous, rules)).count("anonymity"), 0u);
  EXPECT_EQ(PdfProbe(anonymous).info("Author"), "");
}

TEST(PaperPdf, SameSeedGivesTheSameTextAndPageTargetsAreMetExactly) {
  const auto& paper = samplePapers()[10];
  auto options = paper.options();
  const PdfProbe once(sample::renderPaperPdf(paper.content, options));
  const PdfProbe again(sample::renderPaperPdf(paper.content, options));
  ASSERT_EQ(once.pages(), again.pages());
  for (int p = 0; p < once.pages(); ++p) EXPECT_EQ(once.text(p), again.text(p)) << "page " << p + 1;
  options.seed += 1;  // another seed picks other paragraphs
  EXPECT_NE(PdfProbe(sample::renderPaperPdf(paper.content, options)).text(1), once.text(1));
  for (int pages : {6, 9, 14}) {
    options.targetPages = pages;
    options.paperSize = pages == 9 ? pdf::PaperSize::Letter : pdf::PaperSize::A4;
    checkPaper(sample::renderPaperPdf(paper.content, options), paper.content, options,
               std::to_string(pages) + " pages");
  }
}

TEST(PaperPdf, UnreachableTargetsAreRefused) {
  const auto& paper = samplePapers()[0];
  auto options = paper.options();
  options.targetPages = 1;  // the paper's own text needs more than a page
  EXPECT_THROW(sample::renderPaperPdf(paper.content, options), std::invalid_argument);
  options.targetPages = 41;
  EXPECT_THROW(sample::renderPaperPdf(paper.content, options), std::invalid_argument);
  options = paper.options();
  options.pool.reset();  // nothing to fill with
  EXPECT_THROW(sample::renderPaperPdf(paper.content, options), std::invalid_argument);
}

TEST(PaperPdf, DefectsHaveNamesAndBadFilesAreReportedWithTheirPath) {
  for (PaperDefect d :
       {PaperDefect::FooterInBottomMargin, PaperDefect::NonEmbeddedFont, PaperDefect::LetterPaper})
    EXPECT_EQ(sample::parseDefect(sample::defectName(d)), d);
  EXPECT_THROW(sample::parseDefect("coffee_stain"), std::invalid_argument);
  try {
    sample::readSamplePapers("/nonexistent/papers.json");
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/papers.json"), std::string::npos);
  }
}

TEST(PaperPdf, RendersContentBuiltInCode) {
  sample::PaperContent paper;
  paper.title = "Chuyển đổi số ở cấp xã: một nghiên cứu trường hợp";
  paper.authors = {{"Đặng Thị Thuỷ", "Trường Đại học Thủ Dầu Một", "thuydt@tdmu.example"},
                   {"Katrin Schmidt", "Deutsche Universität für Verwaltungswissenschaften Speyer", ""}};
  paper.abstract = "Bài viết phân tích một trường hợp chuyển đổi số ở cấp xã.";
  paper.keywords = {"chuyển đổi số", "cấp xã"};
  paper.sections = {{"Đặt vấn đề", {"Đoạn mở đầu của bài viết, ượ, ỗ."}, ""},
                    {"Thực trạng", {}, "body"},
                    {"Kết luận", {"Đoạn kết luận."}, ""}};
  sample::PaperFigure figure;
  figure.kind = sample::PaperFigure::Kind::Flow;
  figure.caption = "Quy trình";
  figure.labels = {"Tiếp nhận", "Xử lý", "Trả kết quả"};
  figure.afterSection = 1;
  paper.figures = {figure};
  paper.references = {"Quốc hội (2015), Luật An toàn thông tin mạng số 86/2015/QH13."};
  sample::PaperPdfOptions options;
  options.targetPages = 3;
  auto pool = std::make_shared<std::vector<sample::PoolParagraph>>();
  for (int i = 0; i < 12; ++i)
    pool->push_back({"body", "",
                     "Đoạn văn số " + std::to_string(i) +
                         " nói về dữ liệu, hạ tầng số và dịch vụ công trực tuyến ở địa phương, với đủ chữ để "
                         "chiếm vài dòng trên trang giấy khổ A4 khi được căn đều hai bên lề."});
  options.pool = pool;
  const std::string bytes = sample::renderPaperPdf(paper, options);
  checkPaper(bytes, paper, options, "built in code");
  PdfProbe probe(bytes);
  std::string all;
  for (int p = 0; p < probe.pages(); ++p) all += probe.text(p) + " ";
  for (const char* expected : {"1. Đặt vấn đề", "2. Thực trạng", "3. Kết luận", "Hình 1. Quy trình",
                               "Tài liệu tham khảo", "[1] Quốc hội (2015)", "Đoạn văn số 0"})
    EXPECT_NE(all.find(expected), std::string::npos) << expected;
  EXPECT_EQ(probe.info("Author"), "Đặng Thị Thuỷ, Katrin Schmidt");
  EXPECT_EQ(probe.info("Title"), paper.title);
}
