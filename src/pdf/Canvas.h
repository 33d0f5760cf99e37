#pragma once
// Drawing on one PDF page in layout coordinates (points from the top-left corner): text in the
// document's fonts, justified lines from the LineBreaker, and the few vector shapes figures need.
// A Canvas finishes its page when it is destroyed. Not thread-safe; one Canvas per page at a time.
#include <memory>
#include <string_view>

#include "pdf/Font.h"
#include "pdf/Geometry.h"
#include "pdf/LineBreaker.h"

namespace PoDoFo {
class PdfPage;
class PdfPainter;
}  // namespace PoDoFo

namespace confpress::pdf {

enum class Align { Left, Center, Right, Justify };

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0…1
};

class Canvas {
 public:
  /// Draws on `page` (owned by its document) whose height is `pageHeight` points.
  Canvas(PoDoFo::PdfPage* page, double pageHeight);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  /// One run of text with its baseline at `baseline`, starting at `x`.
  void text(double x, double baseline, std::string_view utf8, const Font& font, double size);
  /// Text aligned left, centred or right within [x, x + width].
  void textAligned(double x, double baseline, double width, std::string_view utf8, const Font& font,
                   double size, Align align);
  /// A broken line within [x, x + width]. Justify stretches the inter-word spaces of every line but a
  /// paragraph's last, which is set flush left.
  void line(const Line& line, const FontSet& fonts, double size, double x, double baseline, double width,
            Align align);

  void setFill(Rgb colour);
  void setStroke(Rgb colour, double lineWidth = 0.5);
  void rect(const Rect& r, bool fill, bool stroke);
  void segment(double x1, double y1, double x2, double y2);
  /// A line from (x1, y1) to (x2, y2) with a filled arrowhead at the end, in the stroke colour.
  void arrow(double x1, double y1, double x2, double y2, double headSize = 5);

 private:
  double flip(double y) const { return pageHeight_ - y; }

  std::unique_ptr<PoDoFo::PdfPainter> painter_;
  double pageHeight_;
  Rgb stroke_;
};

}  // namespace confpress::pdf
