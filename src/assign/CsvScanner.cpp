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

std::uint64_t IdTable::hash(std::string_view id) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ id.size();
  std::size_t i = 0;
  for (; i + 8 <= id.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, id.data() + i, 8);
    h = (h ^ word) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, id.data() + i, id.size() - i);
  h = (h ^ tail) * 0x94D049BB133111EBull;
  return h ^ (h >> 29);
}

std::size_t IdTable::slotOf(std::string_view id, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = h & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t entry = slots_[slot];
    if (entry == 0 || (hashes_[entry - 1] == h && ids[entry - 1] == id)) return slot;
  }
}

void IdTable::grow() {
  std::vector<std::uint32_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t entry : old) {
    if (entry == 0) continue;
    std::size_t slot = hashes_[entry - 1] & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = entry;
  }
}

// Files usually come in order: the same id as the line before, or the id interned right after it.
int IdTable::guess(std::string_view id) const {
  if (lastIndex_ < 0) return -1;
  if (id == ids[lastIndex_]) return lastIndex_;
  if (static_cast<std::size_t>(lastIndex_) + 1 < ids.size() && id == ids[lastIndex_ + 1]) return ++lastIndex_;
  return -1;
}

int IdTable::intern(std::string_view id) {
  if (const int known = guess(id); known >= 0) return known;
  if (2 * (ids.size() + 1) > slots_.size()) grow();
  const std::uint64_t h = hash(id);
  const std::size_t slot = slotOf(id, h);
  if (slots_[slot] == 0) {
    ids.emplace_back(id);
    hashes_.push_back(h);
    slots_[slot] = static_cast<std::uint32_t>(ids.size());
  }
  return lastIndex_ = static_cast<int>(slots_[slot]) - 1;
}

int IdTable::find(std::string_view id) const {
  if (const int known = guess(id); known >= 0) return known;
  if (slots_.empty()) return -1;
  const std::uint32_t entry = slots_[slotOf(id, hash(id))];
  if (entry == 0) return -1;
  return lastIndex_ = static_cast<int>(entry) - 1;
}

}  // namespace confpress::assign
