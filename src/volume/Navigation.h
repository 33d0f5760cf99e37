#pragma once
// The volume's navigation in qpdf objects: outlines (sections → papers, then the author index), page
// labels (roman front matter, arabic from the first paper), and link annotations on the typeset pages.
// Not thread-safe.
#include <qpdf/QPDFObjectHandle.hh>

#include <string>
#include <vector>

#include "volume/TargetPdf.h"

namespace confpress::volume {

struct OutlineEntry {
  std::string title;
  QPDFObjectHandle page;
  std::vector<OutlineEntry> children;  // shown open
};

/// Sets /Root /Outlines to `entries` (each with its children, all open) and opens the outline pane.
void writeOutlines(TargetPdf& target, const std::vector<OutlineEntry>& entries);

/// /PageLabels: lower-case roman for the first `romanPages` pages, then arabic from 1.
void writeVolumePageLabels(TargetPdf& target, int romanPages);

/// /PageLabels of a single paper: arabic from `first`.
void writePaperPageLabels(TargetPdf& target, int first);

/// Adds a link annotation over `rect` (PDF coordinates llx, lly, urx, ury) on `page` to the top of `target`.
void addLink(QPDF& pdf, QPDFObjectHandle page, const QPDFObjectHandle::Rectangle& rect,
             QPDFObjectHandle target);

}  // namespace confpress::volume
