// Generating the PDFs of the sample manifest.
#include "sample/SampleVolume.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "sample/InternalLinks.h"
#include "sample/PaperPdf.h"

namespace confpress::sample {

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void writeFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// The papers the manifest names, by their number in papers.json (pdf="papers/07.pdf").
std::set<int> namedPapers(const std::string& manifest) {
  std::set<int> numbers;
  static const std::regex kPdf("pdf=\"papers/([0-9]+)\\.pdf\"");
  for (auto it = std::sregex_iterator(manifest.begin(), manifest.end(), kPdf); it != std::sregex_iterator();
       ++it)
    numbers.insert(std::stoi((*it)[1].str()));
  return numbers;
}

constexpr int kWithLinks[] = {1, 3};  // papers given internal links and named destinations

}  // namespace

SampleVolumeSummary writeSampleVolume(const std::string& samplesDir, const std::string& outDir,
                                      int maxPages) {
  const fs::path source = fs::path(samplesDir) / "manifest";
  const fs::path out(outDir);
  fs::create_directories(out / "papers");
  const std::string manifest = readFile(source / "volume.xml");
  writeFile(out / "volume.xml", manifest);
  writeFile(out / "preface.md", readFile(source / "preface.md"));
  const std::set<int> wanted = namedPapers(manifest);
  SampleVolumeSummary summary;
  for (const SamplePaper& paper :
       readSamplePapers((fs::path(samplesDir) / "binhduong" / "papers.json").string())) {
    if (!wanted.count(paper.number)) continue;
    PaperPdfOptions options = paper.options();
    options.defects.clear();  // camera-ready versions: the preflight findings were fixed
    std::string pdf;
    if (maxPages > 0 && options.targetPages > maxPages) {
      options.targetPages = maxPages;
      try {
        pdf = renderPaperPdf(paper.content, options);
      } catch (const std::invalid_argument&) {
        options.targetPages = paper.targetPages;  // its own text needs more pages
      }
    }
    if (pdf.empty()) pdf = renderPaperPdf(paper.content, options);
    for (int n : kWithLinks)
      if (n == paper.number) pdf = addInternalLinks(pdf);
    char name[32];
    std::snprintf(name, sizeof name, "%02d.pdf", paper.number);
    writeFile(out / "papers" / name, pdf);
    ++summary.papers;
    summary.pages += options.targetPages;
  }
  return summary;
}

}  // namespace confpress::sample
