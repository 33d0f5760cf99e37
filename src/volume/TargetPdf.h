#pragma once
// A PDF being assembled with qpdf (volume.pdf or one papers/NNN-slug.pdf): the QPDF document, the stamp
// fonts copied once from the typeset furniture, the one shared "q" stream that opens every stamped
// page, and the named destinations collected from the papers, written as one sorted name tree.
// Not thread-safe.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <string>
#include <utility>
#include <vector>

namespace confpress::volume {

class TargetPdf {
 public:
  /// An empty document; stamp fonts come from `furniture` (objects `regularFont`, `italicFont`).
  TargetPdf(QPDF& furniture, unsigned regularFont, unsigned italicFont);
  TargetPdf(const TargetPdf&) = delete;
  TargetPdf& operator=(const TargetPdf&) = delete;

  QPDF& pdf() { return pdf_; }

  /// Appends `page` (of this or another document) and returns the page object in this document.
  QPDFObjectHandle addPage(QPDFObjectHandle page);
  /// Appends an empty page of the given size.
  QPDFObjectHandle addBlankPage(double width, double height);
  /// Every page so far, in order.
  const std::vector<QPDFObjectHandle>& pages() { return pdf_.getAllPages(); }

  QPDFObjectHandle regularFont();
  QPDFObjectHandle italicFont();
  /// A stream holding "q\n", shared by every stamped page.
  QPDFObjectHandle openingQ();

  /// Records a named destination (UTF-8 name) for the name tree.
  void addDestination(const std::string& name, QPDFObjectHandle destination);
  /// Writes the collected destinations as /Root /Names /Dests (a two-level name tree, keys sorted).
  void writeDestinations();

  /// Sets /PageLabels to `nums` (alternating start index and label dictionary).
  void setPageLabels(QPDFObjectHandle nums);
  /// Title, Author, Subject in Unicode, Creator and Producer.
  void setInfo(const std::string& title, const std::string& author, const std::string& subject);

  /// Writes the document to `path`. Throws std::runtime_error with qpdf's reason.
  void write(const std::string& path);

 private:
  QPDF& furniture_;
  unsigned regularFont_, italicFont_;
  QPDF pdf_;
  QPDFObjectHandle regular_, italic_, openingQ_;
  std::vector<std::pair<std::string, QPDFObjectHandle>> destinations_;  // key: encoded name bytes
};

/// The PDF string for a destination name given in UTF-8 (PDFDocEncoding when possible, else UTF-16).
QPDFObjectHandle destinationName(const std::string& utf8);

}  // namespace confpress::volume
