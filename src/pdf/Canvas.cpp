// PdfPainter behind layout coordinates. PoDoFo writes a font's Tf only when a text object begins, so
// every change of font starts a new BT … ET.
#include "pdf/Canvas.h"

#include <podofo/podofo.h>

#include <cmath>

namespace confpress::pdf {

namespace {

PoDoFo::PdfString pdfString(std::string_view utf8) {
  const std::string copy(utf8);  // PoDoFo wants a terminated string
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(copy.c_str()));
}

}  // namespace

Canvas::Canvas(PoDoFo::PdfPage* page, double pageHeight)
    : painter_(std::make_unique<PoDoFo::PdfPainter>()), pageHeight_(pageHeight) {
  painter_->SetPage(page);
}

Canvas::~Canvas() {
  try {
    painter_->FinishPage();
  } catch (...) {
    // A destructor must not throw; the document's Write() reports a broken page stream.
  }
}

void Canvas::text(double x, double baseline, std::string_view utf8, const Font& font, double size) {
  if (utf8.empty()) return;
  painter_->SetFont(font.at(size));
  painter_->DrawText(x, flip(baseline), pdfString(utf8));
}

void Canvas::textAligned(double x, double baseline, double width, std::string_view utf8, const Font& font,
                         double size, Align align) {
  const double w = font.width(utf8, size);
  if (align == Align::Center) x += (width - w) / 2;
  if (align == Align::Right) x += width - w;
  text(x, baseline, utf8, font, size);
}

void Canvas::line(const Line& line, const FontSet& fonts, double size, double x, double baseline,
                  double width, Align align) {
  if (line.pieces.empty()) return;
  int gaps = 0;
  for (size_t i = 0; i + 1 < line.pieces.size(); ++i) gaps += line.pieces[i].spaceAfter ? 1 : 0;
  double stretch = 0;  // added to every inter-word space
  if (align == Align::Justify && !line.lastOfParagraph && gaps > 0)
    stretch = std::max(0.0, (width - line.naturalWidth) / gaps);
  if (align == Align::Center) x += (width - line.naturalWidth) / 2;
  if (align == Align::Right) x += width - line.naturalWidth;

  // One text object per run of pieces in the same style; Td moves between pieces.
  double cursor = x;
  size_t i = 0;
  while (i < line.pieces.size()) {
    const FontStyle style = line.pieces[i].style;
    painter_->SetFont(fonts[style].at(size));
    painter_->BeginText(cursor, flip(baseline));
    double objectStart = cursor;
    for (; i < line.pieces.size() && line.pieces[i].style == style; ++i) {
      const Piece& p = line.pieces[i];
      if (cursor != objectStart) painter_->MoveTextPos(cursor - objectStart, 0);
      objectStart = cursor;
      painter_->AddText(pdfString(p.text));
      cursor += p.width;
      if (p.spaceAfter && i + 1 < line.pieces.size()) cursor += p.spaceWidth + stretch;
    }
    painter_->EndText();
  }
}

void Canvas::setFill(Rgb c) {
  painter_->SetColor(c.r, c.g, c.b);
}

void Canvas::setStroke(Rgb c, double lineWidth) {
  stroke_ = c;
  painter_->SetStrokingColor(c.r, c.g, c.b);
  painter_->SetStrokeWidth(lineWidth);
}

void Canvas::rect(const Rect& r, bool fill, bool stroke) {
  painter_->Rectangle(r.x, flip(r.bottom()), r.width, r.height);
  if (fill && stroke)
    painter_->FillAndStroke();
  else if (fill)
    painter_->Fill();
  else
    painter_->Stroke();
}

void Canvas::segment(double x1, double y1, double x2, double y2) {
  painter_->DrawLine(x1, flip(y1), x2, flip(y2));
}

void Canvas::arrow(double x1, double y1, double x2, double y2, double headSize) {
  const double length = std::hypot(x2 - x1, y2 - y1);
  if (length <= 0) return;
  const double ux = (x2 - x1) / length, uy = (y2 - y1) / length;
  const double baseX = x2 - ux * headSize, baseY = y2 - uy * headSize;
  segment(x1, y1, baseX, baseY);
  painter_->Save();
  painter_->SetColor(stroke_.r, stroke_.g, stroke_.b);
  painter_->MoveTo(x2, flip(y2));
  painter_->LineTo(baseX - uy * headSize / 2, flip(baseY + ux * headSize / 2));
  painter_->LineTo(baseX + uy * headSize / 2, flip(baseY - ux * headSize / 2));
  painter_->ClosePath();
  painter_->Fill();
  painter_->Restore();
}

}  // namespace confpress::pdf
