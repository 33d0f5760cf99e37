// A hidden folder beside the outputs, renamed into place on success.
#include "volume/StagingDir.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace confpress::volume {

namespace fs = std::filesystem;

StagingDir::StagingDir(const std::string& outDir) : outDir_(outDir) {
  std::error_code error;
  fs::create_directories(outDir, error);
  if (error) throw std::runtime_error("cannot create the output folder " + outDir + ": " + error.message());
  path_ = (fs::path(outDir) / (".volume-build-" + std::to_string(::getpid()))).string();
  fs::remove_all(path_, error);
  fs::create_directories(fs::path(path_) / "papers", error);
  if (error) throw std::runtime_error("cannot create " + path_ + ": " + error.message());
}

StagingDir::~StagingDir() {
  std::error_code ignored;
  if (!committed_) fs::remove_all(path_, ignored);
}

void StagingDir::writeFile(const std::string& name, const std::string& content) {
  const fs::path file = fs::path(path_) / name;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

void StagingDir::commit() {
  const fs::path staging(path_), out(outDir_);
  for (const fs::directory_entry& entry : fs::directory_iterator(staging))
    if (entry.is_regular_file()) fs::rename(entry.path(), out / entry.path().filename());
  const fs::path old = staging / "papers.old";
  if (fs::exists(out / "papers")) fs::rename(out / "papers", old);
  fs::rename(staging / "papers", out / "papers");
  committed_ = true;
  std::error_code ignored;
  fs::remove_all(staging, ignored);
}

}  // namespace confpress::volume
