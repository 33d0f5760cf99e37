#pragma once
// A PDF being written: the PoDoFo document, its page geometry, its embedded fonts, document info,
// outlines (bookmarks) and serialisation to bytes. Owns everything PoDoFo hands out as raw pointers.
// Not thread-safe; separate Documents are independent.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pdf/Font.h"
#include "pdf/Geometry.h"

namespace PoDoFo {
class PdfMemDocument;
class PdfPage;
class PdfOutlineItem;
}  // namespace PoDoFo

namespace confpress::pdf {

/// Unicode document information (the PDF Info dictionary). Empty fields are left out.
struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string creator = "ConfPress";
};

class Document {
 public:
  /// An empty document whose pages have `geometry`, with the family `fonts` loaded for embedding.
  /// Throws std::runtime_error when a font cannot be loaded.
  Document(const PageGeometry& geometry, const FontFiles& fonts);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const PageGeometry& geometry() const { return geometry_; }
  const FontSet& fonts() const { return *fonts_; }
  /// A standard-14 font, not embedded (see loadStandardFont); loaded once per name.
  const Font& standardFont(const std::string& name);

  /// Appends a page; the document owns it.
  PoDoFo::PdfPage* addPage();
  int pageCount() const { return static_cast<int>(pages_.size()); }

  void setInfo(const DocumentInfo& info);
  /// A top-level bookmark to `top` (layout y) on page `pageIndex` (0-based), in the order added.
  void addOutline(const std::string& title, int pageIndex, double top);

  /// The complete PDF file. Throws std::runtime_error if PoDoFo fails while writing.
  std::string bytes();

 private:
  PageGeometry geometry_;
  std::unique_ptr<PoDoFo::PdfMemDocument> pdf_;
  std::unique_ptr<FontSet> fonts_;
  std::map<std::string, Font> standardFonts_;      // a map, so references handed out stay valid
  std::vector<PoDoFo::PdfPage*> pages_;            // owned by pdf_; kept to avoid PoDoFo's page-tree look-ups
  PoDoFo::PdfOutlineItem* lastOutline_ = nullptr;  // owned by pdf_
};

}  // namespace confpress::pdf
