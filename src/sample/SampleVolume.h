#pragma once
// The sample proceedings volume as an editor would receive it: samples/manifest/volume.xml, its
// preface and the camera-ready PDFs it names (papers/NN.pdf), generated from the sample workshop's
// papers (samples/binhduong/papers.json) so the repository carries no binaries. Two papers get
// LaTeX-style internal links and named destinations. Call from one thread at a time (PoDoFo).
#include <string>

namespace confpress::sample {

struct SampleVolumeSummary {
  int papers = 0;
  int pages = 0;
};

/// Copies volume.xml and preface.md from `samplesDir`/manifest into `outDir` and writes the PDFs into
/// `outDir`/papers. `maxPages` > 0 sets papers on at most that many pages where their text allows
/// (faster, for tests). Throws std::runtime_error naming a file that cannot be read or written.
SampleVolumeSummary writeSampleVolume(const std::string& samplesDir, const std::string& outDir,
                                      int maxPages = 0);

}  // namespace confpress::sample
