// Bar charts and box diagrams drawn with Canvas shapes and the document's fonts.
#include "pdf/Figures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace confpress::pdf {

namespace {

constexpr Rgb kInk{0.15, 0.15, 0.15};
constexpr Rgb kGrid{0.82, 0.82, 0.82};
constexpr Rgb kBar{0.20, 0.42, 0.66};
constexpr Rgb kBoxFill{0.91, 0.94, 0.98};
constexpr Rgb kBoxLine{0.20, 0.33, 0.52};
constexpr double kLabelSize = 8;
constexpr double kLabelLeading = 9.5;
constexpr double kCaptionGap = 6;
constexpr double kFigureSpace = 10;  // above the drawing and below the caption

using Lines = std::vector<Line>;

struct Axis {
  double max;   // top of the axis, a whole number of steps
  double step;  // 1, 2, 2.5 or 5 × 10^k
  int ticks;
  int decimals;  // for the tick labels
};

// An axis of at most five round steps that reaches `value`.
Axis niceAxis(double value) {
  if (value <= 0) return {1, 0.2, 5, 1};
  const double rough = value / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double step = 10 * magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0})
    if (m * magnitude >= rough) {
      step = m * magnitude;
      break;
    }
  const int ticks = static_cast<int>(std::ceil(value / step - 1e-9));
  int decimals = 0;  // as many as the step needs: 0,25 → 2
  while (decimals < 4 &&
         std::abs(step * std::pow(10, decimals) - std::round(step * std::pow(10, decimals))) > 1e-9)
    ++decimals;
  return {step * ticks, step, ticks, decimals};
}

void drawLabelLines(Canvas& canvas, const FontSet& fonts, const Lines& lines, double x, double top,
                    double width) {
  double baseline = top + kLabelSize;
  for (const Line& line : lines) {
    canvas.line(line, fonts, kLabelSize, x, baseline, width, Align::Center);
    baseline += kLabelLeading;
  }
}

void drawBars(Canvas& canvas, const FontSet& fonts, const BarChart& chart, const std::vector<Lines>& labels,
              const Rect& area) {
  const double axisLabelWidth = 34, labelRows = 2, top = area.y + 12;
  const Rect plot{area.x + axisLabelWidth, top, area.width - axisLabelWidth,
                  area.bottom() - top - labelRows * kLabelLeading - 6};
  const double largest = *std::max_element(chart.values.begin(), chart.values.end());
  const Axis axis = niceAxis(std::max(largest, chart.axisMax));
  const double maxValue = axis.max;
  const Font& regular = fonts[FontStyle::Regular];
  canvas.setFill(kInk);
  for (int t = 0; t <= axis.ticks; ++t) {
    const double y = plot.bottom() - plot.height * t / axis.ticks;
    canvas.setStroke(t == 0 ? kInk : kGrid, t == 0 ? 0.8 : 0.4);
    canvas.segment(plot.x, y, plot.right(), y);
    canvas.textAligned(area.x, y + 2.8, axisLabelWidth - 4, formatNumber(axis.step * t, axis.decimals),
                       regular, kLabelSize - 0.5, Align::Right);
  }
  canvas.setStroke(kInk, 0.8);
  canvas.segment(plot.x, plot.y, plot.x, plot.bottom());
  const double slot = plot.width / static_cast<double>(chart.values.size());
  for (size_t i = 0; i < chart.values.size(); ++i) {
    const double h = plot.height * chart.values[i] / maxValue;
    const double x = plot.x + slot * static_cast<double>(i);
    canvas.setFill(kBar);
    canvas.rect({x + slot * 0.2, plot.bottom() - h, slot * 0.6, h}, true, false);
    canvas.setFill(kInk);
    canvas.textAligned(x, plot.bottom() - h - 3, slot,
                       formatNumber(chart.values[i], chart.decimals) + chart.unit, regular, kLabelSize,
                       Align::Center);
    drawLabelLines(canvas, fonts, labels[i], x + 2, plot.bottom() + 4, slot - 4);
  }
}

void drawBoxes(Canvas& canvas, const FontSet& fonts, const BoxDiagram& diagram,
               const std::vector<Lines>& labels, const Rect& area, double boxWidth, double boxHeight,
               double gap) {
  const size_t n = diagram.boxes.size();
  for (size_t i = 0; i < n; ++i) {
    const double offset = static_cast<double>(i) * ((diagram.vertical ? boxHeight : boxWidth) + gap);
    const Rect box = diagram.vertical
                         ? Rect{area.x + (area.width - boxWidth) / 2, area.y + offset, boxWidth, boxHeight}
                         : Rect{area.x + offset, area.y + (area.height - boxHeight) / 2, boxWidth, boxHeight};
    canvas.setFill(kBoxFill);
    canvas.setStroke(kBoxLine, 0.9);
    canvas.rect(box, true, true);
    canvas.setFill(kInk);
    const double textHeight = static_cast<double>(labels[i].size()) * kLabelLeading;
    drawLabelLines(canvas, fonts, labels[i], box.x + 4, box.y + (box.height - textHeight) / 2 - 1.5,
                   box.width - 8);
    if (i + 1 == n) continue;
    canvas.setStroke(kBoxLine, 0.9);
    if (diagram.vertical)
      canvas.arrow(box.x + box.width / 2, box.bottom() + 1, box.x + box.width / 2, box.bottom() + gap - 1);
    else
      canvas.arrow(box.right() + 1, box.y + box.height / 2, box.right() + gap - 1, box.y + box.height / 2);
  }
}

std::vector<Lines> breakLabels(const std::vector<std::string>& labels, const LineBreaker& breaker,
                               FontStyle style, double width) {
  std::vector<Lines> result;
  for (const std::string& label : labels)
    result.push_back(breaker.breakText(label, style, kLabelSize, width));
  return result;
}

}  // namespace

std::string formatNumber(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", std::max(0, decimals), std::abs(value));
  std::string digits(buffer), fraction;
  if (const size_t dot = digits.find('.'); dot != std::string::npos) {
    fraction = "," + digits.substr(dot + 1);
    digits.resize(dot);
  }
  for (int pos = static_cast<int>(digits.size()) - 3; pos > 0; pos -= 3)
    digits.insert(static_cast<size_t>(pos), ".");
  return (value < 0 && std::round(std::abs(value) * std::pow(10, decimals)) != 0 ? "-" : "") + digits +
         fraction;
}

FlowItem figureItem(std::function<void(Canvas&, const Rect&)> drawing, double height,
                    const std::vector<TextRun>& caption, const FontSet& fonts, const LineBreaker& breaker,
                    double left, double width) {
  ParagraphStyle style;
  style.size = 9.5;
  style.leading = 12;
  style.align = Align::Center;
  style.leftIndent = style.rightIndent = width * 0.08;
  auto lines = breakParagraph(caption, style, breaker, width);
  FlowItem item;
  item.floating = true;
  item.spaceBefore = kFigureSpace;
  item.height = height + kCaptionGap + static_cast<double>(lines->size()) * style.leading + kFigureSpace;
  item.draw = [drawing = std::move(drawing), lines, style, &fonts, left, width, height](Canvas& canvas,
                                                                                        double top) {
    drawing(canvas, {left, top, width, height});
    canvas.setFill(kInk);
    double baseline = top + height + kCaptionGap + style.size;
    for (const Line& line : *lines) {
      canvas.line(line, fonts, style.size, left + style.leftIndent, baseline,
                  width - style.leftIndent - style.rightIndent, style.align);
      baseline += style.leading;
    }
  };
  return item;
}

FlowItem barChartFigure(const BarChart& chart, const std::vector<TextRun>& caption, const FontSet& fonts,
                        const LineBreaker& breaker, double left, double width) {
  if (chart.values.empty() || chart.values.size() != chart.labels.size())
    throw std::invalid_argument("a bar chart needs as many labels as values, at least one");
  const double drawingWidth = std::min(width, 400.0);
  const double slot = (drawingWidth - 34) / static_cast<double>(chart.values.size());
  auto labels = breakLabels(chart.labels, breaker, FontStyle::Regular, slot - 4);
  for (Lines& l : labels) l.resize(std::min<size_t>(l.size(), 2));  // two rows are reserved
  const double x = left + (width - drawingWidth) / 2;
  return figureItem(
      [chart, labels, &fonts, x, drawingWidth](Canvas& canvas, const Rect& area) {
        drawBars(canvas, fonts, chart, labels, {x, area.y, drawingWidth, area.height});
      },
      190, caption, fonts, breaker, left, width);
}

FlowItem boxDiagramFigure(const BoxDiagram& diagram, const std::vector<TextRun>& caption,
                          const FontSet& fonts, const LineBreaker& breaker, double left, double width) {
  if (diagram.boxes.empty()) throw std::invalid_argument("a box diagram needs at least one box");
  const double n = static_cast<double>(diagram.boxes.size());
  const double gap = diagram.vertical ? 16 : 20;
  const double boxWidth = diagram.vertical ? width * 0.55 : (width - (n - 1) * gap) / n;
  auto labels = breakLabels(diagram.boxes, breaker, FontStyle::Regular, boxWidth - 8);
  size_t rows = 1;
  for (const Lines& l : labels) rows = std::max(rows, l.size());
  const double boxHeight = static_cast<double>(rows) * kLabelLeading + 14;
  const double height = diagram.vertical ? n * boxHeight + (n - 1) * gap : boxHeight + 8;
  return figureItem(
      [diagram, labels, &fonts, boxWidth, boxHeight, gap](Canvas& canvas, const Rect& area) {
        drawBoxes(canvas, fonts, diagram, labels, area, boxWidth, boxHeight, gap);
      },
      height, caption, fonts, breaker, left, width);
}

}  // namespace confpress::pdf
