// qpdf reads the whole file: objects, streams (all filters, JPEG included), page content streams and
// the pages' font dictionaries.
// qpdf recovers from most damage with warnings rather than exceptions, so the warnings are sorted here:
// harmless ones, damaged content, and a broken structure that had to be reconstructed.
#include "preflight/Structure.h"

#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <map>
#include <new>
#include <set>
#include <string>

namespace confpress::preflight {

namespace {

constexpr const char* kExportAgain = "; export or print it to PDF again";

/// Collects the operators of a content stream that PDF does not define (outside BX … EX, where unknown
/// operators are allowed): a sign of a broken producer ("1e2", numbers PDF cannot express; "ETBT", two
/// operators run together).
class OperatorCheck : public QPDFObjectHandle::ParserCallbacks {
 public:
  void handleObject(QPDFObjectHandle object) override {
    if (!object.isOperator()) return;
    const std::string op = object.getOperatorValue();
    if (op == "BX")
      ++compatibility_;
    else if (op == "EX" && compatibility_ > 0)
      --compatibility_;
    else if (compatibility_ == 0 && !known().count(op) && unknown.size() < 3)
      unknown.insert(op.size() > 20 ? op.substr(0, 20) + "..." : op);
  }
  void handleEOF() override {}

  std::set<std::string> unknown;

 private:
  static const std::set<std::string>& known() {
    static const std::set<std::string> operators = {
        "b",  "B",  "b*", "B*", "BDC", "BI",  "BMC", "BT", "BX", "c",  "cm", "CS", "cs", "d",  "d0",
        "d1", "Do", "DP", "EI", "EMC", "ET",  "EX",  "f",  "F",  "f*", "G",  "g",  "gs", "h",  "i",
        "ID", "j",  "J",  "K",  "k",   "l",   "m",   "M",  "MP", "n",  "q",  "Q",  "re", "RG", "rg",
        "ri", "s",  "S",  "SC", "sc",  "SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ",
        "TL", "Tm", "Tr", "Ts", "Tw",  "Tz",  "v",   "w",  "W",  "W*", "y",  "'",  "\""};
    return operators;
  }
  int compatibility_ = 0;
};

bool contains(const std::string& text, const char* part) {
  return text.find(part) != std::string::npos;
}

enum class WarningKind { Harmless, Content, Structure };

WarningKind kindOf(const QPDFExc& warning) {
  const std::string& detail = warning.getMessageDetail();
  // A trailer /Size that is too small and linearization hints are ignored by every reader (the
  // corpus's valid files have them); a Flate stream whose compressed data ends before its declared
  // length (Acrobat writes such streams) decodes completely.
  if (contains(detail, "reported number of objects") || contains(detail, "linearization") ||
      contains(detail, "hint table") || contains(detail, "input stream is complete"))
    return WarningKind::Harmless;
  const std::string& object = warning.getObject();
  if (contains(detail, "decod") || contains(detail, "inline image") || contains(object, "content") ||
      contains(object, "stream data"))
    return WarningKind::Content;
  return WarningKind::Structure;
}

/// qpdf's words, shortened for a message to people.
std::string detailOf(const QPDFExc& e) {
  std::string detail = e.getMessageDetail();
  if (detail.size() > 160) detail = detail.substr(0, 157) + "...";
  return detail;
}

/// Adds one problem for the content warnings and one for the structural ones (the first of each kind is
/// quoted; a damaged file often has hundreds).
void reportWarnings(const std::vector<QPDFExc>& warnings, const Rules& rules, Report& report) {
  const QPDFExc* firstContent = nullptr;
  const QPDFExc* firstStructure = nullptr;
  size_t structural = 0;
  for (const QPDFExc& w : warnings) {
    const WarningKind kind = kindOf(w);
    if (kind == WarningKind::Content && !firstContent) firstContent = &w;
    if (kind == WarningKind::Structure) {
      if (!firstStructure) firstStructure = &w;
      ++structural;
    }
  }
  if (firstContent)
    report.add(
        {"damaged", rules.severityOf("damaged"), 0,
         "some of the PDF's data cannot be decoded (qpdf: " + detailOf(*firstContent) + ")" + kExportAgain});
  if (firstStructure)
    report.add({"repaired", rules.severityOf("repaired"), 0,
                "the PDF's internal structure is broken and had to be reconstructed (qpdf: " +
                    detailOf(*firstStructure) +
                    (structural > 1 ? "; " + std::to_string(structural - 1) + " more problems" : "") +
                    "), so programs may read it differently" + kExportAgain});
}

/// Whether a font dictionary carries its glyphs: Type3 fonts are procedures in the file; others need a
/// font file in their descriptor (for Type0 fonts, in the descendant's).
bool embedded(QPDFObjectHandle font) {
  if (font.getKey("/Subtype").isNameAndEquals("/Type3")) return true;
  if (font.getKey("/Subtype").isNameAndEquals("/Type0")) {
    QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
    if (!descendants.isArray() || descendants.getArrayNItems() < 1) return false;
    font = descendants.getArrayItem(0);
    if (!font.isDictionary()) return false;
  }
  QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
  return descriptor.isDictionary() && (descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") ||
                                       descriptor.hasKey("/FontFile3"));
}

/// The fonts of `resources` that are not embedded, by name, with the first page using each.
void collectUnembedded(QPDFObjectHandle resources, int page, std::map<std::string, int>& missing) {
  if (!resources.isDictionary()) return;
  QPDFObjectHandle fonts = resources.getKey("/Font");
  if (!fonts.isDictionary()) return;
  for (auto& [key, font] : fonts.ditems()) {
    if (!font.isDictionary() || embedded(font)) continue;
    QPDFObjectHandle name = font.getKey("/BaseFont");
    missing.emplace(name.isName() ? name.getName().substr(1) : key.substr(1), page);
  }
}

/// Fonts of the page and of the form XObjects it draws, as poppler would load them (without asking
/// fontconfig for substitutes, as poppler's font list does: slow, and it reads and writes font caches).
void collectUnembedded(QPDFPageObjectHelper& page, int number, std::map<std::string, int>& missing) {
  collectUnembedded(page.getAttribute("/Resources", false), number, missing);
  page.forEachFormXObject(true, [&](QPDFObjectHandle& form, QPDFObjectHandle&, std::string const&) {
    if (form.isStream()) collectUnembedded(form.getDict().getKey("/Resources"), number, missing);
  });
}

void reportUnembedded(const std::map<std::string, int>& missing, const Rules& rules, Report& report) {
  if (missing.empty()) return;
  std::string list;
  int firstPage = 0;
  for (const auto& [name, number] : missing) {
    list += (list.empty() ? "" : ", ") + name + " (from page " + std::to_string(number) + ")";
    if (firstPage == 0 || number < firstPage) firstPage = number;
  }
  report.add({"fonts_not_embedded", rules.severityOf("fonts_not_embedded"),
              missing.size() == 1 ? firstPage : 0,
              "fonts not embedded: " + list + "; embed all fonts when you create the PDF"});
}

/// Parses each page's content stream; a page that cannot be parsed is damaged, one with operators PDF
/// does not know has invalid content (the first such page is named). Lists the fonts that are not
/// embedded. Returns the page count.
int checkPages(QPDF& pdf, const Rules& rules, Report& report) {
  int number = 0;
  bool invalidReported = false;
  std::map<std::string, int> unembedded;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    ++number;
    collectUnembedded(page, number, unembedded);
    OperatorCheck operators;
    try {
      page.parseContents(&operators);
    } catch (const QPDFExc& e) {
      report.add(
          {"damaged", rules.severityOf("damaged"), number,
           "page " + std::to_string(number) + " cannot be read (qpdf: " + detailOf(e) + ")" + kExportAgain});
      continue;
    }
    if (operators.unknown.empty() || invalidReported) continue;
    std::string list;
    for (const std::string& op : operators.unknown) list += (list.empty() ? "" : ", ") + op;
    report.add({"invalid_content", rules.severityOf("invalid_content"), number,
                "page " + std::to_string(number) + " contains drawing commands that PDF does not define (" +
                    list + "), so programs may show it differently" + kExportAgain});
    invalidReported = true;
  }
  reportUnembedded(unembedded, rules, report);
  return number;
}

}  // namespace

int checkStructure(std::string_view bytes, const Rules& rules, Report& report) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  int pages = 0;
  try {
    pdf.processMemoryFile("upload.pdf", bytes.data(), bytes.size());
    // An empty user password that does not match as such, but only as the owner password, still makes
    // every reader ask for a password.
    if (pdf.isEncrypted() && !pdf.userPasswordMatched()) {
      report.add({"encrypted", rules.severityOf("encrypted"), 0,
                  "the PDF is protected by a password; upload a copy that opens without one"});
      return -1;
    }
    QPDFWriter writer(pdf);
    Pl_Discard discard;
    writer.setOutputPipeline(&discard);
    // Decoding every stream is the check; re-compressing what was decoded (QPDFWriter's default) would
    // only cost time, as the output is discarded.
    writer.setDecodeLevel(qpdf_dl_all);
    writer.setCompressStreams(false);
    writer.write();
    pages = checkPages(pdf, rules, report);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password)
      report.add({"encrypted", rules.severityOf("encrypted"), 0,
                  "the PDF is protected by a password; upload a copy that opens without one"});
    else
      report.add({"damaged", rules.severityOf("damaged"), 0,
                  "the PDF is damaged and cannot be read (qpdf: " + detailOf(e) + ")" + kExportAgain});
    return -1;
  } catch (const std::exception& e) {
    report.add(
        {"damaged", rules.severityOf("damaged"), 0,
         std::string("the PDF is damaged and cannot be read (qpdf: ") + e.what() + ")" + kExportAgain});
    return -1;
  }
  if (pdf.isEncrypted())
    report.add({"restricted", rules.severityOf("restricted"), 0,
                "the PDF is encrypted with an owner password, which may forbid printing or copying text; "
                "upload an unencrypted copy"});
  reportWarnings(pdf.getWarnings(), rules, report);
  if (pages == 0) {
    report.add({"damaged", rules.severityOf("damaged"), 0, "the PDF has no pages"});
    return -1;
  }
  return pages;
}

}  // namespace confpress::preflight
