#include "text/Tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

#include "text/Unicode.h"

namespace confpress::text {

namespace {

icu::BreakIterator& wordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status) || !b) throw std::runtime_error("ICU word break iterator unavailable");
    return b;
  }();
  return *breaker;
}

bool onlySpace(const icu::UnicodeString& s, int32_t from, int32_t to) {
  for (int32_t i = from; i < to;) {
    const UChar32 c = s.char32At(i);
    if (!u_isUWhiteSpace(c)) return false;
    i += U16_LENGTH(c);
  }
  return true;
}

}  // namespace

std::vector<Word> words(std::string_view utf8) {
  const std::string nfc = toNfc(utf8);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(nfc.data(), static_cast<int32_t>(nfc.size())));
  icu::BreakIterator& breaker = wordBreaker();
  breaker.setText(text);
  std::vector<Word> out;
  int32_t previousEnd = -1;
  for (int32_t start = breaker.first(), end = breaker.next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker.next()) {
    const int32_t rule = breaker.getRuleStatus();
    const bool isWord = (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) ||
                        (rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_IDEO_LIMIT);
    if (!isWord) continue;
    icu::UnicodeString piece(text, start, end - start);
    piece.foldCase();
    Word w;
    piece.toUTF8String(w.folded);
    w.folded = toNfc(w.folded);
    w.stripped = foldForMatch(w.folded);
    w.followsWord = previousEnd >= 0 && onlySpace(text, previousEnd, start);
    previousEnd = end;
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<std::string> matchTerms(std::string_view utf8) {
  const std::vector<Word> ws = words(utf8);
  std::vector<std::string> terms;
  terms.reserve(ws.size() * 4);
  for (size_t i = 0; i < ws.size(); ++i) {
    terms.push_back(ws[i].folded);
    terms.push_back("~" + ws[i].stripped);
    if (i > 0 && ws[i].followsWord) {
      terms.push_back(ws[i - 1].folded + " " + ws[i].folded);
      terms.push_back("~" + ws[i - 1].stripped + " " + ws[i].stripped);
    }
  }
  return terms;
}

}  // namespace confpress::text
