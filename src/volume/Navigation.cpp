// Outline dictionaries, page-label number trees and link annotations.
#include "volume/Navigation.h"

namespace confpress::volume {

namespace {

QPDFObjectHandle fitDestination(QPDFObjectHandle page) {
  QPDFObjectHandle dest = QPDFObjectHandle::newArray();
  dest.appendItem(page);
  dest.appendItem(QPDFObjectHandle::newName("/Fit"));
  return dest;
}

// Builds the items of `entries` under `parent`; returns how many items are visible below it.
int buildLevel(QPDF& pdf, QPDFObjectHandle parent, const std::vector<OutlineEntry>& entries) {
  std::vector<QPDFObjectHandle> items;
  int visible = 0;
  for (const OutlineEntry& e : entries) {
    QPDFObjectHandle item = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(e.title));
    item.replaceKey("/Parent", parent);
    item.replaceKey("/Dest", fitDestination(e.page));
    if (!e.children.empty()) {
      const int below = buildLevel(pdf, item, e.children);
      item.replaceKey("/Count", QPDFObjectHandle::newInteger(below));
      visible += below;
    }
    ++visible;
    items.push_back(item);
  }
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) items[i].replaceKey("/Prev", items[i - 1]);
    if (i + 1 < items.size()) items[i].replaceKey("/Next", items[i + 1]);
  }
  if (!items.empty()) {
    parent.replaceKey("/First", items.front());
    parent.replaceKey("/Last", items.back());
  }
  return visible;
}

QPDFObjectHandle label(const char* style, int start) {
  QPDFObjectHandle d = QPDFObjectHandle::newDictionary();
  d.replaceKey("/S", QPDFObjectHandle::newName(style));
  if (start != 1) d.replaceKey("/St", QPDFObjectHandle::newInteger(start));
  return d;
}

}  // namespace

void writeOutlines(TargetPdf& target, const std::vector<OutlineEntry>& entries) {
  QPDF& pdf = target.pdf();
  QPDFObjectHandle outlines = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
  outlines.replaceKey("/Type", QPDFObjectHandle::newName("/Outlines"));
  outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(buildLevel(pdf, outlines, entries)));
  pdf.getRoot().replaceKey("/Outlines", outlines);
  pdf.getRoot().replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
}

void writeVolumePageLabels(TargetPdf& target, int romanPages) {
  QPDFObjectHandle nums = QPDFObjectHandle::newArray();
  if (romanPages > 0) {
    nums.appendItem(QPDFObjectHandle::newInteger(0));
    nums.appendItem(label("/r", 1));
  }
  nums.appendItem(QPDFObjectHandle::newInteger(romanPages));
  nums.appendItem(label("/D", 1));
  target.setPageLabels(nums);
}

void writePaperPageLabels(TargetPdf& target, int first) {
  QPDFObjectHandle nums = QPDFObjectHandle::newArray();
  nums.appendItem(QPDFObjectHandle::newInteger(0));
  nums.appendItem(label("/D", first));
  target.setPageLabels(nums);
}

void addLink(QPDF& pdf, QPDFObjectHandle page, const QPDFObjectHandle::Rectangle& rect,
             QPDFObjectHandle target) {
  QPDFObjectHandle link = QPDFObjectHandle::newDictionary();
  link.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
  link.replaceKey("/Subtype", QPDFObjectHandle::newName("/Link"));
  link.replaceKey("/Rect", QPDFObjectHandle::newFromRectangle(rect));
  link.replaceKey("/Border", QPDFObjectHandle::parse("[0 0 0]"));
  QPDFObjectHandle dest = QPDFObjectHandle::newArray();
  dest.appendItem(target);
  dest.appendItem(QPDFObjectHandle::newName("/XYZ"));
  for (int i = 0; i < 3; ++i) dest.appendItem(QPDFObjectHandle::newNull());
  link.replaceKey("/Dest", dest);
  link.replaceKey("/P", page);
  QPDFObjectHandle annots = page.getKey("/Annots");
  if (!annots.isArray()) {
    annots = QPDFObjectHandle::newArray();
    page.replaceKey("/Annots", annots);
  }
  annots.appendItem(pdf.makeIndirectObject(link));
}

}  // namespace confpress::volume
