#include "preflight/Inspector.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-font.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <set>

#include "preflight/Anonymity.h"

namespace confpress::preflight {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

std::string utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

void silencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// Reads every object and decodes every stream: a file that opens but breaks later fails here.
bool checkStructure(std::string_view bytes, const Rules& rules, Report& report) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  try {
    pdf.processMemoryFile("upload.pdf", bytes.data(), bytes.size());
    QPDFWriter writer(pdf);
    Pl_Discard discard;
    writer.setOutputPipeline(&discard);
    writer.setDecodeLevel(qpdf_dl_specialized);
    writer.write();
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password) {
      report.add({"encrypted", rules.severityOf("encrypted"), 0,
                  "the PDF is protected by a password; upload it without one"});
    } else {
      report.add({"damaged", rules.severityOf("damaged"), 0, "the PDF is damaged: " + e.getMessageDetail()});
    }
    return false;
  } catch (const std::exception& e) {
    report.add({"damaged", rules.severityOf("damaged"), 0, std::string("the PDF is damaged: ") + e.what()});
    return false;
  }
  if (pdf.isEncrypted())
    report.add({"restricted", rules.severityOf("restricted"), 0,
                "the PDF is encrypted with an owner password (printing or copying may be restricted)"});
  if (pdf.anyWarnings()) {
    auto warnings = pdf.getWarnings();
    report.add({"repaired", rules.severityOf("repaired"), 0,
                "the PDF has structural errors that readers must repair" +
                    (warnings.empty() ? std::string() : " (" + warnings.front().getMessageDetail() + ")")});
  }
  return true;
}

std::string classifySize(double widthPt, double heightPt, double toleranceMm) {
  const double w = std::min(widthPt, heightPt) / kPointsPerMm, h = std::max(widthPt, heightPt) / kPointsPerMm;
  const auto near = [&](double a, double b) { return std::abs(a - b) <= toleranceMm; };
  if (near(w, 210) && near(h, 297)) return "A4";
  if (near(w, 215.9) && near(h, 279.4)) return "Letter";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.0f×%.0f mm", widthPt / kPointsPerMm, heightPt / kPointsPerMm);
  return buffer;
}

bool mentionsReferences(const std::string& pageText) {
  const std::string s = searchableText(pageText);
  for (const char* marker :
       {" tai lieu tham khao ", " references ", " bibliography ", " tai lieu trich dan "})
    if (s.find(marker) != std::string::npos) return true;
  return false;
}

void checkPageCount(int pages, int referencesPage, const Rules& rules, Report& report) {
  if (pages < rules.minPages)
    report.add({"too_few_pages", rules.severityOf("too_few_pages"), 0,
                "the paper has " + std::to_string(pages) + " pages; at least " +
                    std::to_string(rules.minPages) + " are required"});
  if (pages <= rules.maxPages) return;
  if (rules.referencesMayExceed && referencesPage > 0 && referencesPage <= rules.maxPages) {
    report.add(
        {"references_over_limit", rules.severityOf("references_over_limit"), 0,
         "the references run past page " + std::to_string(rules.maxPages) + ", which the rules allow"});
    return;
  }
  report.add({"too_many_pages", rules.severityOf("too_many_pages"), 0,
              "the paper has " + std::to_string(pages) + " pages; at most " + std::to_string(rules.maxPages) +
                  " are allowed" + (rules.referencesMayExceed ? " before the references" : "")});
}

void checkContent(std::string_view bytes, const Rules& rules, Report& report) {
  silencePoppler();
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    report.add({"damaged", rules.severityOf("damaged"), 0, "the PDF cannot be opened"});
    return;
  }
  if (doc->is_locked()) {
    report.add({"encrypted", rules.severityOf("encrypted"), 0, "the PDF is protected by a password"});
    return;
  }
  report.pages = doc->pages();
  std::vector<std::string> pageTexts;
  std::set<std::string> wrongSizes;
  std::vector<int> marginPages;
  size_t textLength = 0;
  int referencesPage = 0;
  const double marginPt = rules.bottomMarginMm * kPointsPerMm;
  for (int i = 0; i < report.pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      report.add({"damaged", rules.severityOf("damaged"), i + 1,
                  "page " + std::to_string(i + 1) + " cannot be read"});
      pageTexts.emplace_back();
      continue;
    }
    const poppler::rectf box = page->page_rect(poppler::crop_box);
    const bool turned =
        page->orientation() == poppler::page::landscape || page->orientation() == poppler::page::seascape;
    const double height = turned ? box.width() : box.height();
    const std::string size = classifySize(box.width(), box.height(), rules.sizeToleranceMm);
    if (i == 0) report.paperSize = size;
    if (std::find(rules.paperSizes.begin(), rules.paperSizes.end(), size) == rules.paperSizes.end())
      wrongSizes.insert(size);
    std::string text;
    bool inMargin = false;
    for (const poppler::text_box& word : page->text_list()) {
      const std::string w = utf8(word.text());
      text += w;
      text += ' ';
      // text_list() gives boxes in the displayed page, origin top-left, in points.
      if (!inMargin && word.bbox().bottom() > height - marginPt && word.bbox().top() < height)
        inMargin = true;
    }
    textLength += text.size();
    if (inMargin) marginPages.push_back(i + 1);
    if (mentionsReferences(text)) referencesPage = i + 1;
    pageTexts.push_back(std::move(text));
  }

  checkPageCount(report.pages, referencesPage, rules, report);
  if (!wrongSizes.empty()) {
    std::string sizes, allowed;
    for (const auto& s : wrongSizes) sizes += (sizes.empty() ? "" : ", ") + s;
    for (const auto& s : rules.paperSizes) allowed += (allowed.empty() ? "" : " or ") + s;
    report.add({"paper_size", rules.severityOf("paper_size"), 0,
                "pages of size " + sizes + "; the conference asks for " + allowed});
  }
  std::string unembedded;
  for (const poppler::font_info& font : doc->fonts())
    if (!font.is_embedded() && font.type() != poppler::font_info::type3)
      unembedded += (unembedded.empty() ? "" : ", ") + font.name();
  if (!unembedded.empty())
    report.add({"fonts_not_embedded", rules.severityOf("fonts_not_embedded"), 0,
                "fonts not embedded: " + unembedded});
  if (report.pages > 0 && textLength < 200)
    report.add(
        {"no_text", rules.severityOf("no_text"), 0,
         "almost no text can be extracted (a scanned paper?); search and anonymity checks cannot work"});
  for (size_t k = 0; k < marginPages.size() && k < 10; ++k)
    report.add({"bottom_margin", rules.severityOf("bottom_margin"), marginPages[k],
                "page " + std::to_string(marginPages[k]) + " has text in the bottom " +
                    std::to_string(static_cast<int>(rules.bottomMarginMm)) +
                    " mm, kept free for the page number"});
  if (marginPages.size() > 10)
    report.add({"bottom_margin", rules.severityOf("bottom_margin"), 0,
                std::to_string(marginPages.size() - 10) + " more pages have text in the bottom margin"});

  if (rules.doubleBlind) {
    std::string metadata;
    for (const std::string& key : doc->info_keys()) metadata += utf8(doc->info_key(key)) + "\n";
    metadata += utf8(doc->metadata());
    for (Problem& p : findAuthorIdentities(pageTexts, metadata, rules.authors, rules.severityOf("anonymity")))
      report.add(std::move(p));
  }
}

}  // namespace

Report inspectPdf(std::string_view bytes, const Rules& rules) {
  Report report;
  if (bytes.empty()) {
    report.add({"empty", rules.severityOf("empty"), 0, "the file is empty"});
    return report;
  }
  const std::string_view head = bytes.substr(0, 1024);
  if (head.find("%PDF-") == std::string_view::npos) {
    report.add({"not_pdf", rules.severityOf("not_pdf"), 0, "the file is not a PDF"});
    return report;
  }
  if (!checkStructure(bytes, rules, report)) return report;
  checkContent(bytes, rules, report);
  return report;
}

}  // namespace confpress::preflight
