#pragma once
// How a volume looks: the typeset pages' paper and margins, the fonts, the stamps set on the papers'
// pages (running head, folio, first-page citation line) and whether papers start on odd pages. Read
// from templates/volume/NAME.xml, validated against templates/volume/style.xsd. Plain values.
#include <string>

#include "pdf/Font.h"
#include "pdf/Geometry.h"

namespace confpress::volume {

/// One line stamped on the papers' pages.
struct StampLine {
  std::string format;           // with {volume}, {title}, {authors}, {page}, {first}, {last}
  bool top = false;             // measured from the top edge of the visible page, else from the bottom
  double offset = pdf::mm(10);  // baseline distance from that edge, points
  double size = 8;
};

struct VolumeStyle {
  pdf::PageGeometry page = pdf::PageGeometry::forPaper(pdf::PaperSize::A4);
  pdf::FontFiles fonts;  // empty paths: FontFiles::serif()
  StampLine runningHead{"{volume} · {authors}: {title}", false, pdf::mm(10.5), 7.5};
  StampLine folio{"{page}", false, pdf::mm(5.5), 9};
  StampLine citation{"Kỷ yếu {volume}, tr. {first}–{last}", false, pdf::mm(10.5), 7.5};
  bool oddPageStarts = true;

  /// The style in `path`, validated against `xsdPath`. Throws ValidationError with file:line.
  static VolumeStyle read(const std::string& path, const std::string& xsdPath);
};

}  // namespace confpress::volume
