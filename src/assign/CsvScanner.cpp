// MappedFile (mmap, or a plain read for pipes), CsvScanner's record splitting, numbers and IdTable.
#include "assign/CsvScanner.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

#include "core/Errors.h"

namespace confpress::assign {

namespace {

// Closes a file descriptor when the scope ends.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

[[noreturn]] void cannotRead(const std::string& path, int error) {
  throw BadRequest("cannot read " + path + ": " + std::strerror(error), "unreadable_file");
}

bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

}  // namespace

MappedFile::MappedFile(const std::string& path) {
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) cannotRead(path, errno);
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) cannotRead(path, errno);
  if (!S_ISREG(info.st_mode))
    throw BadRequest("cannot read " + path + ": not a regular file", "unreadable_file");
  size_ = static_cast<std::size_t>(info.st_size);
  if (size_ == 0) return;
  void* mapped = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.fd, 0);
  if (mapped == MAP_FAILED) cannotRead(path, errno);
  ::madvise(mapped, size_, MADV_SEQUENTIAL);
  data_ = static_cast<const char*>(mapped);
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

bool CsvScanner::next() {
  unescaped_.clear();
  const std::size_t n = text_.size();
  while (pos_ < n) {
    line_ = nextLine_;
    count_ = 0;
    bool blank = true;
    for (;;) {
      std::size_t p = pos_;
      while (p < n && (text_[p] == ' ' || text_[p] == '\t')) ++p;
      std::string_view value;
      if (p < n && text_[p] == '"') {
        pos_ = p;
        value = quoted();
        blank = false;
        for (p = pos_; p < n && isBlank(text_[p]);) ++p;
        if (p < n && text_[p] != ',' && text_[p] != '\n') fail("unexpected text after a closing quote");
      } else {
        const std::size_t start = p;
        while (p < n && text_[p] != ',' && text_[p] != '\n') ++p;
        std::size_t end = p;
        while (end > start && isBlank(text_[end - 1])) --end;
        value = text_.substr(start, end - start);
        if (!value.empty()) blank = false;
      }
      if (count_ < kMaxFields) fields_[count_] = value;
      ++count_;
      if (p < n && text_[p] == ',') {
        pos_ = p + 1;
        blank = false;
        continue;
      }
      pos_ = p < n ? p + 1 : p;
      ++nextLine_;
      break;
    }
    if (!blank) return true;
  }
  return false;
}

std::string_view CsvScanner::quoted() {
  const std::size_t n = text_.size(), start = pos_ + 1;
  std::string* copy = nullptr;
  for (std::size_t p = start;; ++p) {
    if (p >= n) fail("a quoted field is not closed");
    const char c = text_[p];
    if (c == '"') {
      if (p + 1 < n && text_[p + 1] == '"') {
        if (copy == nullptr) copy = &unescaped_.emplace_back(text_.substr(start, p - start));
        copy->push_back('"');
        ++p;
        continue;
      }
      pos_ = p + 1;
      return copy != nullptr ? std::string_view(*copy) : text_.substr(start, p - start);
    }
    if (c == '\n') ++nextLine_;
    if (copy != nullptr) copy->push_back(c);
  }
}

void CsvScanner::expectFields(std::size_t n, const char* columns) const {
  if (count_ != n)
    fail("expected " + std::to_string(n) + " fields (" + columns + "), found " + std::to_string(count_));
}

std::string_view CsvScanner::id(std::size_t i, const char* column) const {
  if (fields_[i].empty()) fail(std::string("the ") + column + " is empty");
  return fields_[i];
}

double CsvScanner::number(std::size_t i, const char* column) const {
  double value = 0;
  if (!parseNumber(fields_[i], value))
    fail(std::string("the ") + column + " '" + std::string(fields_[i]) + "' is not a finite number");
  return value;
}

void CsvScanner::fail(const std::string& message) const {
  throw BadRequest(name_ + ":" + std::to_string(line_) + ": " + message, "malformed_csv");
}

bool parseNumber(std::string_view text, double& value) {
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) return false;
  }
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

int IdTable::intern(std::string_view id) {
  if (lastIndex_ >= 0 && id == lastId_) return lastIndex_;
  auto found = index_.find(id);
  if (found == index_.end()) {
    found = index_.emplace(std::string(id), static_cast<int>(ids.size())).first;
    ids.emplace_back(id);
  }
  lastId_.assign(id);
  return lastIndex_ = found->second;
}

int IdTable::find(std::string_view id) const {
  if (lastIndex_ >= 0 && id == lastId_) return lastIndex_;
  const auto found = index_.find(id);
  if (found == index_.end()) return -1;
  lastId_.assign(id);
  return lastIndex_ = found->second;
}

}  // namespace confpress::assign
