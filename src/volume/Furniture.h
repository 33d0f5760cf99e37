#pragma once
// Typesets, in one PoDoFo document with one embedded subset font family, everything in the volume that
// is not a paper: front matter (title, imprint, preface, committees, contents; roman folios) and the
// author index (arabic folios), and prepares the papers' stamps in the same fonts, so the volume
// carries each font once. The assembler copies these pages and fonts into volume.pdf with qpdf.
// Not thread-safe.
#include <string>
#include <vector>

#include "volume/FrontMatter.h"
#include "volume/PaperSet.h"
#include "volume/Stamps.h"
#include "volume/VolumePlan.h"
#include "volume/VolumeSpec.h"
#include "volume/VolumeStyle.h"

namespace confpress::volume {

struct TypesetFurniture {
  std::string pdf;  // the typeset pages: front matter first, then the author index
  int frontPages = 0;
  int indexPages = 0;
  double pageHeight = 0;
  std::vector<LinkSpot> links;  // on the typeset pages
  unsigned regularFont = 0;     // object numbers of the fonts in `pdf`, for the stamps
  unsigned italicFont = 0;
  std::vector<std::vector<PageStamps>> stamps;  // per paper, per page
};

/// Typesets the volume's own pages for `papers` numbered by `plan`, and fixes the front matter's
/// length in `plan`. Throws std::runtime_error when fonts cannot be loaded or PoDoFo fails.
TypesetFurniture typesetFurniture(const VolumeSpec& spec, const VolumeStyle& style,
                                  const std::vector<OpenPaper>& papers, VolumePlan& plan);

/// Lower-case roman numeral of n ≥ 1 ("iv").
std::string roman(int n);

}  // namespace confpress::volume
