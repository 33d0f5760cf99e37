// Volume benchmark (issue 6). Generates N papers × P pages (default 600 × 10; every fifth paper with a
// raster image on each page, every third with LaTeX-style internal links and named destinations) and
// times, on the same files and in the same run: `qpdf --empty --pages … --` (a plain merge: no stamps,
// links lost) and `confpress build-volume` (the whole volume: front matter, stamps, links, outlines,
// per-paper files, exports). Prints wall time, CPU time and peak RSS of each and the ratios (targets
// ≤ 1.5× time, ≤ 2× RSS), then builds the 31-paper sample volume (target ≤ 1 s).
// Usage: confpress_bench_volume [--papers N] [--pages P] [--keep DIR]
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "sample/InternalLinks.h"
#include "sample/PaperPdf.h"
#include "support/TempDir.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Run {
  double wall = 0, cpu = 0;
  long maxRssKb = 0;
  int exitCode = -1;
};

// Runs a program (looked up in PATH) with its output thrown away; wall clock, CPU and peak RSS.
Run measure(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/tmp/confpress-bench-volume.err",
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const auto start = Clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot start " + args[0]);
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  Run run;
  run.wall = std::chrono::duration<double>(Clock::now() - start).count();
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.maxRssKb = usage.ru_maxrss;
  run.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
            static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  if (run.exitCode != 0) {
    std::ifstream err("/tmp/confpress-bench-volume.err");
    std::cerr << args[0] << " failed (" << run.exitCode << "): " << err.rdbuf() << '\n';
  }
  return run;
}

void writeFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A 480 × 360 RGB photograph stand-in (gradients and noise, ~200 KB compressed) drawn on every page.
std::string withImages(const std::string& bytes, unsigned seed) {
  QPDF pdf;
  pdf.processMemoryFile("paper.pdf", bytes.data(), bytes.size());
  const int w = 480, h = 360;
  std::string pixels(static_cast<size_t>(w * h * 3), '\0');
  unsigned state = seed * 2654435761u + 1;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      state = state * 1103515245u + 12345u;
      const size_t at = static_cast<size_t>((y * w + x) * 3);
      pixels[at] = static_cast<char>((x * 255 / w + (state >> 24) % 32) & 0xFF);
      pixels[at + 1] = static_cast<char>((y * 255 / h + (state >> 16) % 32) & 0xFF);
      pixels[at + 2] = static_cast<char>(((x + y) * 128 / (w + h) + (state >> 8) % 64) & 0xFF);
    }
  QPDFObjectHandle image = QPDFObjectHandle::newStream(&pdf, pixels);
  QPDFObjectHandle dict = image.getDict();
  dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
  dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Image"));
  dict.replaceKey("/Width", QPDFObjectHandle::newInteger(w));
  dict.replaceKey("/Height", QPDFObjectHandle::newInteger(h));
  dict.replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceRGB"));
  dict.replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(8));
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    QPDFObjectHandle resources = page.getAttribute("/Resources", true);
    if (!resources.getKey("/XObject").isDictionary())
      resources.replaceKey("/XObject", QPDFObjectHandle::newDictionary());
    resources.getKey("/XObject").replaceKey("/BenchImage", image);
    page.addPageContents(QPDFObjectHandle::newStream(&pdf, "\nq 160 0 0 120 380 700 cm /BenchImage Do Q\n"),
                         false);
  }
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setCompressStreams(true);
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// N paper files made from a few rendered sample papers, varied (images, links) so no two are alike.
std::vector<std::string> generate(const fs::path& dir, int papers, int pages) {
  const auto samples =
      confpress::sample::readSamplePapers(CONFPRESS_SOURCE_DIR "/samples/binhduong/papers.json");
  std::vector<std::string> bases;
  for (size_t i = 0; i < 12 && i < samples.size(); ++i) {
    auto options = samples[i].options();
    options.targetPages = pages;
    options.defects.clear();
    try {
      bases.push_back(confpress::sample::renderPaperPdf(samples[i].content, options));
    } catch (const std::invalid_argument&) {
    }
  }
  if (bases.empty()) throw std::runtime_error("no sample paper fits " + std::to_string(pages) + " pages");
  fs::create_directories(dir / "papers");
  std::vector<std::string> files;
  for (int n = 0; n < papers; ++n) {
    std::string bytes = bases[static_cast<size_t>(n) % bases.size()];
    if (n % 5 == 0) bytes = withImages(bytes, static_cast<unsigned>(n));
    if (n % 3 == 0) bytes = confpress::sample::addInternalLinks(bytes);
    char name[32];
    std::snprintf(name, sizeof name, "papers/%04d.pdf", n + 1);
    writeFile(dir / name, bytes);
    files.push_back((dir / name).string());
  }
  return files;
}

void writeManifest(const fs::path& path, int papers) {
  std::ofstream x(path);
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<volume>\n<metadata>\n"
       "<title>Kỷ yếu đo tốc độ</title><short-title>Đo tốc độ</short-title>\n"
       "<editors><editor><family>Nguyễn</family><given>Văn Đo</given></editor></editors>\n"
       "<publisher>NXB Thử</publisher><city>Huế</city><year>2024</year><isbn>978-3-16-148410-0</isbn>\n"
       "<doi-prefix>10.55555</doi-prefix><url>https://example.org/v</url>\n"
       "<depositor name=\"Bench\" email=\"bench@example.org\"/>\n</metadata>\n"
       "<front-matter><preface>Lời nói đầu của *kỷ yếu* đo tốc độ.</preface></front-matter>\n";
  const char* families[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Dương", "Võ", "Đỗ", "Bùi", "Hồ"};
  for (int n = 0; n < papers; ++n) {
    if (n % 60 == 0) x << (n ? "</section>\n" : "") << "<section title=\"Phiên " << n / 60 + 1 << "\">\n";
    x << "<paper pdf=\"papers/" << std::string(4 - std::to_string(n + 1).size(), '0') << n + 1
      << ".pdf\"><title>Bài báo số " << n + 1 << " về chuyển đổi số</title>"
      << "<author><family>" << families[n % 10] << "</family><given>Thị " << n % 37 << "</given></author>"
      << "<author><family>" << families[(n / 10) % 10] << "</family><given>Văn " << n % 23
      << "</given></author>"
      << "</paper>\n";
  }
  x << "</section>\n</volume>\n";
}

void print(const char* what, const Run& r) {
  std::printf("%-28s wall %7.2f s   cpu %7.2f s   peak RSS %7.1f MB\n", what, r.wall, r.cpu,
              r.maxRssKb / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  int papers = 600, pages = 10;
  std::string keep;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    if (name == "--papers") papers = std::stoi(argv[i + 1]);
    if (name == "--pages") pages = std::stoi(argv[i + 1]);
    if (name == "--keep") keep = argv[i + 1];
  }
  cptest::TempDir temp;
  const fs::path dir = keep.empty() ? fs::path(temp.path()) : fs::path(keep);
  fs::create_directories(dir);
  std::cout << "generating " << papers << " papers × " << pages << " pages in " << dir << " …" << std::endl;
  const auto t0 = Clock::now();
  const std::vector<std::string> files = generate(dir, papers, pages);
  writeManifest(dir / "volume.xml", papers);
  std::uintmax_t bytes = 0;
  for (const std::string& f : files) bytes += fs::file_size(f);
  std::printf("generated in %.1f s: %.1f MB of PDF\n",
              std::chrono::duration<double>(Clock::now() - t0).count(), bytes / 1048576.0);

  std::vector<std::string> merge{"qpdf", "--empty", "--pages"};
  merge.insert(merge.end(), files.begin(), files.end());
  merge.push_back("--");
  merge.push_back((dir / "merged.pdf").string());
  const Run qpdf = measure(merge);
  // qpdf reopens its inputs beyond 200 files unless told to keep them open: the faster mode, for comparison.
  merge.insert(merge.begin() + 2, "--keep-files-open=y");
  const Run qpdfOpen = measure(merge);
  const Run volume = measure({CONFPRESS_BINARY, "build-volume", "--manifest", (dir / "volume.xml").string(),
                              "--out", (dir / "out").string()});
  print("qpdf --empty --pages", qpdf);
  print("qpdf … --keep-files-open=y", qpdfOpen);
  print("confpress build-volume", volume);
  const double timeRatio = volume.wall / qpdf.wall,
               rssRatio = static_cast<double>(volume.maxRssKb) / qpdf.maxRssKb;
  std::printf("ratio time %.2f (target ≤ 1.5)   ratio RSS %.2f (target ≤ 2)\n", timeRatio, rssRatio);
  std::printf("against --keep-files-open=y: time %.2f, CPU %.2f, RSS %.2f (no target)\n",
              volume.wall / qpdfOpen.wall, volume.cpu / qpdfOpen.cpu,
              static_cast<double>(volume.maxRssKb) / qpdfOpen.maxRssKb);

  const fs::path sample = dir / "sample";
  measure({CONFPRESS_BINARY, "sample-volume", "--out", sample.string()});
  const Run small = measure({CONFPRESS_BINARY, "build-volume", "--manifest", (sample / "volume.xml").string(),
                             "--out", (sample / "out").string()});
  print("sample volume (31 papers)", small);
  std::printf("sample volume %.2f s (target ≤ 1 s)\n", small.wall);
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) > 0) std::printf("load average %.2f %.2f %.2f\n", load[0], load[1], load[2]);
  const bool ok = qpdf.exitCode == 0 && volume.exitCode == 0 && small.exitCode == 0 && timeRatio <= 1.5 &&
                  rssRatio <= 2 && small.wall <= 1;
  return ok ? 0 : 1;
}
