// Reading a volume style file.
#include "volume/VolumeStyle.h"

#include <filesystem>

#include "core/Errors.h"
#include "volume/XmlFile.h"
#include "volume/XmlNodes.h"

namespace confpress::volume {

namespace {

double number(const xmlNode* node, const char* name, double fallback) {
  const std::string value = xml::attribute(node, name);
  return value.empty() ? fallback : std::stod(value);
}

StampLine stampLine(const xmlNode* node) {
  StampLine line;
  line.format = xml::attribute(node, "format");
  line.top = xml::attribute(node, "position", "bottom") == "top";
  line.offset = pdf::mm(number(node, "offset-mm", 10));
  line.size = number(node, "size", 8);
  return line;
}

}  // namespace

VolumeStyle VolumeStyle::read(const std::string& path, const std::string& xsdPath) {
  const XmlDocument doc(path);
  XmlSchema(xsdPath).validate(doc);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  VolumeStyle style;
  pdf::Margins margins;
  const xmlNode* m = xml::child(root, "margins");
  margins.top = pdf::mm(number(m, "top", 25));
  margins.bottom = pdf::mm(number(m, "bottom", 25));
  margins.left = pdf::mm(number(m, "left", 25));
  margins.right = pdf::mm(number(m, "right", 20));
  style.page = pdf::PageGeometry::forPaper(
      pdf::parsePaperSize(xml::attribute(xml::child(root, "paper"), "size", "A4")), margins);
  if (const xmlNode* f = xml::child(root, "fonts")) {
    const std::filesystem::path base = std::filesystem::path(path).parent_path();
    const auto resolve = [&](const char* name) {
      const std::filesystem::path p = xml::attribute(f, name);
      const std::string full = (p.is_absolute() ? p : base / p).string();
      if (!std::filesystem::is_regular_file(full))
        throw ValidationError("style", "font_missing", xml::where(path, f) + ": no font file " + full);
      return full;
    };
    style.fonts = {resolve("regular"), resolve("bold"), resolve("italic")};
  }
  style.runningHead = stampLine(xml::child(root, "running-head"));
  style.folio = stampLine(xml::child(root, "folio"));
  style.citation = stampLine(xml::child(root, "citation-line"));
  const std::string odd = xml::childText(root, "odd-page-starts");
  style.oddPageStarts = odd == "true" || odd == "1";
  return style;
}

}  // namespace confpress::volume
