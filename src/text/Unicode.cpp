#include "text/Unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "core/Errors.h"

namespace confpress::text {

namespace {

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normaliser unavailable");
  return *n;
}

bool isSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || u_isUWhiteSpace(c);
}

// Control characters other than tab/newline never belong in user text.
bool isForbiddenControl(UChar32 c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}

std::string normalise(std::string_view input, const std::string& field, bool keepLines) {
  if (!isValidUtf8(input)) throw ValidationError(field, "invalid_utf8", field + " is not valid UTF-8");
  std::string in = toNfc(input);
  std::string out;
  out.reserve(in.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(in.size());
  bool pendingSpace = false;
  int pendingNewlines = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(in.data(), i, n, c);
    if (isForbiddenControl(c))
      throw ValidationError(field, "invalid_value", field + " contains a control character");
    if (keepLines && (c == '\n' || c == '\r')) {
      if (c == '\r' && i < n && in[i] == '\n') ++i;
      ++pendingNewlines;
      continue;
    }
    if (isSpace(c)) {
      pendingSpace = true;
      continue;
    }
    if (!out.empty()) {
      if (pendingNewlines > 0)
        out += pendingNewlines > 1 ? "\n\n" : "\n";
      else if (pendingSpace)
        out += ' ';
    }
    pendingSpace = false;
    pendingNewlines = 0;
    out.append(in, start, i - start);
  }
  return out;
}

}  // namespace

bool isValidUtf8(std::string_view bytes) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(bytes.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(bytes.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string toNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  if (nfc().isNormalized(s, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString normalised = nfc().normalize(s, status);
  if (U_FAILURE(status)) throw std::runtime_error("NFC normalisation failed");
  std::string out;
  return normalised.toUTF8String(out);
}

std::string cleanLine(std::string_view input, const std::string& field) {
  return normalise(input, field, false);
}

std::string cleanText(std::string_view input, const std::string& field) {
  return normalise(input, field, true);
}

std::string foldForMatch(std::string_view utf8) {
  // Decompose, drop the combining marks (tones, circumflexes, breves, horns), map đ/Đ (a letter of its own,
  // not a mark) to d, lower-case. Done code point by code point because ICU's Latin-ASCII transliterator
  // is an order of magnitude slower on whole documents, which preflight folds at every upload.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD normaliser unavailable");
  icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size())), status);
  if (U_FAILURE(status)) throw std::runtime_error("NFD normalisation failed");
  std::string out;
  out.reserve(utf8.size());
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0110 || c == 0x0111) c = 'd';
    c = u_tolower(c);
    char buffer[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    out.append(buffer, static_cast<size_t>(length));
  }
  return out;
}

size_t codePointCount(std::string_view utf8) {
  size_t count = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace confpress::text
