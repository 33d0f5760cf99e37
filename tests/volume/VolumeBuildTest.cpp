// confpress build-volume end to end on a small generated volume, checked with tools that are not ours:
// qpdf --check, pdffonts, pdftotext (contents numbers, titles, consecutive folios), qpdf's JSON (outlines,
// page labels), libqpdf (the papers' internal links resolve inside their paper), poppler (stamps upright,
// unscaled, clear of text), xmllint (Crossref schema), Python's bibtexparser; pdftoppm renders pages
// into volume-artifacts/ for a person to look at.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNameTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <filesystem>
#include <regex>

#include "pdf/PdfProbe.h"
#include "volume/VolumeTestSupport.h"

using namespace cptest;
namespace fs = std::filesystem;

namespace {

struct TocRow {
  std::string title;
  int first = 0, last = 0;
  std::string file;
};

// toc.csv, read with a plain CSV split that honours quotes.
std::vector<TocRow> readToc(const std::string& path) {
  std::vector<TocRow> rows;
  std::istringstream in(readText(path));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.emplace_back();
      } else {
        fields.back() += c;
      }
    }
    rows.push_back({fields.at(2), std::stoi(fields.at(4)), std::stoi(fields.at(5)), fields.at(7)});
  }
  return rows;
}

Poco::JSON::Object::Ptr qpdfJson(const std::string& pdf, const std::string& key) {
  const ProgramRun run = runProgram("qpdf", {"--json=2", "--json-key=" + key, pdf});
  EXPECT_EQ(run.exitCode, 0) << run.err;
  return Poco::JSON::Parser().parse(run.out).extract<Poco::JSON::Object::Ptr>();
}

int countOutlines(const Poco::JSON::Array::Ptr& items) {
  int n = 0;
  for (size_t i = 0; items && i < items->size(); ++i)
    n += 1 + countOutlines(items->getObject(i)->getArray("kids"));
  return n;
}

// The number of pages before arabic page 1, from the page labels.
int romanPages(const std::string& pdf) {
  auto labels = qpdfJson(pdf, "pagelabels")->getArray("pagelabels");
  for (size_t i = 0; i < labels->size(); ++i) {
    auto label = labels->getObject(i);
    if (label->getObject("label")->getValue<std::string>("/S") == "/D") return label->getValue<int>("index");
  }
  return -1;
}

struct Built {
  TestVolume volume;
  ProgramRun run;
  std::string pdf;
  std::vector<TocRow> toc;
  int roman = 0;

  Built() : run(volume.build()), pdf(volume.out() + "/volume.pdf") {
    if (run.exitCode == 0) {
      toc = readToc(volume.out() + "/toc.csv");
      roman = romanPages(pdf);
    }
  }
};

void render(const std::string& pdf, int page, const std::string& name) {
  fs::create_directories("volume-artifacts");
  const ProgramRun run =
      runProgram("pdftoppm", {"-r", "70", "-png", "-singlefile", "-f", std::to_string(page), "-l",
                              std::to_string(page), pdf, "volume-artifacts/" + name});
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_TRUE(fs::exists("volume-artifacts/" + name + ".png"));
}

}  // namespace

TEST(VolumeBuild, PassesQpdfCheckFontsContentsFoliosOutlinesAndLabels) {
  Built b;
  ASSERT_EQ(b.run.exitCode, 0) << b.run.err;
  EXPECT_NE(b.run.out.find("papers 5"), std::string::npos) << b.run.out;
  for (const char* name : {"volume.pdf", "volume.bib", "crossref.xml", "toc.csv"})
    EXPECT_TRUE(fs::exists(b.volume.out() + "/" + name)) << name;

  const ProgramRun check = runProgram("qpdf", {"--check", b.pdf});
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;

  const ProgramRun fonts = runProgram("pdffonts", {b.pdf});
  std::istringstream lines(fonts.out);
  std::string line;
  int fontCount = 0;
  for (int n = 0; std::getline(lines, line); ++n) {
    if (n < 2 || line.empty()) continue;
    std::vector<std::string> words;
    std::istringstream split(line);
    for (std::string w; split >> w;) words.push_back(w);
    ASSERT_GE(words.size(), 6u) << line;
    EXPECT_EQ(words[words.size() - 5], "yes") << "not embedded: " << line;
    EXPECT_EQ(words[words.size() - 4], "yes") << "not a subset: " << line;
    ++fontCount;
  }
  EXPECT_GT(fontCount, 0);

  // Contents: every paper's number in the contents is the page that prints its title.
  const PdfText text(b.pdf);
  ASSERT_EQ(b.toc.size(), 5u);
  ASSERT_GT(b.roman, 0);
  std::string contents;
  for (int p = 1; p <= b.roman; ++p) {
    const std::string& pageOfContents = text.page(p);
    if (pageOfContents.find("Mục lục") != std::string::npos || !contents.empty())
      contents += " " + pageOfContents;
  }
  for (const TocRow& row : b.toc) {
    SCOPED_TRACE(row.title);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        contents, m,
        std::regex(std::regex_replace(row.title, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                   R"([^0-9]{0,300}?(\d+))")))
        << contents;
    EXPECT_EQ(std::stoi(m[1].str()), row.first);
    EXPECT_NE(text.page(b.roman + row.first).find(row.title), std::string::npos);
    for (int n = row.first; n <= row.last; ++n) {
      const std::string& page = text.page(b.roman + n);
      EXPECT_TRUE(page.ends_with(" " + std::to_string(n))) << "page " << n << ": " << page;
    }
    const std::string& firstPage = text.page(b.roman + row.first);
    EXPECT_NE(firstPage.find("Kỷ yếu Hội thảo thử 2024, tr. " + std::to_string(row.first) + "–" +
                             std::to_string(row.last)),
              std::string::npos)
        << firstPage;
  }
  // The author index: Vietnamese order (Dương before Đặng, Đặng before Nguyễn), numbers from the contents.
  const int pages = static_cast<int>(qpdfJson(b.pdf, "pages")->getArray("pages")->size());
  const std::string& index = text.page(pages);
  EXPECT_NE(index.find("Chỉ mục tác giả"), std::string::npos) << index;
  const size_t duong = index.find("Dương, Thị Bình"), dang = index.find("Đặng, Văn An"),
               nguyen = index.find("Nguyễn, Thị Hoa"), zhou = index.find("Zhou, Li");
  ASSERT_NE(zhou, std::string::npos) << index;
  EXPECT_LT(duong, dang);
  EXPECT_LT(dang, nguyen);
  EXPECT_LT(nguyen, zhou);

  EXPECT_EQ(countOutlines(qpdfJson(b.pdf, "outlines")->getArray("outlines")), 2 + 5 + 1);
  auto labels = qpdfJson(b.pdf, "pagelabels")->getArray("pagelabels");
  ASSERT_EQ(labels->size(), 2u);
  EXPECT_EQ(labels->getObject(0)->getValue<int>("index"), 0);
  EXPECT_EQ(labels->getObject(0)->getObject("label")->getValue<std::string>("/S"), "/r");
  EXPECT_EQ(labels->getObject(1)->getObject("label")->getValue<std::string>("/S"), "/D");
  EXPECT_EQ(b.roman % 2, 0) << "arabic page 1 must be a right-hand page";

  const int contentsPage = [&] {
    for (int p = 1; p <= b.roman; ++p)
      if (text.page(p).find("Mục lục") != std::string::npos) return p;
    return 1;
  }();
  render(b.pdf, 1, "title-page");
  render(b.pdf, contentsPage, "contents-page");
  render(b.pdf, b.roman + b.toc[0].first + 1, "stamped-page");
  render(b.pdf, b.roman + b.toc[2].first + 1, "stamped-rotated-page");
  render(b.pdf, pages, "index-page");
  std::cout << "page images: " << fs::absolute("volume-artifacts").string() << '\n';
}

TEST(VolumeBuild, InternalLinksOfEachPaperResolveInsideIt) {
  Built b;
  ASSERT_EQ(b.run.exitCode, 0) << b.run.err;
  QPDF pdf;
  pdf.processFile(b.pdf.c_str());
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  std::map<QPDFObjGen, int> indexOf;
  for (size_t i = 0; i < pages.size(); ++i)
    indexOf[pages[i].getObjectHandle().getObjGen()] = static_cast<int>(i);
  QPDFNameTreeObjectHelper names(pdf.getRoot().getKey("/Names").getKey("/Dests"), pdf);
  const auto resolve = [&](QPDFObjectHandle dest) {
    if (dest.isString()) {
      QPDFObjectHandle found;
      if (!names.findObject(dest.getUTF8Value(), found)) return -1;
      dest = found;
    }
    if (dest.isDictionary()) dest = dest.getKey("/D");
    if (!dest.isArray() || !dest.getArrayItem(0).isIndirect()) return -2;
    return indexOf.count(dest.getArrayItem(0).getObjGen()) ? indexOf[dest.getArrayItem(0).getObjGen()] : -3;
  };
  for (size_t k : {0u, 1u}) {  // the two papers with links, both naming page.1, page.2, sec.refs
    const TocRow& row = b.toc[k];
    SCOPED_TRACE(row.title);
    const int first = b.roman + row.first - 1, last = b.roman + row.last - 1;
    int links = 0;
    for (int p = first; p <= last; ++p) {
      for (QPDFObjectHandle annot :
           pages[static_cast<size_t>(p)].getObjectHandle().getKey("/Annots").aitems()) {
        if (!annot.getKey("/Subtype").isNameAndEquals("/Link")) continue;
        QPDFObjectHandle dest = annot.getKey("/Dest");
        if (annot.getKey("/A").isDictionary()) dest = annot.getKey("/A").getKey("/D");
        const int target = resolve(dest);
        EXPECT_GE(target, first) << "link on page " << p << " leaves its paper: " << dest.unparse();
        EXPECT_LE(target, last) << "link on page " << p << " leaves its paper: " << dest.unparse();
        ++links;
      }
    }
    EXPECT_EQ(links, 4);  // three on the first page (by name, by GoTo name, by page), one back on the last
    // page.2 of this paper is its second page.
    QPDFObjectHandle page2;
    char name[32];
    std::snprintf(name, sizeof name, "p%03zu:page.2", k + 1);
    ASSERT_TRUE(names.findObject(name, page2)) << name;
    EXPECT_EQ(resolve(page2), first + 1);
  }
  // The contents' entries are links to the papers' first pages.
  int tocLinks = 0;
  for (int p = 0; p < b.roman; ++p) {
    QPDFObjectHandle annots = pages[static_cast<size_t>(p)].getObjectHandle().getKey("/Annots");
    if (!annots.isArray()) continue;
    for (QPDFObjectHandle annot : annots.aitems())
      if (resolve(annot.getKey("/Dest")) == b.roman + b.toc[1].first - 1) ++tocLinks;
  }
  EXPECT_GE(tocLinks, 2);  // a wrapped title: a link per line, and the authors' line
}

TEST(VolumeBuild, StampsAreUprightUnscaledAndClearOfTheText) {
  Built b;
  ASSERT_EQ(b.run.exitCode, 0) << b.run.err;
  const std::string bytes = readText(b.pdf);
  const PdfProbe probe(bytes);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  ASSERT_TRUE(doc);
  for (const TocRow& row : b.toc)
    for (int n = row.first; n <= row.last; ++n) {
      const int index = b.roman + n - 1;
      SCOPED_TRACE(row.title + ", page " + std::to_string(n));
      // Word boxes are in the visible frame: the crop box, turned by /Rotate.
      std::unique_ptr<poppler::page> page(doc->create_page(index));
      const poppler::rectf box = page->page_rect(poppler::crop_box);
      const bool turned =
          page->orientation() == poppler::page::landscape || page->orientation() == poppler::page::seascape;
      const double width = turned ? box.height() : box.width(), height = turned ? box.width() : box.height();
      const std::vector<Word> words = probe.words(index);
      const Word* folio = nullptr;
      for (const Word& w : words)
        if (w.text == std::to_string(n) && w.top > height - 40) folio = &w;
      std::string bottom;
      for (const Word& w : words)
        if (w.top > height - 80)
          bottom += w.text + "@" + std::to_string(w.left) + "," + std::to_string(w.top) + " ";
      ASSERT_NE(folio, nullptr) << "no folio at the bottom of the visible page " << width << "×" << height
                                << ": " << bottom;
      EXPECT_NEAR((folio->left + folio->right) / 2, width / 2, 3);
      EXPECT_LT(folio->bottom - folio->top, 14) << "the folio is scaled";
      for (const Word& w : words) {
        if (w.top < height - 15 * 72 / 25.4) continue;  // the stamps live in the bottom 15 mm
        for (const Word& text : words) {
          if (text.bottom >= height - 15 * 72 / 25.4) continue;
          EXPECT_FALSE(w.left < text.right && text.left < w.right && w.top < text.bottom &&
                       text.top < w.bottom)
              << w.text << " covers " << text.text;
        }
      }
    }
}

TEST(VolumeBuild, ExportsPassXmllintAndABibtexParser) {
  Built b;
  ASSERT_EQ(b.run.exitCode, 0) << b.run.err;
  const std::string shared = sharedDir();
  if (!shared.empty()) {
    const std::string schemas = shared + "/data/crossref-schema";
    const ProgramRun xmllint = runProgram(
        "xmllint",
        {"--noout", "--nonet", "--schema", schemas + "/crossref5.3.1.xsd", b.volume.out() + "/crossref.xml"},
        {{"XML_CATALOG_FILES", schemas + "/catalog.xml"}});
    EXPECT_EQ(xmllint.exitCode, 0) << xmllint.err;
  } else {
    ADD_FAILURE() << "../shared is missing beside the source tree: the Crossref schema check did not run";
  }
  const std::string script =
      "import sys, bibtexparser\n"
      "db = bibtexparser.load(open(sys.argv[1], encoding='utf-8'))\n"
      "for e in db.entries: print(e['ENTRYTYPE'], e.get('pages', '-'), e.get('doi', '-'), e['ID'])\n";
  const ProgramRun bib = runProgram("/usr/bin/python3", {"-c", script, b.volume.out() + "/volume.bib"});
  ASSERT_EQ(bib.exitCode, 0) << bib.err;
  std::istringstream entries(bib.out);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(entries, line);) {
    std::istringstream split(line);
    rows.emplace_back();
    for (std::string w; split >> w;) rows.back().push_back(w);
  }
  ASSERT_EQ(rows.size(), 6u) << bib.out;
  EXPECT_EQ(rows[0][0], "proceedings");
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(rows[i + 1][0], "inproceedings");
    EXPECT_EQ(rows[i + 1][1], std::to_string(b.toc[i].first) + "--" + std::to_string(b.toc[i].last));
    EXPECT_EQ(rows[i + 1][2].substr(0, 8), "10.55555");
  }
}

TEST(VolumeBuild, PaperFilesCarryTheVolumeStampsAndNumbers) {
  Built b;
  ASSERT_EQ(b.run.exitCode, 0) << b.run.err;
  const PdfText volumeText(b.pdf);
  for (const TocRow& row : b.toc) {
    SCOPED_TRACE(row.file);
    const std::string file = b.volume.out() + "/" + row.file;
    const ProgramRun check = runProgram("qpdf", {"--check", file});
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    const PdfText paperText(file);
    EXPECT_EQ(paperText.pages(), row.last - row.first + 1);
    for (int n = row.first; n <= row.last; ++n)
      EXPECT_EQ(paperText.page(n - row.first + 1), volumeText.page(b.roman + n));
    auto labels = qpdfJson(file, "pagelabels")->getArray("pagelabels");
    ASSERT_EQ(labels->size(), 1u);
    auto label = labels->getObject(0)->getObject("label");
    EXPECT_EQ(label->has("/St") ? label->getValue<int>("/St") : 1, row.first);
  }
}

TEST(VolumeBuild, EnglishStyleSetsTheRunningHeadOnTopAndNoBlankPages) {
  const TestVolume v;
  const ProgramRun run =
      v.build({"--style", std::string(CONFPRESS_SOURCE_DIR) + "/templates/volume/english.xml"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const std::vector<TocRow> toc = readToc(v.out() + "/toc.csv");
  ASSERT_EQ(toc.size(), 5u);
  for (size_t i = 1; i < toc.size(); ++i) EXPECT_EQ(toc[i].first, toc[i - 1].last + 1) << "no blank pages";
  const std::string pdf = v.out() + "/volume.pdf";
  const int roman = romanPages(pdf);
  const std::string first = pageText(pdf, roman + 1);
  EXPECT_NE(first.find("In: Hội thảo thử 2024, pp. 1–3"), std::string::npos) << first;
  const std::string second = pageText(pdf, roman + 2);
  EXPECT_EQ(second.rfind("Đặng Văn An và Dương Thị Bình: Chính quyền số", 0), 0u) << second;
  EXPECT_TRUE(second.ends_with(" 2")) << second;
}
