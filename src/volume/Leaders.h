#pragma once
// Dot leaders for the contents and the index: dots on a fixed grid (so they line up from entry to
// entry) between two x positions on a baseline. Private to src/volume/.
#include "pdf/Canvas.h"

namespace confpress::volume {

void drawLeaders(pdf::Canvas& canvas, const pdf::Font& font, double size, double from, double to,
                 double baseline);

}  // namespace confpress::volume
