#pragma once
// How qpdf reads a paper's file: positioned reads (pread) through a 64 KiB block cache instead of a FILE*
// that seeks before every object (qpdf parses lazily, so a merge seeks hundreds of thousands of times:
// a fifth of the run time went to lseek). Large reads (stream data) bypass the cache. A volume keeps
// every paper readable until it is written, so the file stays open; when the process may not hold that
// many files, `keepOpen` false opens the file for each read instead (slower, never fails for want of
// descriptors). One source is used by one thread at a time.
#include <qpdf/InputSource.hh>

#include <string>
#include <vector>

namespace confpress::volume {

class PaperSource : public InputSource {
 public:
  /// Opens `path`; throws std::runtime_error naming it when it cannot be opened.
  PaperSource(const std::string& path, bool keepOpen);
  ~PaperSource() override;
  PaperSource(const PaperSource&) = delete;
  PaperSource& operator=(const PaperSource&) = delete;

  qpdf_offset_t findAndSkipNextEOL() override;
  std::string const& getName() const override { return path_; }
  qpdf_offset_t tell() override { return position_; }
  void seek(qpdf_offset_t offset, int whence) override;
  void rewind() override { position_ = 0; }
  size_t read(char* buffer, size_t length) override;
  void unreadCh(char ch) override;

 private:
  size_t readAt(char* buffer, size_t length, qpdf_offset_t offset);

  std::string path_;
  bool keepOpen_;
  int fd_ = -1;
  qpdf_offset_t size_ = 0;
  qpdf_offset_t position_ = 0;
  std::vector<char> block_;
  qpdf_offset_t blockStart_ = -1;
};

/// Raises this process's limit of open files towards `wanted` (up to the hard limit); returns true if
/// at least `wanted` files may now be open.
bool allowOpenFiles(size_t wanted);

}  // namespace confpress::volume
