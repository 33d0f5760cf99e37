#include "text/Unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
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
  // A transliterator is costly to build and not safe to share between threads: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> fold = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Any-Latin; Latin-ASCII; Lower; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU folding transliterator unavailable");
    return t;
  }();
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  fold->transliterate(s);
  std::string out;
  return s.toUTF8String(out);
}

size_t codePointCount(std::string_view utf8) {
  size_t count = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace confpress::text
