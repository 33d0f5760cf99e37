#pragma once
// What is stamped on each page of a paper in the volume (and in its own papers/NNN-slug.pdf): the
// running head (or, on the first page, the citation line "Kỷ yếu …, tr. X–Y") and the folio, each
// already encoded for the volume's embedded font, measured, and placed relative to the page's visible
// frame. Encoding marks the glyphs for the font subset, so stamps are made before the typeset
// front matter is written. Not thread-safe (it uses the document's fonts).
#include <string>
#include <vector>

#include "pdf/Font.h"
#include "volume/PaperSet.h"
#include "volume/VolumePlan.h"
#include "volume/VolumeSpec.h"
#include "volume/VolumeStyle.h"
#include "volume/Wording.h"

namespace confpress::volume {

struct StampText {
  pdf::FontStyle style = pdf::FontStyle::Regular;  // Regular or Italic
  double size = 8;
  std::string encoded;  // hexadecimal PDF string for the font
  double width = 0;     // advance width at `size`
  bool top = false;     // offset from the top edge of the visible page, else from the bottom
  double offset = 0;
};

using PageStamps = std::vector<StampText>;

class StampSetter {
 public:
  StampSetter(const VolumeStyle& style, const Wording& words, const VolumeMetadata& metadata,
              const pdf::FontSet& fonts)
      : style_(style), words_(words), metadata_(metadata), fonts_(fonts) {}

  /// One PageStamps per page of `paper`, numbered as `pages` says.
  std::vector<PageStamps> forPaper(const OpenPaper& paper, const PaperPages& pages) const;

  /// "Nguyễn Văn A", "A và B", "A và cs." (en: "A and B", "A et al.").
  std::string authorsShort(const Paper& paper) const;

 private:
  StampText line(const StampLine& format, pdf::FontStyle style, const std::string& text,
                 double maxWidth) const;
  std::string fill(const std::string& format, const Paper& paper, int page, const PaperPages& pages) const;

  const VolumeStyle& style_;
  const Wording& words_;
  const VolumeMetadata& metadata_;
  const pdf::FontSet& fonts_;
};

/// The content-stream operators that draw `stamps` upright on a page with `frame`, for fonts named
/// `regularName` and `italicName` in the page's resources (without the q/Q around them).
std::string stampOperators(const PageStamps& stamps, const PageFrame& frame, const std::string& regularName,
                           const std::string& italicName);

}  // namespace confpress::volume
