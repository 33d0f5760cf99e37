#pragma once
// Copies one paper into a TargetPdf with its links intact and stamps its pages. qpdf's page copy turns
// references to pages not yet copied into nulls, which is why plain merges lose links: here the pages
// are copied first without their annotations, then the annotations (whose explicit destinations now
// find every page of the paper), then the paper's named destinations — from /Dests and the /Names tree —
// under names prefixed per paper ("p007:page.1") with the links that use them renamed to match.
// Finally each page's content is wrapped in q … Q and the stamp is drawn after it, upright in the
// page's visible frame. The source document is left as it was. Not thread-safe.
#include <string>
#include <vector>

#include "volume/PaperSet.h"
#include "volume/Stamps.h"
#include "volume/TargetPdf.h"

namespace confpress::volume {

/// Appends `paper`'s pages to `target` and returns them. `stamps` has one entry per page; `prefix` is
/// put before every destination name ("" keeps the names). Throws std::runtime_error with qpdf's reason.
std::vector<QPDFObjectHandle> importPaper(TargetPdf& target, OpenPaper& paper,
                                          const std::vector<PageStamps>& stamps, const std::string& prefix);

}  // namespace confpress::volume
