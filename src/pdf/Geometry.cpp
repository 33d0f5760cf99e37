// Paper sizes by name and the page geometry each one gets.
#include "pdf/Geometry.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace confpress::pdf {

std::string paperSizeName(PaperSize size) {
  return size == PaperSize::A4 ? "A4" : "Letter";
}

PaperSize parsePaperSize(const std::string& name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "a4") return PaperSize::A4;
  if (lower == "letter") return PaperSize::Letter;
  throw std::invalid_argument("unknown paper size \"" + name + "\" (expected A4 or Letter)");
}

PageGeometry PageGeometry::forPaper(PaperSize size, const Margins& margins) {
  PageGeometry g;
  g.margins = margins;
  // The sizes PoDoFo's CreateStandardPageSize uses, rounded to whole points as most producers do.
  g.width = size == PaperSize::A4 ? 595 : 612;
  g.height = size == PaperSize::A4 ? 842 : 792;
  return g;
}

}  // namespace confpress::pdf
