// Dot leaders: " ." pairs on a grid of their own width, so the dots line up from entry to entry.
#include "volume/Leaders.h"

#include <cmath>

namespace confpress::volume {

void drawLeaders(pdf::Canvas& canvas, const pdf::Font& font, double size, double from, double to,
                 double baseline) {
  const double pair = font.width(" .", size) * 1.6;  // wider than a space and a dot: airy leaders
  const double dot = font.width(".", size);
  if (pair <= 0) return;
  const double start = std::ceil((from + 2) / pair) * pair;
  const int count = static_cast<int>(std::floor((to - 4 - start) / pair));
  if (count <= 0) return;
  // One dot per grid position, right-aligned in its cell, so leaders of all entries line up.
  for (int i = 0; i < count; ++i) canvas.text(start + i * pair + (pair - dot), baseline, ".", font, size);
}

}  // namespace confpress::volume
