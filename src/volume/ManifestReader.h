#pragma once
// Reads a volume manifest (volume.xml) into a VolumeSpec: libxml2 checks it against
// templates/volume/manifest.xsd (unknown or misplaced fields are errors with their line), then the
// reader checks what a schema cannot: the ISBN's check digit, ORCID checksums, a paper listed twice
// (same PDF or same title). PDF paths are resolved against the manifest's folder; whether the files
// open is checked later, paper by paper (see PaperSet), so --skip-broken can leave one out.
// Every problem is a ValidationError whose message starts with "file:line: ". Stateless.
#include <string>

#include "volume/VolumeSpec.h"

namespace confpress::volume {

/// The volume described by the manifest at `path`, validated against the XSD at `xsdPath`.
VolumeSpec readManifest(const std::string& path, const std::string& xsdPath);

/// An ASCII slug of `title`: lower case, diacritics removed (đ → d), words joined by hyphens, at most
/// about 60 characters, cut at a word boundary.
std::string slugOf(const std::string& title);

}  // namespace confpress::volume
