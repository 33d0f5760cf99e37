// Preflight of one PDF in this process: the file type, qpdf's structural check and font list
// (Structure.cpp), then poppler opens every page and reads its size and words for the content checks.
// Coordinates from poppler::page::text_list() are points in the page as displayed: /Rotate applied, origin at
// the top-left corner of the CropBox, y growing downwards (verified by InspectorTest with text at known
// positions).
#include "preflight/Inspector.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <set>

#include "preflight/Anonymity.h"
#include "preflight/Structure.h"

namespace confpress::preflight {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr size_t kMinTextPerPage = 50;  // bytes of text below which a page counts as having none
constexpr size_t kMaxPagesListed = 5;   // pages named one by one in a problem; the rest are counted

std::string utf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

void silencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string page(int number) {
  return "page " + std::to_string(number);
}

/// "pages 3, 4, 7 and 2 more".
std::string pageList(const std::vector<int>& pages) {
  std::string out = pages.size() == 1 ? "page " : "pages ";
  for (size_t i = 0; i < pages.size() && i < kMaxPagesListed; ++i)
    out += (i == 0 ? "" : ", ") + std::to_string(pages[i]);
  if (pages.size() > kMaxPagesListed)
    out += " and " + std::to_string(pages.size() - kMaxPagesListed) + " more";
  return out;
}

/// What the content checks need from one page.
struct PageFacts {
  std::string text;  // words in reading order, lines separated by '\n'
  std::string size;  // "A4", "Letter" or "W×H mm" (as displayed)
  bool sizeAllowed = true;
  bool textInMargin = false;
  bool referencesHeading = false;  // a line that is only "References", "Tài liệu tham khảo", …
  size_t unreadable = 0;           // code points that cannot be text: U+FFFD, private use, controls
  size_t characters = 0;
};

std::string classifySize(double widthPt, double heightPt, double toleranceMm) {
  const double w = std::min(widthPt, heightPt) / kPointsPerMm, h = std::max(widthPt, heightPt) / kPointsPerMm;
  const auto near = [&](double a, double b) { return std::abs(a - b) <= toleranceMm; };
  if (near(w, 210) && near(h, 297)) return "A4";
  if (near(w, 215.9) && near(h, 279.4)) return "Letter";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.0f×%.0f mm", widthPt / kPointsPerMm, heightPt / kPointsPerMm);
  return buffer;
}

bool isReferencesHeading(const std::string& line) {
  // The longest heading, "9. Danh mục tài liệu tham khảo", is under 50 bytes: body lines need no folding.
  if (line.size() > 50) return false;
  std::string s = searchableText(line);  // " 7 references "
  // Drop a section number ("7", "VII", "A") in front.
  const size_t firstEnd = s.find(' ', 1);
  if (firstEnd != std::string::npos && firstEnd < s.size() - 1) {
    const std::string first = s.substr(1, firstEnd - 1);
    if (first.find_first_not_of("0123456789") == std::string::npos ||
        (first.size() <= 4 && first.find_first_not_of("ivxlc") == std::string::npos))
      s = s.substr(firstEnd);
  }
  for (const char* heading :
       {" references ", " reference ", " bibliography ", " works cited ", " tai lieu tham khao ",
        " danh muc tai lieu tham khao ", " tai lieu trich dan "})
    if (s == heading) return true;
  return false;
}

void countCharacters(const std::string& text, PageFacts& facts) {
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (size_t k = 1; k < length && i + k < text.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += length;
    if (c == ' ' || c == '\n') continue;
    ++facts.characters;
    if (c < 0x20 || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000) ++facts.unreadable;
  }
}

/// Whether a word set in the displayed page of height `height` reaches into the bottom `marginPt`.
/// For upright words the test is on the baseline, estimated as 1/5 of the box height above its bottom
/// (poppler's box includes the font's whole descent, which may dip into the margin harmlessly).
bool inBottomMargin(const poppler::text_box& word, double height, double marginPt) {
  const poppler::rectf box = word.bbox();
  const double lowest = word.rotation() == 0 ? box.bottom() - box.height() / 5 : box.bottom();
  return lowest > height - marginPt && box.top() < height;
}

PageFacts readPage(const poppler::page& page, const Rules& rules) {
  PageFacts facts;
  const poppler::rectf box = page.page_rect(poppler::crop_box);
  const bool turned =
      page.orientation() == poppler::page::landscape || page.orientation() == poppler::page::seascape;
  const double width = turned ? box.height() : box.width(), height = turned ? box.width() : box.height();
  facts.size = classifySize(width, height, rules.sizeToleranceMm);
  facts.sizeAllowed =
      std::find(rules.paperSizes.begin(), rules.paperSizes.end(), facts.size) != rules.paperSizes.end();
  const double marginPt = rules.bottomMarginMm * kPointsPerMm;
  std::string line;
  double lineTop = 0, lineHeight = 0, lineRight = 0;
  const auto endLine = [&] {
    if (isReferencesHeading(line)) facts.referencesHeading = true;
    facts.text += line;
    facts.text += '\n';
    line.clear();
  };
  for (const poppler::text_box& word : page.text_list()) {
    const poppler::rectf b = word.bbox();
    // A new line when the word is not level with the line, or starts left of where the line ended.
    if (!line.empty() && (std::abs(b.top() - lineTop) > lineHeight / 2 || b.left() < lineRight - 1))
      endLine();
    if (line.empty()) lineTop = b.top(), lineHeight = b.height();
    line += utf8(word.text());
    line += ' ';
    lineRight = b.right();
    if (!facts.textInMargin && inBottomMargin(word, height, marginPt)) facts.textInMargin = true;
  }
  if (!line.empty()) endLine();
  countCharacters(facts.text, facts);
  return facts;
}

/// The page count against the limits. With referencesMayExceed, pages after the one where the
/// references heading is do not count, as long as that heading is within the limit.
void checkPageCount(const std::vector<PageFacts>& pages, const Rules& rules, Report& report) {
  const int count = static_cast<int>(pages.size());
  if (count < rules.minPages)
    report.add({"too_few_pages", rules.severityOf("too_few_pages"), 0,
                "the paper has " + std::to_string(count) + (count == 1 ? " page" : " pages") + "; at least " +
                    std::to_string(rules.minPages) + " are required"});
  if (count <= rules.maxPages) return;
  int references = 0;
  for (int i = 0; i < count && references == 0; ++i)
    if (pages[static_cast<size_t>(i)].referencesHeading) references = i + 1;
  const std::string limit = std::to_string(rules.maxPages);
  if (rules.referencesMayExceed && references > 0 && references <= rules.maxPages) {
    report.add({"references_over_limit", rules.severityOf("references_over_limit"), 0,
                "the references, which start on " + page(references) + ", run past page " + limit +
                    "; the rules allow that"});
    return;
  }
  std::string why;
  if (rules.referencesMayExceed)
    why = references > 0 ? " before the references, which start on " + page(references)
                         : " before the references (no \"References\" heading was found)";
  report.add({"too_many_pages", rules.severityOf("too_many_pages"), 0,
              "the paper has " + std::to_string(count) + " pages; at most " + limit + " are allowed" + why});
}

void checkPaperSizes(const std::vector<PageFacts>& pages, const Rules& rules, Report& report) {
  std::map<std::string, std::vector<int>> wrong;
  for (size_t i = 0; i < pages.size(); ++i)
    if (!pages[i].sizeAllowed) wrong[pages[i].size].push_back(static_cast<int>(i + 1));
  if (wrong.empty()) return;
  std::string allowed;
  for (const auto& s : rules.paperSizes) allowed += (allowed.empty() ? "" : " or ") + s;
  for (const auto& [size, numbers] : wrong)
    report.add({"paper_size", rules.severityOf("paper_size"), numbers.size() == 1 ? numbers[0] : 0,
                (numbers.size() == pages.size() ? std::string("every page") : pageList(numbers)) + " is " +
                    size + "; the conference asks for " + allowed});
}

void checkText(const std::vector<PageFacts>& pages, const Rules& rules, Report& report) {
  std::vector<int> empty;
  size_t characters = 0, unreadable = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].text.size() < kMinTextPerPage) empty.push_back(static_cast<int>(i + 1));
    characters += pages[i].characters;
    unreadable += pages[i].unreadable;
  }
  if (empty.size() * 2 > pages.size())
    report.add({"no_text", rules.severityOf("no_text"), 0,
                "no text can be extracted from " + pageList(empty) +
                    " (a scanned paper?); text must be searchable, and the anonymity check needs it"});
  else if (characters > 0 && unreadable * 4 > characters)
    report.add({"no_text", rules.severityOf("no_text"), 0,
                "much of the text extracts as unreadable characters (fonts without a Unicode mapping?); "
                "text must be searchable, and the anonymity check needs it"});
}

void checkMargins(const std::vector<PageFacts>& pages, const Rules& rules, Report& report) {
  std::vector<int> numbers;
  for (size_t i = 0; i < pages.size(); ++i)
    if (pages[i].textInMargin) numbers.push_back(static_cast<int>(i + 1));
  const std::string mm = std::to_string(static_cast<int>(std::lround(rules.bottomMarginMm)));
  for (size_t k = 0; k < numbers.size() && k < kMaxPagesListed; ++k)
    report.add({"bottom_margin", rules.severityOf("bottom_margin"), numbers[k],
                page(numbers[k]) + " has text in the bottom " + mm +
                    " mm, which must stay free for the page number"});
  if (numbers.size() > kMaxPagesListed)
    report.add({"bottom_margin", rules.severityOf("bottom_margin"), 0,
                std::to_string(numbers.size() - kMaxPagesListed) + " more pages have text in the bottom " +
                    mm + " mm"});
}

void checkAnonymity(const poppler::document& doc, const std::vector<PageFacts>& pages, const Rules& rules,
                    Report& report) {
  std::string metadata;
  for (const std::string& key : doc.info_keys()) metadata += utf8(doc.info_key(key)) + "\n";
  metadata += utf8(doc.metadata());
  std::vector<std::string> texts;
  for (const PageFacts& p : pages) texts.push_back(p.text);
  for (Problem& p : findAuthorIdentities(texts, metadata, rules.authors, rules.severityOf("anonymity")))
    report.add(std::move(p));
}

// The pages' text, blank-line separated, cut at `limit` bytes on a character boundary.
std::string extractedText(const std::vector<PageFacts>& pages, size_t limit) {
  std::string out;
  for (const PageFacts& p : pages) {
    if (out.size() >= limit) break;
    if (!out.empty()) out += "\n\n";
    out += p.text;
  }
  if (out.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

void checkContent(std::string_view bytes, int qpdfPages, const Rules& rules, Report& report) {
  silencePoppler();
  // poppler reads `bytes` in place; they outlive `doc`.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    report.add({"damaged", rules.severityOf("damaged"), 0,
                "the PDF cannot be opened by poppler, which reads its text and fonts; export or print it to "
                "PDF again"});
    return;
  }
  if (doc->is_locked()) {
    report.add({"encrypted", rules.severityOf("encrypted"), 0,
                "the PDF is protected by a password; upload a copy that opens without one"});
    return;
  }
  report.pages = doc->pages();
  if (report.pages != qpdfPages)
    report.add({"damaged", rules.severityOf("damaged"), 0,
                "programs disagree on how many pages the PDF has (" + std::to_string(qpdfPages) + " or " +
                    std::to_string(report.pages) + "); export or print it to PDF again"});
  std::vector<PageFacts> pages;
  for (int i = 0; i < report.pages; ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    if (!p) {
      report.add({"damaged", rules.severityOf("damaged"), i + 1, page(i + 1) + " cannot be read"});
      pages.emplace_back();
      continue;
    }
    pages.push_back(readPage(*p, rules));
  }
  if (!pages.empty()) report.paperSize = pages.front().size;
  checkPageCount(pages, rules, report);
  checkPaperSizes(pages, rules, report);
  checkText(pages, rules, report);
  checkMargins(pages, rules, report);
  if (rules.doubleBlind) checkAnonymity(*doc, pages, rules, report);
  if (rules.extractTextBytes > 0) report.text = extractedText(pages, rules.extractTextBytes);
}

}  // namespace

Report inspectPdf(std::string_view bytes, const Rules& rules) {
  Report report;
  if (bytes.empty()) {
    report.add({"empty", rules.severityOf("empty"), 0, "the file is empty (0 bytes)"});
    return report;
  }
  // Readers accept up to 1 KB of junk before the header.
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    report.add({"not_pdf", rules.severityOf("not_pdf"), 0, "the file is not a PDF (it has no %PDF- header)"});
    return report;
  }
  const int pages = checkStructure(bytes, rules, report);
  if (pages < 0) return report;
  try {
    checkContent(bytes, pages, rules, report);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    report.add({"damaged", rules.severityOf("damaged"), 0,
                std::string("the PDF cannot be read completely (") + e.what() + ")"});
  }
  return report;
}

}  // namespace confpress::preflight
