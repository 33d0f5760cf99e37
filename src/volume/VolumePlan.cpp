// Arabic numbering of papers and the author index.
#include "volume/VolumePlan.h"

namespace confpress::volume {

VolumePlan VolumePlan::number(const std::vector<int>& paperPageCounts, bool oddStarts) {
  VolumePlan plan;
  int next = 1;
  for (int pages : paperPageCounts) {
    PaperPages p;
    p.blankBefore = oddStarts && next % 2 == 0;
    if (p.blankBefore) ++next;
    p.first = next;
    p.last = next + pages - 1;
    next = p.last + 1;
    plan.papers.push_back(p);
  }
  plan.blankBeforeIndex = oddStarts && next % 2 == 0;
  plan.indexFirst = next + (plan.blankBeforeIndex ? 1 : 0);
  return plan;
}

void VolumePlan::setFrontPages(int count, bool oddStarts) {
  frontPages = count;
  padFront = oddStarts && count % 2 == 1;
}

}  // namespace confpress::volume
