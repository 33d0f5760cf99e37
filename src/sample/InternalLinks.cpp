// Named destinations and link annotations added with qpdf.
#include "sample/InternalLinks.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <map>

namespace confpress::sample {

namespace {

QPDFObjectHandle xyz(QPDFObjectHandle page) {
  QPDFObjectHandle d = QPDFObjectHandle::newArray();
  d.appendItem(page);
  d.appendItem(QPDFObjectHandle::newName("/XYZ"));
  for (int i = 0; i < 3; ++i) d.appendItem(QPDFObjectHandle::newNull());
  return d;
}

QPDFObjectHandle link(QPDF& pdf, double y, const char* key, QPDFObjectHandle value) {
  QPDFObjectHandle a = QPDFObjectHandle::newDictionary();
  a.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
  a.replaceKey("/Subtype", QPDFObjectHandle::newName("/Link"));
  a.replaceKey("/Rect", QPDFObjectHandle::newFromRectangle({72, y, 300, y + 14}));
  a.replaceKey("/Border", QPDFObjectHandle::parse("[0 0 1]"));
  a.replaceKey(key, value);
  return pdf.makeIndirectObject(a);
}

QPDFObjectHandle goTo(const std::string& name) {
  QPDFObjectHandle action = QPDFObjectHandle::newDictionary();
  action.replaceKey("/S", QPDFObjectHandle::newName("/GoTo"));
  action.replaceKey("/D", QPDFObjectHandle::newString(name));
  return action;
}

}  // namespace

std::string addInternalLinks(const std::string& bytes) {
  QPDF pdf;
  pdf.processMemoryFile("paper.pdf", bytes.data(), bytes.size());
  std::vector<QPDFObjectHandle> pages;
  for (const QPDFPageObjectHelper& p : QPDFPageDocumentHelper(pdf).getAllPages())
    pages.push_back(p.getObjectHandle());
  if (pages.empty()) throw std::runtime_error("a paper without pages");
  std::map<std::string, QPDFObjectHandle> names;  // sorted as a name tree needs
  for (size_t i = 0; i < pages.size(); ++i) names["page." + std::to_string(i + 1)] = xyz(pages[i]);
  names["sec.refs"] = xyz(pages.back());
  QPDFObjectHandle array = QPDFObjectHandle::newArray();
  for (auto& [name, dest] : names) {
    array.appendItem(QPDFObjectHandle::newString(name));
    array.appendItem(dest);
  }
  QPDFObjectHandle tree = QPDFObjectHandle::newDictionary();
  tree.replaceKey("/Names", array);
  QPDFObjectHandle nameDict = QPDFObjectHandle::newDictionary();
  nameDict.replaceKey("/Dests", pdf.makeIndirectObject(tree));
  pdf.getRoot().replaceKey("/Names", nameDict);

  QPDFObjectHandle first = QPDFObjectHandle::newArray();
  const std::string second = pages.size() > 1 ? "page.2" : "page.1";
  first.appendItem(link(pdf, 120, "/Dest", QPDFObjectHandle::newString(second)));
  first.appendItem(link(pdf, 100, "/A", goTo("sec.refs")));
  QPDFObjectHandle explicitDest = QPDFObjectHandle::newArray();
  explicitDest.appendItem(pages.back());
  explicitDest.appendItem(QPDFObjectHandle::newName("/Fit"));
  first.appendItem(link(pdf, 80, "/Dest", explicitDest));
  pages.front().replaceKey("/Annots", first);
  QPDFObjectHandle last = QPDFObjectHandle::newArray();
  last.appendItem(link(pdf, 120, "/Dest", QPDFObjectHandle::newString("page.1")));
  if (pages.size() > 1) pages.back().replaceKey("/Annots", last);

  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.write();
  std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace confpress::sample
