#pragma once
// Words and match terms for comparing texts (reviewer profiles with papers), Vietnamese-aware.
//
// Words come from ICU's word break iterator (locale "vi"), in NFC and case-folded; only letters and
// numbers count (spaces and punctuation do not). Vietnamese is written syllable by syllable, so ICU gives
// syllables ("chính", "quyền", "số"), and most words of the language are two or more of them.
//
// matchTerms() turns a text into the terms a BM25 index compares:
//   - each syllable with its diacritics ("quản") and, prefixed "~", without them ("~quan");
//   - each pair of syllables separated only by white space, both ways ("chính quyền", "~chinh quyen").
// Why both forms: stripping diacritics alone would merge different words that matter in this very domain
// ("số" digital, "sổ" register and "sở" department all become "so"), while keeping them alone would miss
// text typed without diacritics ("chinh quyen so"), which Vietnamese writers still produce. With both, an
// exact match scores on both forms and a match without diacritics on the stripped form only: roughly half
// the credit. Why pairs: they are the language's real words ("chính quyền" government, "dịch vụ" service),
// they separate senses a syllable alone confuses, and stripped pairs are rarely ambiguous
// ("~chinh quyen"). Thread-safe (each thread keeps its own break iterator).
#include <string>
#include <string_view>
#include <vector>

namespace confpress::text {

struct Word {
  std::string folded;        // NFC, case-folded, diacritics kept: "quản"
  std::string stripped;      // diacritics removed as well (đ → d): "quan"
  bool followsWord = false;  // only white space separates it from the previous word
};

/// The words of valid UTF-8 text, in order.
std::vector<Word> words(std::string_view utf8);

/// The terms of `utf8` as described above, in text order (a term repeats as often as it occurs).
std::vector<std::string> matchTerms(std::string_view utf8);

}  // namespace confpress::text
