// Programs, the small test volume and its PDFs.
#include "volume/VolumeTestSupport.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "pdf/PdfProbe.h"
#include "preflight/TestPdf.h"
#include "sample/InternalLinks.h"

namespace cptest {

namespace {

std::string xmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : std::string(1, c);
  return out;
}

// Appends "1 0 0 rg 3 0 0 3 0 0 cm" to every page: a stamp that inherits this would be red and tripled.
std::string leakState(const std::string& bytes) {
  QPDF pdf;
  pdf.processMemoryFile("paper.pdf", bytes.data(), bytes.size());
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages())
    page.addPageContents(QPDFObjectHandle::newStream(&pdf, "\n1 0 0 rg 3 0 0 3 0 0 cm\n"), false);
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// The title on the first page in two lines (split at a space near the middle) above the free band.
std::vector<TextRun> titleRuns(const std::string& title) {
  if (title.size() < 60) return {{72, kFreeBaseline, title, 10}};
  size_t middle = title.find(' ', title.size() / 2);
  if (middle == std::string::npos) middle = title.size();
  return {{72, kFreeBaseline, title.substr(0, middle), 10},
          {72, kFreeBaseline2, middle < title.size() ? title.substr(middle + 1) : "", 10}};
}

std::string paperPdf(const TestPaper& p) {
  std::vector<TestPage> pages;
  for (int i = 1; i <= p.pages; ++i)
    pages.push_back(textPage(i, i == 1 ? titleRuns(p.title) : std::vector<TextRun>{}));
  if (p.rotated) {
    pages[0].cropBox = PdfBox{20, 30, kA4Width - 10, kA4Height - 5};
    if (pages.size() > 1) pages[1].rotate = 90;
  }
  std::string bytes = makePdf(pages, {p.title, "", "", "", "", ""});
  if (p.links) bytes = confpress::sample::addInternalLinks(bytes);
  if (p.leaksState) bytes = leakState(bytes);
  return bytes;
}

std::string personXml(const char* tag, const TestAuthor& a) {
  std::string out = std::string("<") + tag;
  if (a.givenFirst) out += " name-order=\"given-first\"";
  if (!a.orcid.empty()) out += " orcid=\"" + a.orcid + "\"";
  out += "><family>" + xmlEscape(a.family) + "</family><given>" + xmlEscape(a.given) + "</given>";
  if (!a.affiliation.empty()) out += "<affiliation>" + xmlEscape(a.affiliation) + "</affiliation>";
  return out + "</" + tag + ">";
}

}  // namespace

ProgramRun runProgram(const std::string& program, const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env) {
  Poco::Pipe out, err;
  Poco::Process::Env environment(env.begin(), env.end());
  Poco::ProcessHandle process = Poco::Process::launch(program, args, nullptr, &out, &err, environment);
  Poco::PipeInputStream outStream(out), errStream(err);
  ProgramRun run;
  // Read standard error on another thread so neither pipe can fill up and block the program.
  std::thread errors([&] { Poco::StreamCopier::copyToString(errStream, run.err); });
  Poco::StreamCopier::copyToString(outStream, run.out);
  errors.join();
  run.exitCode = process.wait();
  return run;
}

std::string sharedDir() {
  const std::filesystem::path shared = std::filesystem::path(CONFPRESS_SOURCE_DIR).parent_path() / "shared";
  return std::filesystem::is_directory(shared / "data") ? shared.string() : std::string();
}

ProgramRun confpress(const std::vector<std::string>& args) {
  return runProgram(CONFPRESS_BINARY, args);
}

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

PdfText::PdfText(const std::string& pdf) {
  const ProgramRun run = runProgram("pdftotext", {pdf, "-"});
  if (run.exitCode != 0) throw std::runtime_error("pdftotext " + pdf + ": " + run.err);
  size_t start = 0;
  for (size_t feed = run.out.find('\f'); feed != std::string::npos; feed = run.out.find('\f', start)) {
    pages_.push_back(collapseSpaces(run.out.substr(start, feed - start)));
    start = feed + 1;
  }
}

const std::string& PdfText::page(int page) const {
  static const std::string kNone;
  return page >= 1 && page <= pages() ? pages_[static_cast<size_t>(page - 1)] : kNone;
}

std::string pageText(const std::string& pdf, int page) {
  const ProgramRun run =
      runProgram("pdftotext", {"-f", std::to_string(page), "-l", std::to_string(page), pdf, "-"});
  return collapseSpaces(run.out);
}

namespace {

TestPaper testPaper(std::string title, std::vector<TestAuthor> authors, int pages, bool links = false,
                    bool rotated = false, bool leaksState = false) {
  TestPaper p;
  p.title = std::move(title);
  p.authors = std::move(authors);
  p.pages = pages;
  p.links = links;
  p.rotated = rotated;
  p.leaksState = leaksState;
  return p;
}

TestAuthor author(std::string family, std::string given, std::string affiliation, std::string orcid = {},
                  bool givenFirst = false) {
  TestAuthor a;
  a.family = std::move(family);
  a.given = std::move(given);
  a.affiliation = std::move(affiliation);
  a.orcid = std::move(orcid);
  a.givenFirst = givenFirst;
  return a;
}

}  // namespace

std::vector<TestSection> defaultSections() {
  const TestAuthor dang = author("Đặng", "Văn An", "Trường Chính trị tỉnh Bình Dương", "0000-0002-1825-0097");
  const TestAuthor duong = author("Dương", "Thị Bình", "Đại học Thủ Dầu Một");
  const TestAuthor zhou = author("Zhou", "Li", "Universität Heidelberg", {}, true);
  const TestAuthor nguyen = author("Nguyễn", "Thị Hoa", "Sở Nội vụ tỉnh Bình Dương");
  return {
      {"Phần I: Lý luận",
       {testPaper("Chính quyền số: khái niệm và cấu trúc", {dang, duong}, 3, true),
        testPaper("Một khung đánh giá mức độ sẵn sàng chuyển đổi số của chính quyền cấp xã dựa trên năm nhóm "
                  "tiêu chí hạ tầng, dữ liệu, nhân lực, quy trình và sự hài lòng",
                  {zhou, dang}, 2, true)}},
      {"Phần II: Thực tiễn",
       {testPaper("Trang xoay và vùng cắt", {nguyen}, 4, false, true),
        testPaper("Trạng thái đồ họa bị bỏ ngỏ", {duong, nguyen}, 1, false, false, true),
        testPaper("Dịch vụ công trực tuyến ở Bình Dương", {nguyen, zhou}, 2)}},
  };
}

TestVolume::TestVolume() : TestVolume(defaultSections()) {}

TestVolume::TestVolume(std::vector<TestSection> sections, const std::string& extraMetadata)
    : sections_(std::move(sections)) {
  write(extraMetadata);
}

void TestVolume::write(const std::string& extraMetadata) {
  std::filesystem::create_directories(dir_.file("papers"));
  writeFile(dir_.file("preface.md"),
            "Kỷ yếu này tập hợp các bài viết *được chọn* của hội thảo.\n\n- một\n- hai\n\n**Ban Tổ chức**\n");
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<volume>\n  <metadata>\n"
      "    <title>Kỷ yếu thử nghiệm</title>\n    <subtitle>Hội thảo Đà Lạt</subtitle>\n"
      "    <short-title>Hội thảo thử 2024</short-title>\n    <language>vi</language>\n"
      "    <editors><editor><family>Đỗ</family><given>Minh Châu</given></editor></editors>\n"
      "    <publisher>Nhà xuất bản Thử nghiệm</publisher>\n    <city>Đà Lạt</city>\n    <year>2024</year>\n"
      "    <isbn>978-3-16-148410-0</isbn>\n    <doi-prefix>10.55555</doi-prefix>\n"
      "    <doi-suffix>test.2024</doi-suffix>\n    <url>https://example.org/kyyeu</url>\n" +
      extraMetadata +
      "    <conference><name>Hội thảo thử nghiệm</name><acronym>HTTN</acronym></conference>\n"
      "    <depositor name=\"Ban Tổ chức\" email=\"kyyeu@example.org\"/>\n  </metadata>\n"
      "  <front-matter>\n    <preface src=\"preface.md\"/>\n"
      "    <committee title=\"Ban Tổ chức\"><member role=\"Trưởng ban\"><family>Lê</family><given>Văn "
      "Tám</given>"
      "</member></committee>\n  </front-matter>\n";
  int number = 0;
  for (TestSection& s : sections_) {
    x += "  <section title=\"" + xmlEscape(s.title) + "\">\n";
    for (TestPaper& p : s.papers) {
      p.file = "papers/p" + std::to_string(++number) + ".pdf";
      writeFile(dir_.file(p.file), paperPdf(p));
      x += "    <paper pdf=\"" + p.file + "\">\n      <title>" + xmlEscape(p.title) + "</title>\n";
      for (const TestAuthor& a : p.authors) x += "      " + personXml("author", a) + "\n";
      x += "    </paper>\n";
    }
    x += "  </section>\n";
  }
  manifestText_ = x + "</volume>\n";
  writeFile(manifest(), manifestText_);
}

std::string TestVolume::writeManifest(const std::string& text) const {
  writeFile(manifest(), text);
  return manifest();
}

ProgramRun TestVolume::build(const std::vector<std::string>& extra) const {
  std::vector<std::string> args{"build-volume", "--manifest", manifest(), "--out", out()};
  args.insert(args.end(), extra.begin(), extra.end());
  return confpress(args);
}

}  // namespace cptest
