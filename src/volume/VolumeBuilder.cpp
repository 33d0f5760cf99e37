// Orchestration of a volume build, retried without a paper that fails part-way under --skip-broken.
#include "volume/VolumeBuilder.h"

#include <libxml/catalog.h>

#include <chrono>
#include <ctime>

#include "core/Errors.h"
#include "volume/Exports.h"
#include "volume/Furniture.h"
#include "volume/StagingDir.h"
#include "volume/VolumeAssembler.h"
#include "volume/XmlFile.h"

namespace confpress::volume {

namespace {

std::string utcTimestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char out[16];
  std::strftime(out, sizeof out, "%Y%m%d%H%M%S", &tm);
  return out;
}

std::vector<PlacedPaper> placed(const VolumeMetadata& m, const std::vector<OpenPaper>& papers,
                                const VolumePlan& plan) {
  std::vector<PlacedPaper> out;
  for (size_t i = 0; i < papers.size(); ++i)
    out.push_back({papers[i].paper, papers[i].sectionTitle, plan.papers[i].first, plan.papers[i].last,
                   "papers/" + paperFileName(i, *papers[i].paper), paperDoi(m, *papers[i].paper, i)});
  return out;
}

void validateCrossref(const std::string& xml, const std::string& schemaDir) {
  const std::string catalog = schemaDir + "/catalog.xml";
  xmlLoadCatalog(catalog.c_str());
  const XmlSchema schema(schemaDir + "/crossref5.3.1.xsd");
  schema.validate(XmlDocument::fromText(xml, "crossref.xml"));
}

// One attempt; throws BrokenPaperError when a paper fails while being copied.
BuildReport attempt(const VolumeSpec& spec, const BuildOptions& options,
                    const std::vector<std::string>& excluded) {
  PaperSet set(spec, options.skipBroken, excluded);
  if (set.papers().empty()) {
    std::string reasons;
    for (const BrokenPaper& b : set.skipped()) reasons += "\n  " + b.message();
    throw ValidationError("papers", "no_papers", "no paper can go into the volume" + reasons);
  }
  std::vector<int> counts;
  for (const OpenPaper& p : set.papers()) counts.push_back(p.pages());
  VolumePlan plan = VolumePlan::number(counts, options.style.oddPageStarts);
  const TypesetFurniture furniture = typesetFurniture(spec, options.style, set.papers(), plan);

  StagingDir staging(options.outDir);
  assembleVolume(spec, set.papers(), furniture, plan, staging.path());
  const std::vector<PlacedPaper> papers = placed(spec.metadata, set.papers(), plan);
  staging.writeFile("volume.bib", volumeBibtex(spec.metadata, papers));
  staging.writeFile("toc.csv", tocCsv(papers));
  BuildReport report;
  report.crossref = !spec.metadata.doiPrefix.empty() && !spec.metadata.depositorEmail.empty();
  if (report.crossref) {
    const std::string xml = crossrefXml(spec.metadata, papers, utcTimestamp());
    if (!options.crossrefSchemaDir.empty()) validateCrossref(xml, options.crossrefSchemaDir);
    staging.writeFile("crossref.xml", xml);
  }
  staging.commit();
  report.papers = papers.size();
  report.skipped = set.skipped();
  report.pages = plan.physical(plan.indexFirst) + furniture.indexPages;
  return report;
}

}  // namespace

BuildReport buildVolume(const VolumeSpec& spec, const BuildOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::string> excluded;
  std::vector<BrokenPaper> failedLate;
  for (;;) {
    try {
      BuildReport report = attempt(spec, options, excluded);
      report.skipped.insert(report.skipped.end(), failedLate.begin(), failedLate.end());
      report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      return report;
    } catch (const BrokenPaperError& e) {
      if (!options.skipBroken) throw;
      // A paper that opened but failed while being copied: build again without it.
      const size_t before = excluded.size();
      for (const Section& s : spec.sections)
        for (const Paper& p : s.papers)
          if (p.origin == e.paper().origin) excluded.push_back(p.pdfPath);
      if (excluded.size() == before) throw;
      failedLate.push_back(e.paper());
    }
  }
}

}  // namespace confpress::volume
