#pragma once
// Fast CSV reading for the assignment's input files (millions of `paper,reviewer,score` lines).
//
// Why by hand: the only packaged C/C++ CSV reader on Debian 12 is libcsv, a callback per field that
// copies every field into its own buffer, and Poco has none; a large conference's 4M-line score file
// must parse in well under 2 s. So the file is mapped into memory (MappedFile) and CsvScanner walks it
// once, handing out string_views into the mapping (no copies unless a quoted field has "" escapes);
// numbers go through std::from_chars. RFC 4180 quoting is supported (a quoted field may hold commas,
// doubled quotes and line breaks); spaces and tabs around unquoted fields are trimmed; blank lines are
// skipped; CRLF line ends are accepted. IdTable interns ids to dense ints.
//
// None of these is thread-safe; each belongs to one reader.
#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace confpress::assign {

/// A file's bytes, read-only, mapped for the object's lifetime (an empty file is an empty view).
/// Throws confpress::BadRequest naming the file when it cannot be opened or mapped.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

/// Walks the records of a CSV text. Errors are confpress::BadRequest "NAME:LINE: message".
class CsvScanner {
 public:
  static constexpr std::size_t kMaxFields = 8;  // more are counted but not kept

  CsvScanner(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {}

  /// Moves to the next non-blank record; false at the end.
  bool next();
  std::size_t line() const { return line_; }   // 1-based line on which the current record starts
  std::size_t size() const { return count_; }  // fields in the current record
  std::string_view field(std::size_t i) const { return fields_[i]; }
  /// Fails unless the record has exactly `n` fields; `columns` names them for the message.
  void expectFields(std::size_t n, const char* columns) const;
  /// The field as a non-empty id.
  std::string_view id(std::size_t i, const char* column) const;
  /// The field as a finite number (leading '+' allowed), or fail naming `column`.
  double number(std::size_t i, const char* column) const;
  [[noreturn]] void fail(const std::string& message) const;
  const std::string& name() const { return name_; }

 private:
  std::string_view quoted();  // at an opening quote: the field's value

  std::string_view text_;
  std::string name_;
  std::size_t pos_ = 0, nextLine_ = 1, line_ = 0, count_ = 0;
  std::array<std::string_view, kMaxFields> fields_{};
  std::deque<std::string> unescaped_;  // storage for quoted fields with "" escapes (current record)
};

/// Parses a whole field as a finite double; false if it is not one.
bool parseNumber(std::string_view text, double& value);

/// Dense numbering of ids in order of first appearance. Looks up string_views without copying them.
/// Not thread-safe, not even find(): it remembers the last id looked up.
class IdTable {
 public:
  int intern(std::string_view id);
  int find(std::string_view id) const;  // -1 when unknown
  std::size_t size() const { return ids.size(); }
  std::vector<std::string> ids;

 private:
  // Open addressing over a power-of-two table (index + 1 per slot, 0 = empty), at most half full: a
  // look-up is one multiply-mix hash and usually one compare. std::unordered_map spent a quarter of the
  // time of reading a large score file on its bucket division and node chasing.
  static std::uint64_t hash(std::string_view id);
  std::size_t slotOf(std::string_view id, std::uint64_t h) const;  // its slot, or the empty one to use
  void grow();
  std::vector<std::uint32_t> slots_;
  std::vector<std::uint64_t> hashes_;    // per id
  int guess(std::string_view id) const;  // the last answer or the id after it, if `id` is that; else -1
  mutable int lastIndex_ = -1;
};

}  // namespace confpress::assign
