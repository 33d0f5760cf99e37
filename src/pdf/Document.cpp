// The PoDoFo document behind Document, and writing it to memory.
#include "pdf/Document.h"

#include <podofo/podofo.h>

#include <stdexcept>

namespace confpress::pdf {

namespace {

PoDoFo::PdfString unicode(const std::string& utf8) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(utf8.c_str()));
}

}  // namespace

Document::Document(const PageGeometry& geometry, const FontFiles& fonts)
    : geometry_(geometry), pdf_(std::make_unique<PoDoFo::PdfMemDocument>()) {
  fonts_ = std::make_unique<FontSet>(*pdf_, fonts);
}

Document::~Document() = default;

const Font& Document::standardFont(const std::string& name) {
  auto it = standardFonts_.find(name);
  if (it == standardFonts_.end()) it = standardFonts_.emplace(name, loadStandardFont(*pdf_, name)).first;
  return it->second;
}

PoDoFo::PdfPage* Document::addPage() {
  PoDoFo::PdfPage* page = pdf_->CreatePage(PoDoFo::PdfRect(0, 0, geometry_.width, geometry_.height));
  if (page == nullptr) throw std::runtime_error("PoDoFo cannot create a page");
  pages_.push_back(page);
  return page;
}

void Document::setInfo(const DocumentInfo& info) {
  PoDoFo::PdfInfo* target = pdf_->GetInfo();
  if (!info.title.empty()) target->SetTitle(unicode(info.title));
  if (!info.author.empty()) target->SetAuthor(unicode(info.author));
  if (!info.subject.empty()) target->SetSubject(unicode(info.subject));
  if (!info.keywords.empty()) target->SetKeywords(unicode(info.keywords));
  if (!info.creator.empty()) target->SetCreator(unicode(info.creator));
}

void Document::addOutline(const std::string& title, int pageIndex, double top) {
  if (pageIndex < 0 || pageIndex >= pageCount())
    throw std::out_of_range("no page " + std::to_string(pageIndex));
  const PoDoFo::PdfDestination destination(pages_[static_cast<size_t>(pageIndex)], 0, geometry_.height - top,
                                           0);
  if (lastOutline_ == nullptr)
    lastOutline_ = pdf_->GetOutlines()->CreateRoot(unicode(title));
  else
    lastOutline_ = lastOutline_->CreateNext(unicode(title), destination);
  lastOutline_->SetDestination(destination);
}

std::string Document::bytes() {
  try {
    PoDoFo::PdfRefCountedBuffer buffer;
    PoDoFo::PdfOutputDevice device(&buffer);
    pdf_->Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
  } catch (const PoDoFo::PdfError& e) {
    throw std::runtime_error(std::string("PoDoFo cannot write the PDF: ") + e.what());
  }
}

}  // namespace confpress::pdf
