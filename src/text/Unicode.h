#pragma once
// Unicode at the input boundary: UTF-8 validation, NFC normalisation, whitespace clean-up, and the
// case- and diacritic-insensitive folding used to compare names ("Đặng" ~ "dang"). All functions are
// thread-safe.
#include <string>
#include <string_view>

namespace confpress::text {

/// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, no truncated sequences).
bool isValidUtf8(std::string_view bytes);

/// NFC form of valid UTF-8 text.
std::string toNfc(std::string_view utf8);

/// Validates UTF-8 (throws ValidationError{field, "invalid_utf8"}), converts to NFC, trims, and folds
/// every run of white space (including newlines) into one space. For names, titles, e-mails.
std::string cleanLine(std::string_view input, const std::string& field);

/// Like cleanLine but keeps line breaks (normalised to "\n") and paragraph structure. For abstracts.
std::string cleanText(std::string_view input, const std::string& field);

/// Lower-case, diacritics removed, đ→d: a key for matching and searching ("Đặng" → "dang").
std::string foldForMatch(std::string_view utf8);

/// Number of Unicode code points in valid UTF-8.
size_t codePointCount(std::string_view utf8);

}  // namespace confpress::text
