// Opening the papers with qpdf: existence, parsing, encryption, pages and their frames.
#include "volume/PaperSet.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <filesystem>

#include "volume/PaperSource.h"

namespace confpress::volume {

namespace {

std::shared_ptr<QPDF> openPdf(const std::string& path, bool keepOpen) {
  if (!std::filesystem::exists(path)) throw std::runtime_error("the PDF file " + path + " does not exist");
  if (!std::filesystem::is_regular_file(path)) throw std::runtime_error(path + " is not a file");
  auto pdf = std::make_shared<QPDF>();
  pdf->setSuppressWarnings(true);
  try {
    pdf->processInputSource(std::make_shared<PaperSource>(path, keepOpen));
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password)
      throw std::runtime_error("the PDF is encrypted with a password; remove its protection first");
    throw std::runtime_error("the PDF cannot be read (" + std::string(e.what()) + ")");
  } catch (const std::exception& e) {
    throw std::runtime_error("the PDF cannot be read (" + std::string(e.what()) + ")");
  }
  if (pdf->isEncrypted())
    throw std::runtime_error("the PDF is encrypted; remove its protection (e.g. qpdf --decrypt) first");
  return pdf;
}

}  // namespace

std::string BrokenPaper::message() const {
  return origin + ": paper \"" + title + "\": " + reason;
}

PageFrame frameOf(QPDFObjectHandle pageObject) {
  QPDFPageObjectHelper page(pageObject);
  PageFrame frame;
  QPDFObjectHandle box = page.getCropBox(false, false);
  if (box.isRectangle()) {
    const QPDFObjectHandle::Rectangle r = box.getArrayAsRectangle();
    frame.llx = std::min(r.llx, r.urx);
    frame.urx = std::max(r.llx, r.urx);
    frame.lly = std::min(r.lly, r.ury);
    frame.ury = std::max(r.lly, r.ury);
  }
  QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
  if (rotate.isInteger())
    frame.rotate = static_cast<int>(((rotate.getIntValue() % 360) + 360) % 360 / 90 * 90);
  return frame;
}

PaperSet::PaperSet(const VolumeSpec& spec, bool skipBroken, const std::vector<std::string>& excluded) {
  // Every paper stays open until the volume is written, plus a few files of our own.
  const bool keepOpen = allowOpenFiles(spec.paperCount() + 64);
  for (const Section& section : spec.sections)
    for (const Paper& paper : section.papers) {
      if (std::find(excluded.begin(), excluded.end(), paper.pdfPath) != excluded.end()) {
        continue;
      }
      try {
        OpenPaper open{&paper, section.title, openPdf(paper.pdfPath, keepOpen), {}};
        for (const QPDFPageObjectHelper& page : QPDFPageDocumentHelper(*open.pdf).getAllPages())
          open.frames.push_back(frameOf(page.getObjectHandle()));
        if (open.frames.empty()) throw std::runtime_error("the PDF has no pages");
        papers_.push_back(std::move(open));
      } catch (const std::exception& e) {
        // qpdf may also fail after opening, while it reads the page tree.
        std::string reason = e.what();
        if (reason.rfind("the PDF", 0) != 0) reason = "the PDF cannot be read (" + reason + ")";
        BrokenPaper broken{paper.origin, paper.title, reason};
        if (!skipBroken) throw BrokenPaperError(broken);
        skipped_.push_back(std::move(broken));
      }
    }
}

}  // namespace confpress::volume
