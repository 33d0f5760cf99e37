#pragma once
// Where everything falls in the volume. Papers are numbered in arabic from 1, so their numbers depend
// only on the papers' page counts (and blank pages before odd starts), never on how long the front
// matter turns out: the table of contents can be typeset once, with its final numbers. Physical page
// indices (0-based, in volume.pdf) follow once the front matter's length is known. Plain values.
#include <vector>

namespace confpress::volume {

struct PaperPages {
  int first = 0;  // arabic page number of the paper's first page
  int last = 0;
  bool blankBefore = false;  // a blank page precedes it so it starts on an odd page
};

struct VolumePlan {
  std::vector<PaperPages> papers;  // in volume order
  bool blankBeforeIndex = false;
  int indexFirst = 0;  // arabic number of the author index's first page

  int frontPages = 0;     // typeset front matter pages (roman)
  bool padFront = false;  // a blank page after them so arabic page 1 is a right-hand page

  /// Numbers the papers from their page counts; odd starts insert blank pages.
  static VolumePlan number(const std::vector<int>& paperPageCounts, bool oddStarts);
  /// Fixes the front matter's length; pads it to an even count when papers start on odd pages.
  void setFrontPages(int count, bool oddStarts);

  /// Pages before arabic page 1 (front matter and its padding).
  int romanPages() const { return frontPages + (padFront ? 1 : 0); }
  /// volume.pdf page index of arabic page `n`.
  int physical(int arabic) const { return romanPages() + arabic - 1; }
};

}  // namespace confpress::volume
