// pread with a one-block cache behind qpdf's InputSource interface.
#include "volume/PaperSource.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace confpress::volume {

namespace {

constexpr size_t kBlock = 64 * 1024;

int openFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  return fd;
}

}  // namespace

bool allowOpenFiles(size_t wanted) {
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return false;
  if (limit.rlim_cur >= wanted) return true;
  limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, static_cast<rlim_t>(wanted));
  ::setrlimit(RLIMIT_NOFILE, &limit);
  return ::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur >= wanted;
}

PaperSource::PaperSource(const std::string& path, bool keepOpen)
    : path_(path), keepOpen_(keepOpen), block_(kBlock) {
  const int fd = openFile(path);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot read " + path);
  }
  size_ = info.st_size;
  if (keepOpen_)
    fd_ = fd;
  else
    ::close(fd);
}

PaperSource::~PaperSource() {
  if (fd_ >= 0) ::close(fd_);
}

size_t PaperSource::readAt(char* buffer, size_t length, qpdf_offset_t offset) {
  const int fd = keepOpen_ ? fd_ : openFile(path_);
  size_t done = 0;
  while (done < length) {
    const ssize_t n = ::pread(fd, buffer + done, length - done, offset + static_cast<qpdf_offset_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  if (!keepOpen_) ::close(fd);
  return done;
}

void PaperSource::seek(qpdf_offset_t offset, int whence) {
  qpdf_offset_t target = offset;
  if (whence == SEEK_CUR) target = position_ + offset;
  if (whence == SEEK_END) target = size_ + offset;
  if (target < 0) throw std::runtime_error(path_ + ": seek before the start of the file");
  position_ = target;
}

void PaperSource::unreadCh(char) {
  if (position_ > 0) --position_;
}

size_t PaperSource::read(char* buffer, size_t length) {
  last_offset = position_;
  size_t done = 0;
  while (done < length && position_ < size_) {
    const size_t want = std::min<size_t>(length - done, static_cast<size_t>(size_ - position_));
    if (blockStart_ >= 0 && position_ >= blockStart_ &&
        position_ < blockStart_ + static_cast<qpdf_offset_t>(kBlock)) {
      const size_t inBlock = static_cast<size_t>(position_ - blockStart_);
      const size_t n = std::min(want, kBlock - inBlock);
      std::memcpy(buffer + done, block_.data() + inBlock, n);
      done += n;
      position_ += static_cast<qpdf_offset_t>(n);
    } else if (want >= kBlock) {
      const size_t n = readAt(buffer + done, want, position_);
      if (n == 0) break;
      done += n;
      position_ += static_cast<qpdf_offset_t>(n);
    } else {
      blockStart_ = position_ - position_ % static_cast<qpdf_offset_t>(kBlock);
      if (readAt(block_.data(), kBlock, blockStart_) == 0) {
        blockStart_ = -1;
        break;
      }
    }
  }
  return done;
}

qpdf_offset_t PaperSource::findAndSkipNextEOL() {
  char buffer[4096];
  for (;;) {
    const qpdf_offset_t start = position_;
    const size_t n = read(buffer, sizeof buffer);
    if (n == 0) return position_;
    char* end = buffer + n;
    char* eol = std::find_if(buffer, end, [](char c) { return c == '\r' || c == '\n'; });
    if (eol == end) continue;
    const qpdf_offset_t result = start + (eol - buffer);
    position_ = result + 1;
    char c;
    while (read(&c, 1) == 1) {
      if (c != '\r' && c != '\n') {
        unreadCh(c);
        break;
      }
    }
    return result;
  }
}

}  // namespace confpress::volume
