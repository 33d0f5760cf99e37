#pragma once
// Page geometry for the typesetting layer: paper sizes, margins and the conversions between millimetres
// and PDF points. Layout coordinates everywhere in src/pdf/ are points measured from the top-left corner
// of the page, y growing downwards; only Canvas converts them to PDF's bottom-left origin.
#include <string>

namespace confpress::pdf {

constexpr double kPointsPerMm = 72.0 / 25.4;

/// Millimetres to points.
constexpr double mm(double millimetres) {
  return millimetres * kPointsPerMm;
}

enum class PaperSize { A4, Letter };

/// "A4" or "Letter".
std::string paperSizeName(PaperSize size);

/// A4 or Letter from their names (case-insensitive); throws std::invalid_argument otherwise.
PaperSize parsePaperSize(const std::string& name);

struct Rect {
  double x = 0;  // left edge
  double y = 0;  // top edge
  double width = 0;
  double height = 0;

  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

struct Margins {
  double top = mm(25);
  double bottom = mm(25);  // more than the 15 mm preflight keeps free for the page-number stamp
  double left = mm(25);
  double right = mm(20);
};

/// A page size with its margins. The content area is what the margins leave.
struct PageGeometry {
  double width = 595;  // A4 as PoDoFo sizes it (595 × 842 pt)
  double height = 842;
  Margins margins;

  static PageGeometry forPaper(PaperSize size, const Margins& margins = {});

  Rect content() const {
    return {margins.left, margins.top, width - margins.left - margins.right,
            height - margins.top - margins.bottom};
  }
};

}  // namespace confpress::pdf
