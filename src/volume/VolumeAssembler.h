#pragma once
// Writes volume.pdf and papers/NNN-slug.pdf with qpdf in one pass over the papers: the typeset front
// matter, blank pages where papers must start on odd pages, each paper copied with its links and
// stamps (its own file first, which reads every byte of it, so a paper that fails part-way is named),
// the author index, then the links of the contents and index, outlines, page labels, the papers'
// renamed destinations and Unicode document info. Time is linear in the number of pages. Not
// thread-safe.
#include <string>

#include "volume/Furniture.h"
#include "volume/PaperSet.h"
#include "volume/VolumePlan.h"
#include "volume/VolumeSpec.h"

namespace confpress::volume {

/// "007-slug.pdf" for the paper at 0-based position `index` in the volume.
std::string paperFileName(size_t index, const Paper& paper);

/// Writes `dir`/volume.pdf and `dir`/papers/*.pdf (the folder `dir`/papers must exist). Throws
/// BrokenPaperError naming a paper that cannot be copied, std::runtime_error for anything else.
void assembleVolume(const VolumeSpec& spec, std::vector<OpenPaper>& papers, const TypesetFurniture& furniture,
                    const VolumePlan& plan, const std::string& dir);

}  // namespace confpress::volume
