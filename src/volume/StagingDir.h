#pragma once
// Writing a build's outputs so that a failure leaves no broken file: everything goes into a hidden
// folder inside the output folder, and only a complete build is moved into place — each file by an
// atomic rename, the papers/ folder swapped with the old one. A StagingDir that is not committed removes
// itself. Not thread-safe.
#include <string>
#include <vector>

namespace confpress::volume {

class StagingDir {
 public:
  /// Creates `outDir` if needed and a fresh staging folder in it with a papers/ subfolder.
  /// Throws std::runtime_error naming the folder that cannot be created.
  explicit StagingDir(const std::string& outDir);
  ~StagingDir();
  StagingDir(const StagingDir&) = delete;
  StagingDir& operator=(const StagingDir&) = delete;

  const std::string& path() const { return path_; }
  /// Writes `content` to `name` in the staging folder.
  void writeFile(const std::string& name, const std::string& content);
  /// Moves every staged file and papers/ into the output folder; the staging folder is removed.
  void commit();

 private:
  std::string outDir_, path_;
  bool committed_ = false;
};

}  // namespace confpress::volume
