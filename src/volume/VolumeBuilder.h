#pragma once
// The whole build of a proceedings volume from a VolumeSpec (whatever filled it): open and check the
// papers, number the pages, typeset the front matter, contents and index, assemble volume.pdf and the
// per-paper files, write volume.bib, crossref.xml and toc.csv — all staged and moved into the output
// folder only when complete. The public face of src/volume/ together with ManifestReader. Not
// thread-safe; separate builds into separate folders are independent.
#include <string>
#include <vector>

#include "volume/PaperSet.h"
#include "volume/VolumeSpec.h"
#include "volume/VolumeStyle.h"

namespace confpress::volume {

struct BuildOptions {
  std::string outDir;             // required
  VolumeStyle style;              // default: VolumeStyle{} (templates/volume/default.xml says the same)
  bool skipBroken = false;        // leave out papers that cannot be used, and list them
  std::string crossrefSchemaDir;  // non-empty: validate crossref.xml against crossref5.3.1.xsd there
};

struct BuildReport {
  int pages = 0;                     // of volume.pdf
  size_t papers = 0;                 // papers in the volume
  std::vector<BrokenPaper> skipped;  // left out with --skip-broken
  bool crossref = false;             // crossref.xml written (needs a DOI prefix and a depositor)
  double seconds = 0;
};

/// Builds the volume into options.outDir. Throws BrokenPaperError (a paper cannot be used and
/// skipBroken is off), ValidationError (crossref.xml does not validate) or std::runtime_error.
BuildReport buildVolume(const VolumeSpec& spec, const BuildOptions& options);

}  // namespace confpress::volume
