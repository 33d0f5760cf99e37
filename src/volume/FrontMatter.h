#pragma once
// The typeset parts of a volume other than the papers, as flow items for src/pdf/: title page, imprint
// page, preface (Markdown), committees, table of contents and author index. Entries of the contents and
// the index record where they were drawn (LinkSpot) so the assembler can make them links. Every part
// starts on a page of its own. Not thread-safe (shares the document's fonts and line breaker).
#include <string>
#include <vector>

#include "pdf/Document.h"
#include "pdf/Flow.h"
#include "volume/PaperSet.h"
#include "volume/VolumePlan.h"
#include "volume/VolumeSpec.h"
#include "volume/Wording.h"

namespace confpress::volume {

/// A clickable area on a typeset page leading to an arabic page of the volume.
struct LinkSpot {
  int page = 0;    // index of the typeset page (in the typeset document)
  pdf::Rect area;  // layout coordinates (points from the top-left corner)
  int target = 0;  // arabic page number
};

/// What every part needs to set its items.
struct PartContext {
  pdf::Document& doc;
  const pdf::LineBreaker& breaker;
  const Wording& words;
  std::vector<LinkSpot>& links;  // filled while the items are drawn

  double left() const { return doc.geometry().content().x; }
  double width() const { return doc.geometry().content().width; }
};

std::vector<pdf::FlowItem> titlePage(const PartContext& ctx, const VolumeMetadata& m);
std::vector<pdf::FlowItem> imprintPage(const PartContext& ctx, const VolumeMetadata& m);
/// Empty when the volume has no preface.
std::vector<pdf::FlowItem> prefacePages(const PartContext& ctx, const FrontMatter& front);
/// Empty when the volume lists no committee.
std::vector<pdf::FlowItem> committeePages(const PartContext& ctx, const FrontMatter& front);
/// Sections in order, each paper with its title (wrapped), authors, dot leaders and first page.
std::vector<pdf::FlowItem> contentsPages(const PartContext& ctx, const std::vector<OpenPaper>& papers,
                                         const VolumePlan& plan);
/// "Family, Given … 3, 17", sorted with ICU's Vietnamese collation; every number a link.
std::vector<pdf::FlowItem> authorIndexPages(const PartContext& ctx, const std::vector<OpenPaper>& papers,
                                            const VolumePlan& plan);

}  // namespace confpress::volume
