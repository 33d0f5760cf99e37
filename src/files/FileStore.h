#pragma once
// Content-addressed storage of uploaded files under one directory: a file is named by the SHA-256 of
// its bytes (ab/cdef…), written to a temporary name, fsynced and renamed, so a crash never leaves a
// half-written file under a real name and identical uploads are stored once. Thread-safe.
#include <string>
#include <string_view>

namespace confpress::files {

struct StoredFile {
  std::string sha256;  // lower-case hex
  size_t size = 0;
};

class FileStore {
 public:
  /// Uses (and creates) `directory`.
  explicit FileStore(std::string directory);

  /// Stores `bytes` durably and returns their hash.
  StoredFile put(std::string_view bytes);

  /// True when a file with this hash is stored.
  bool contains(const std::string& sha256) const;

  /// Path of a stored file. Throws NotFound when absent, ValidationError on a malformed hash.
  std::string pathOf(const std::string& sha256) const;

  /// The stored bytes.
  std::string read(const std::string& sha256) const;

  const std::string& directory() const { return directory_; }

 private:
  std::string relativePath(const std::string& sha256) const;
  std::string directory_;
};

}  // namespace confpress::files
