// The qpdf pass that makes volume.pdf and the per-paper files.
#include "volume/VolumeAssembler.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <cstdio>

#include "volume/Navigation.h"
#include "volume/PaperImport.h"
#include "volume/TargetPdf.h"

namespace confpress::volume {

namespace {

std::string authorsOf(const Paper& paper) {
  std::string out;
  for (const Author& a : paper.authors) out += (out.empty() ? "" : ", ") + a.name.display();
  return out;
}

std::string editorsOf(const VolumeMetadata& m) {
  std::string out;
  for (const PersonName& e : m.editors) out += (out.empty() ? "" : ", ") + e.display();
  return out;
}

class Assembler {
 public:
  Assembler(const VolumeSpec& spec, std::vector<OpenPaper>& papers, const TypesetFurniture& furniture,
            const VolumePlan& plan, const std::string& dir)
      : spec_(spec), papers_(papers), furniture_(furniture), plan_(plan), dir_(dir) {
    furniturePdf_.setSuppressWarnings(true);
    furniturePdf_.processMemoryFile("typeset front matter", furniture.pdf.data(), furniture.pdf.size());
    for (const QPDFPageObjectHelper& p : QPDFPageDocumentHelper(furniturePdf_).getAllPages())
      typeset_.push_back(p.getObjectHandle());
  }

  void run() {
    TargetPdf volume(furniturePdf_, furniture_.regularFont, furniture_.italicFont);
    const auto [width, height] = typesetPageSize();
    for (int i = 0; i < furniture_.frontPages; ++i) volume.addPage(typeset_[static_cast<size_t>(i)]);
    if (plan_.padFront) volume.addBlankPage(width, height);
    std::vector<QPDFObjectHandle> firstPages;
    for (size_t i = 0; i < papers_.size(); ++i) {
      if (plan_.papers[i].blankBefore) volume.addBlankPage(width, height);
      writePaperFile(i);
      char prefix[32];
      std::snprintf(prefix, sizeof prefix, "p%03zu:", i + 1);
      try {
        firstPages.push_back(importPaper(volume, papers_[i], furniture_.stamps[i], prefix).front());
      } catch (const std::exception& e) {
        fail(i, e.what());
      }
    }
    if (plan_.blankBeforeIndex) volume.addBlankPage(width, height);
    for (int k = 0; k < furniture_.indexPages; ++k)
      volume.addPage(typeset_[static_cast<size_t>(furniture_.frontPages + k)]);
    addLinks(volume);
    writeOutlines(volume, outline(firstPages, volume));
    writeVolumePageLabels(volume, plan_.romanPages());
    volume.writeDestinations();
    volume.setInfo(
        spec_.metadata.title + (spec_.metadata.subtitle.empty() ? "" : ": " + spec_.metadata.subtitle),
        editorsOf(spec_.metadata), spec_.metadata.conferenceName);
    volume.pdf().getRoot().replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(spec_.metadata.language));
    volume.write(dir_ + "/volume.pdf");
  }

 private:
  std::pair<double, double> typesetPageSize() {
    QPDFObjectHandle box = typeset_.front().getKey("/MediaBox");
    const auto r = box.getArrayAsRectangle();
    return {r.urx - r.llx, r.ury - r.lly};
  }

  [[noreturn]] void fail(size_t i, const std::string& reason) const {
    const Paper& p = *papers_[i].paper;
    throw BrokenPaperError({p.origin, p.title, "the PDF fails while being copied (" + reason + ")"});
  }

  // The paper's own file, stamped as in the volume. Writing it reads all of the paper's data.
  void writePaperFile(size_t i) {
    const Paper& paper = *papers_[i].paper;
    try {
      TargetPdf single(furniturePdf_, furniture_.regularFont, furniture_.italicFont);
      importPaper(single, papers_[i], furniture_.stamps[i], "");
      writePaperPageLabels(single, plan_.papers[i].first);
      single.writeDestinations();
      single.setInfo(paper.title, authorsOf(paper), spec_.metadata.title);
      single.write(dir_ + "/papers/" + paperFileName(i, paper));
    } catch (const BrokenPaperError&) {
      throw;
    } catch (const std::exception& e) {
      fail(i, e.what());
    }
  }

  QPDFObjectHandle page(TargetPdf& volume, int physical) {
    return volume.pages().at(static_cast<size_t>(physical));
  }

  void addLinks(TargetPdf& volume) {
    const int indexPhysical = plan_.physical(plan_.indexFirst);
    for (const LinkSpot& spot : furniture_.links) {
      const int physical =
          spot.page < furniture_.frontPages ? spot.page : indexPhysical + spot.page - furniture_.frontPages;
      const double h = furniture_.pageHeight;
      addLink(volume.pdf(), page(volume, physical),
              {spot.area.x, h - spot.area.bottom(), spot.area.right(), h - spot.area.y},
              page(volume, plan_.physical(spot.target)));
    }
  }

  std::vector<OutlineEntry> outline(const std::vector<QPDFObjectHandle>& firstPages, TargetPdf& volume) {
    std::vector<OutlineEntry> entries;
    for (size_t i = 0; i < papers_.size(); ++i) {
      if (i == 0 || papers_[i].sectionTitle != papers_[i - 1].sectionTitle)
        entries.push_back({papers_[i].sectionTitle, firstPages[i], {}});
      entries.back().children.push_back({papers_[i].paper->title, firstPages[i], {}});
    }
    if (furniture_.indexPages > 0)
      entries.push_back({Wording::forLanguage(spec_.metadata.language).authorIndex,
                         page(volume, plan_.physical(plan_.indexFirst)),
                         {}});
    return entries;
  }

  const VolumeSpec& spec_;
  std::vector<OpenPaper>& papers_;
  const TypesetFurniture& furniture_;
  const VolumePlan& plan_;
  std::string dir_;
  QPDF furniturePdf_;
  std::vector<QPDFObjectHandle> typeset_;
};

}  // namespace

std::string paperFileName(size_t index, const Paper& paper) {
  char number[32];
  std::snprintf(number, sizeof number, "%03zu", index + 1);
  return std::string(number) + "-" + paper.slug + ".pdf";
}

void assembleVolume(const VolumeSpec& spec, std::vector<OpenPaper>& papers, const TypesetFurniture& furniture,
                    const VolumePlan& plan, const std::string& dir) {
  Assembler(spec, papers, furniture, plan, dir).run();
}

}  // namespace confpress::volume
