#pragma once
// Reads generated PDFs back with tools that are not ours, for the tests: poppler-cpp for pages, sizes,
// fonts, text and word boxes; qpdf for reading every object and stream, as ConfPress's preflight does.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-font.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace cptest {

struct Word {
  std::string text;
  double left, top, right, bottom;  // points, origin at the top-left corner of the page
};

/// Collapses every run of white space into one space and trims, so text set on several lines can be
/// compared with the string it came from.
inline std::string collapseSpaces(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

class PdfProbe {
 public:
  explicit PdfProbe(const std::string& bytes)
      : bytes_(bytes),
        doc_(poppler::document::load_from_raw_data(bytes_.data(), static_cast<int>(bytes_.size()))) {
    if (!doc_) throw std::runtime_error("poppler cannot open the PDF");
  }

  int pages() const { return doc_->pages(); }

  poppler::rectf pageRect(int index) const { return page(index)->page_rect(poppler::media_box); }

  /// The page's text in reading order, white space collapsed.
  std::string text(int index) const { return collapseSpaces(utf8(page(index)->text())); }

  std::vector<Word> words(int index) const {
    std::vector<Word> out;
    for (const poppler::text_box& box : page(index)->text_list()) {
      const poppler::rectf r = box.bbox();
      out.push_back({utf8(box.text()), r.left(), r.top(), r.right(), r.bottom()});
    }
    return out;
  }

  std::vector<poppler::font_info> fonts() const { return doc_->fonts(); }

  std::string info(const std::string& key) const { return utf8(doc_->info_key(key)); }

  /// What qpdf says when it reads every object and decodes every stream; empty when it has no complaint.
  std::string qpdfProblems() const {
    try {
      QPDF pdf;
      pdf.setSuppressWarnings(true);
      pdf.processMemoryFile("generated.pdf", bytes_.data(), bytes_.size());
      QPDFWriter writer(pdf);
      Pl_Discard discard;
      writer.setOutputPipeline(&discard);
      writer.setDecodeLevel(qpdf_dl_specialized);
      writer.write();
      if (pdf.anyWarnings()) return "warnings: " + pdf.getWarnings().front().getMessageDetail();
      return {};
    } catch (const std::exception& e) {
      return e.what();
    }
  }

 private:
  static std::string utf8(const poppler::ustring& s) {
    const poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
  }

  std::unique_ptr<poppler::page> page(int index) const {
    std::unique_ptr<poppler::page> p(doc_->create_page(index));
    if (!p) throw std::runtime_error("poppler cannot read page " + std::to_string(index + 1));
    return p;
  }

  std::string bytes_;  // poppler reads from this buffer for as long as doc_ lives
  std::unique_ptr<poppler::document> doc_;
};

}  // namespace cptest
