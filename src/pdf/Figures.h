#pragma once
// Simple vector figures set as flow items: a bar chart, a diagram of boxes joined by arrows, each with
// a caption below it. Labels are wrapped with the LineBreaker when the figure is built, so the flow
// item carries everything it draws and can be laid out many times.
#include <string>
#include <vector>

#include "pdf/Flow.h"

namespace confpress::pdf {

struct BarChart {
  std::vector<std::string> labels;  // one per bar, below it
  std::vector<double> values;       // same count as labels, ≥ 0
  std::string unit;                 // printed after each value ("%"); empty for none
  int decimals = 0;                 // digits after the decimal comma in the value labels
  double axisMax = 0;               // top of the value axis (5 for a 5-point scale); 0: a round
                                    // number above the largest value
};

struct BoxDiagram {
  std::vector<std::string> boxes;  // in order, each joined to the next by an arrow
  bool vertical = false;           // stacked top to bottom (layers) instead of left to right (steps)
};

/// Vietnamese number formatting: decimal comma, dot thousands separator ("1.234,5").
std::string formatNumber(double value, int decimals);

/// A figure `width` wide at `left`: `drawing` fills a box `height` high, the caption is set centred
/// below it. The item floats (it may move to the next page while text fills this one).
FlowItem figureItem(std::function<void(Canvas&, const Rect&)> drawing, double height,
                    const std::vector<TextRun>& caption, const FontSet& fonts, const LineBreaker& breaker,
                    double left, double width);

/// A bar chart figure. Throws std::invalid_argument when labels and values differ in count or are empty.
FlowItem barChartFigure(const BarChart& chart, const std::vector<TextRun>& caption, const FontSet& fonts,
                        const LineBreaker& breaker, double left, double width);

/// A box diagram figure. Throws std::invalid_argument when there are no boxes.
FlowItem boxDiagramFigure(const BoxDiagram& diagram, const std::vector<TextRun>& caption,
                          const FontSet& fonts, const LineBreaker& breaker, double left, double width);

}  // namespace confpress::pdf
