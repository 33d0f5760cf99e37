// qpdf document assembly shared by volume.pdf and the per-paper files.
#include "volume/TargetPdf.h"

#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <stdexcept>

namespace confpress::volume {

namespace {

constexpr size_t kNamesPerLeaf = 128;

QPDFObjectHandle fontFrom(QPDF& furniture, unsigned number, QPDF& target) {
  QPDFObjectHandle font = furniture.getObjectByID(static_cast<int>(number), 0);
  if (!font.isDictionary() || !font.getKey("/Type").isNameAndEquals("/Font"))
    throw std::runtime_error("the typeset front matter has no font object " + std::to_string(number));
  return target.copyForeignObject(font);
}

}  // namespace

QPDFObjectHandle destinationName(const std::string& utf8) {
  return QPDFObjectHandle::newUnicodeString(utf8);
}

TargetPdf::TargetPdf(QPDF& furniture, unsigned regularFont, unsigned italicFont)
    : furniture_(furniture), regularFont_(regularFont), italicFont_(italicFont) {
  pdf_.emptyPDF();
  pdf_.setSuppressWarnings(true);
}

QPDFObjectHandle TargetPdf::addPage(QPDFObjectHandle page) {
  QPDFPageDocumentHelper(pdf_).addPage(QPDFPageObjectHelper(page), false);
  return pdf_.getAllPages().back();
}

QPDFObjectHandle TargetPdf::addBlankPage(double width, double height) {
  QPDFObjectHandle page = QPDFObjectHandle::newDictionary();
  page.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
  page.replaceKey("/MediaBox", QPDFObjectHandle::newFromRectangle({0, 0, width, height}));
  page.replaceKey("/Resources", QPDFObjectHandle::newDictionary());
  return addPage(pdf_.makeIndirectObject(page));
}

QPDFObjectHandle TargetPdf::regularFont() {
  if (!regular_.isInitialized()) regular_ = fontFrom(furniture_, regularFont_, pdf_);
  return regular_;
}

QPDFObjectHandle TargetPdf::italicFont() {
  if (!italic_.isInitialized()) italic_ = fontFrom(furniture_, italicFont_, pdf_);
  return italic_;
}

QPDFObjectHandle TargetPdf::openingQ() {
  if (!openingQ_.isInitialized()) openingQ_ = QPDFObjectHandle::newStream(&pdf_, "q\n");
  return openingQ_;
}

void TargetPdf::addDestination(const std::string& name, QPDFObjectHandle destination) {
  destinations_.emplace_back(destinationName(name).getStringValue(), destination);
}

void TargetPdf::writeDestinations() {
  if (destinations_.empty()) return;
  std::stable_sort(destinations_.begin(), destinations_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // Later duplicates of a name are dropped (a name is unique per paper once prefixed).
  destinations_.erase(std::unique(destinations_.begin(), destinations_.end(),
                                  [](const auto& a, const auto& b) { return a.first == b.first; }),
                      destinations_.end());
  QPDFObjectHandle kids = QPDFObjectHandle::newArray();
  for (size_t start = 0; start < destinations_.size(); start += kNamesPerLeaf) {
    const size_t end = std::min(start + kNamesPerLeaf, destinations_.size());
    QPDFObjectHandle names = QPDFObjectHandle::newArray();
    for (size_t i = start; i < end; ++i) {
      names.appendItem(QPDFObjectHandle::newString(destinations_[i].first));
      names.appendItem(destinations_[i].second);
    }
    QPDFObjectHandle leaf = QPDFObjectHandle::newDictionary();
    leaf.replaceKey("/Names", names);
    QPDFObjectHandle limits = QPDFObjectHandle::newArray();
    limits.appendItem(QPDFObjectHandle::newString(destinations_[start].first));
    limits.appendItem(QPDFObjectHandle::newString(destinations_[end - 1].first));
    leaf.replaceKey("/Limits", limits);
    kids.appendItem(pdf_.makeIndirectObject(leaf));
  }
  QPDFObjectHandle tree = QPDFObjectHandle::newDictionary();
  tree.replaceKey("/Kids", kids);
  QPDFObjectHandle names = QPDFObjectHandle::newDictionary();
  names.replaceKey("/Dests", pdf_.makeIndirectObject(tree));
  pdf_.getRoot().replaceKey("/Names", names);
}

void TargetPdf::setPageLabels(QPDFObjectHandle nums) {
  QPDFObjectHandle labels = QPDFObjectHandle::newDictionary();
  labels.replaceKey("/Nums", nums);
  pdf_.getRoot().replaceKey("/PageLabels", labels);
}

void TargetPdf::setInfo(const std::string& title, const std::string& author, const std::string& subject) {
  QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
  if (!title.empty()) info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(title));
  if (!author.empty()) info.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(author));
  if (!subject.empty()) info.replaceKey("/Subject", QPDFObjectHandle::newUnicodeString(subject));
  info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString("ConfPress"));
  info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString("ConfPress with qpdf and PoDoFo"));
  pdf_.getTrailer().replaceKey("/Info", pdf_.makeIndirectObject(info));
}

void TargetPdf::write(const std::string& path) {
  QPDFWriter writer(pdf_, path.c_str());
  writer.write();
}

}  // namespace confpress::volume
