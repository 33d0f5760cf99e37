#pragma once
// The papers' PDF files opened with qpdf, in volume order, before anything is typeset: every file must
// exist, parse, be unencrypted and have pages. For each page it records what the stamps need (the
// visible size after /CropBox and /Rotate). A paper that fails is named with the reason; with
// skipBroken it is left out and listed instead. The QPDF objects stay open until the volume is
// written (copied pages read their streams from them). Not thread-safe.
#include <memory>
#include <string>
#include <vector>

#include "volume/VolumeSpec.h"

class QPDF;
class QPDFObjectHandle;

namespace confpress::volume {

/// The visible frame of a page: its crop box in user space and the rotation a viewer applies.
struct PageFrame {
  double llx = 0, lly = 0, urx = 595, ury = 842;
  int rotate = 0;  // 0, 90, 180 or 270

  double visibleWidth() const { return rotate % 180 == 0 ? urx - llx : ury - lly; }
  double visibleHeight() const { return rotate % 180 == 0 ? ury - lly : urx - llx; }
};

struct OpenPaper {
  const Paper* paper = nullptr;  // in the VolumeSpec, which outlives the set
  std::string sectionTitle;
  std::shared_ptr<QPDF> pdf;
  std::vector<PageFrame> frames;  // one per page

  int pages() const { return static_cast<int>(frames.size()); }
};

struct BrokenPaper {
  std::string origin;  // "volume.xml:57"
  std::string title;
  std::string reason;

  /// "volume.xml:57: paper "Title": the PDF is encrypted …"
  std::string message() const;
};

/// Thrown when a paper cannot go into the volume and skipping was not asked for.
class BrokenPaperError : public std::runtime_error {
 public:
  explicit BrokenPaperError(BrokenPaper paper)
      : std::runtime_error(paper.message()), paper_(std::move(paper)) {}
  const BrokenPaper& paper() const { return paper_; }

 private:
  BrokenPaper paper_;
};

class PaperSet {
 public:
  /// Opens every paper of `spec` except those whose pdfPath is in `excluded`. Throws BrokenPaperError
  /// for the first paper that fails unless `skipBroken`.
  PaperSet(const VolumeSpec& spec, bool skipBroken, const std::vector<std::string>& excluded = {});

  std::vector<OpenPaper>& papers() { return papers_; }
  const std::vector<OpenPaper>& papers() const { return papers_; }
  const std::vector<BrokenPaper>& skipped() const { return skipped_; }

 private:
  std::vector<OpenPaper> papers_;
  std::vector<BrokenPaper> skipped_;
};

/// The frame of a qpdf page object (inherited /CropBox, /MediaBox and /Rotate resolved).
PageFrame frameOf(QPDFObjectHandle page);

}  // namespace confpress::volume
