#pragma once
// The volume's metadata exports, built from the same numbers as the PDF: volume.bib (@proceedings and
// one @inproceedings per paper), crossref.xml (a Crossref deposit, schema 5.3.1: conference,
// proceedings_metadata, conference_paper with contributors, pages and doi_data) and toc.csv.
// Pure functions of their input; thread-safe.
#include <string>
#include <vector>

#include "volume/VolumeSpec.h"

namespace confpress::volume {

/// A paper as the volume placed it.
struct PlacedPaper {
  const Paper* paper = nullptr;
  std::string section;
  int first = 0, last = 0;  // arabic pages
  std::string file;         // "papers/007-slug.pdf"
  std::string doi;          // full DOI, or empty when the volume has no DOI prefix
};

/// The paper's DOI: the volume's prefix with the paper's suffix, or, when the paper has none, the
/// volume's suffix (or "vol") followed by ".NNN" (its position). Empty without a prefix.
std::string paperDoi(const VolumeMetadata& m, const Paper& paper, size_t index);

std::string volumeBibtex(const VolumeMetadata& m, const std::vector<PlacedPaper>& papers);

/// `timestamp` is yyyymmddhhmmss (UTC). Throws ValidationError when the volume has no DOI prefix or no
/// depositor (Crossref requires both).
std::string crossrefXml(const VolumeMetadata& m, const std::vector<PlacedPaper>& papers,
                        const std::string& timestamp);

/// number,section,title,authors,first_page,last_page,doi,file with a header (RFC 4180 quoting).
std::string tocCsv(const std::vector<PlacedPaper>& papers);

}  // namespace confpress::volume
