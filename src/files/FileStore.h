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

/// A private copy of an upload under DIR/tmp, removed when this object goes away: preflight reads it in
/// another process before the bytes are accepted into the store.
class StagedFile {
 public:
  explicit StagedFile(std::string path) : path_(std::move(path)) {}
  ~StagedFile();
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  StagedFile(StagedFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class FileStore {
 public:
  /// Uses (and creates) `directory`.
  explicit FileStore(std::string directory);

  /// Stores `bytes` durably and returns their hash.
  StoredFile put(std::string_view bytes);

  /// Writes `bytes` to a new private temporary file (not fsynced: it is thrown away after checking).
  StagedFile stage(std::string_view bytes) const;

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
