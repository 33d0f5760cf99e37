// Pages, annotations, named destinations and stamps of one paper copied with qpdf.
#include "volume/PaperImport.h"

#include <qpdf/QPDFNameTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>

namespace confpress::volume {

namespace {

using PageMap = std::map<QPDFObjGen, QPDFObjectHandle>;  // source page → copied page

// A destination name as UTF-8: strings as text, names without their slash.
bool nameOf(QPDFObjectHandle d, std::string& out) {
  if (d.isString()) {
    out = d.getUTF8Value();
    return true;
  }
  if (d.isName()) {
    out = d.getName().substr(1);
    return true;
  }
  return false;
}

// A copy of an explicit destination array with its page mapped into the target; null if the page is
// not one of the paper's.
QPDFObjectHandle mapDestination(QPDFObjectHandle dest, const PageMap& pages,
                                const std::vector<QPDFObjectHandle>& copied) {
  if (dest.isDictionary()) dest = dest.getKey("/D");
  if (!dest.isArray() || dest.getArrayNItems() < 1) return QPDFObjectHandle::newNull();
  QPDFObjectHandle first = dest.getArrayItem(0);
  QPDFObjectHandle page;
  if (first.isIndirect()) {
    auto it = pages.find(first.getObjGen());
    if (it != pages.end()) page = it->second;
  } else if (first.isInteger() && first.getIntValue() >= 0 &&
             static_cast<size_t>(first.getIntValue()) < copied.size()) {
    page = copied[static_cast<size_t>(first.getIntValue())];
  }
  if (!page.isInitialized()) return QPDFObjectHandle::newNull();
  QPDFObjectHandle out = QPDFObjectHandle::newArray();
  out.appendItem(page);
  for (int i = 1; i < dest.getArrayNItems(); ++i) {
    QPDFObjectHandle item = dest.getArrayItem(i);
    out.appendItem(item.isScalar() || item.isName() ? QPDFObjectHandle::parse(item.unparseResolved())
                                                    : QPDFObjectHandle::newNull());
  }
  return out;
}

void collectDestinations(QPDF& source, TargetPdf& target, const PageMap& pages,
                         const std::vector<QPDFObjectHandle>& copied, const std::string& prefix) {
  QPDFObjectHandle root = source.getRoot();
  const auto add = [&](const std::string& name, QPDFObjectHandle dest) {
    QPDFObjectHandle mapped = mapDestination(dest, pages, copied);
    if (!mapped.isNull()) target.addDestination(prefix + name, mapped);
  };
  QPDFObjectHandle dests = root.getKey("/Dests");
  if (dests.isDictionary())
    for (const std::string& key : dests.getKeys()) add(key.substr(1), dests.getKey(key));
  QPDFObjectHandle names = root.getKey("/Names");
  if (names.isDictionary() && names.getKey("/Dests").isDictionary()) {
    QPDFNameTreeObjectHelper tree(names.getKey("/Dests"), source);
    for (const auto& [name, dest] : tree) add(name, dest);
  }
}

// Renames the destination names used by the copied link annotations.
void renameLinks(QPDFObjectHandle annots, const std::string& prefix) {
  if (!annots.isArray()) return;
  for (QPDFObjectHandle annot : annots.aitems()) {
    if (!annot.isDictionary() || !annot.getKey("/Subtype").isNameAndEquals("/Link")) continue;
    std::string name;
    if (nameOf(annot.getKey("/Dest"), name)) annot.replaceKey("/Dest", destinationName(prefix + name));
    QPDFObjectHandle action = annot.getKey("/A");
    if (action.isDictionary() && action.getKey("/S").isNameAndEquals("/GoTo") &&
        nameOf(action.getKey("/D"), name))
      action.replaceKey("/D", destinationName(prefix + name));
  }
}

// A resource name for `font` in the page's /Font dictionary: `wanted`, or a variant if that is taken.
std::string fontName(QPDFObjectHandle fonts, const std::string& wanted, QPDFObjectHandle font) {
  std::string name = wanted;
  for (int n = 1; fonts.hasKey("/" + name) && fonts.getKey("/" + name).getObjGen() != font.getObjGen(); ++n)
    name = wanted + std::to_string(n);
  fonts.replaceKey("/" + name, font);
  return name;
}

void stampPage(TargetPdf& target, QPDFObjectHandle page, const PageStamps& stamps) {
  QPDFPageObjectHelper helper(page);
  QPDFObjectHandle resources = helper.getAttribute("/Resources", true);
  if (!resources.isDictionary()) {
    resources = QPDFObjectHandle::newDictionary();
    page.replaceKey("/Resources", resources);
  }
  QPDFObjectHandle fonts = resources.getKey("/Font");
  if (!fonts.isDictionary()) {
    fonts = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/Font", fonts);
  }
  const std::string regular = fontName(fonts, "CPVolR", target.regularFont());
  const std::string italic = fontName(fonts, "CPVolI", target.italicFont());
  const std::string ops = "\nQ\nq\n" + stampOperators(stamps, frameOf(page), regular, italic) + "Q\n";
  helper.addPageContents(target.openingQ(), true);
  helper.addPageContents(QPDFObjectHandle::newStream(&target.pdf(), ops), false);
}

}  // namespace

std::vector<QPDFObjectHandle> importPaper(TargetPdf& target, OpenPaper& paper,
                                          const std::vector<PageStamps>& stamps, const std::string& prefix) {
  QPDF& source = *paper.pdf;
  std::vector<QPDFPageObjectHelper> sourcePages = QPDFPageDocumentHelper(source).getAllPages();
  if (sourcePages.size() != stamps.size()) throw std::logic_error("one stamp per page expected");
  // Pages without their annotations first, so that every page exists before any link is copied.
  std::vector<QPDFObjectHandle> annots, copied;
  PageMap pages;
  for (QPDFPageObjectHelper& page : sourcePages) {
    QPDFObjectHandle object = page.getObjectHandle();
    QPDFObjectHandle a = object.getKey("/Annots");
    if (a.isArray() && !a.isIndirect()) a = source.makeIndirectObject(a);
    annots.push_back(a);
    if (a.isArray()) object.removeKey("/Annots");
    copied.push_back(target.addPage(object));
    pages.emplace(object.getObjGen(), copied.back());
  }
  for (size_t i = 0; i < sourcePages.size(); ++i) {
    if (!annots[i].isArray()) continue;
    sourcePages[i].getObjectHandle().replaceKey("/Annots", annots[i]);
    QPDFObjectHandle copy = target.pdf().copyForeignObject(annots[i]);
    renameLinks(copy, prefix);
    copied[i].replaceKey("/Annots", copy);
  }
  collectDestinations(source, target, pages, copied, prefix);
  for (size_t i = 0; i < copied.size(); ++i) stampPage(target, copied[i], stamps[i]);
  return copied;
}

}  // namespace confpress::volume
