// Searching folded page text and metadata for the authors' names, e-mail addresses and affiliations.
#include "preflight/Anonymity.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "auth/Identity.h"
#include "text/Unicode.h"

namespace confpress::preflight {

namespace {

/// NFKC: ligatures (U+FB01 "ﬁ" from fonts without a Unicode map) and full-width letters become plain
/// letters before folding.
std::string compatibilityComposed(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return utf8;
  const icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (nfkc->isNormalized(in, status) && U_SUCCESS(status)) return utf8;
  status = U_ZERO_ERROR;
  const icu::UnicodeString normal = nfkc->normalize(in, status);
  if (U_FAILURE(status)) return utf8;
  std::string out;
  normal.toUTF8String(out);
  return out;
}

}  // namespace

std::string searchableText(const std::string& utf8) {
  const std::string folded = text::foldForMatch(compatibilityComposed(utf8));
  std::string out = " ";
  bool space = true;
  for (unsigned char c : folded) {
    // Bytes of other scripts (>= 0x80) stay; ASCII punctuation separates words.
    if (std::isalnum(c) || c >= 0x80) {
      out += static_cast<char>(c);
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  if (!space) out += ' ';
  return out;
}

namespace {

struct Needle {
  std::string text;  // searchable form, space-padded (e-mails: lower-case, raw)
  std::string what;  // for the message
  bool raw = false;  // e-mails are searched in the unfolded lower-case text
};

std::vector<Needle> needlesFor(const AuthorIdentity& a) {
  std::vector<Needle> out;
  const std::string family = searchableText(a.familyName), given = searchableText(a.givenName);
  const auto trim = [](const std::string& s) {
    return s.size() >= 2 ? s.substr(1, s.size() - 2) : std::string();
  };
  const std::string f = trim(family), g = trim(given);
  const std::string name = auth::displayName(a.familyName, a.givenName, "family_first");
  if (!f.empty() && !g.empty()) {
    out.push_back({" " + f + " " + g + " ", "the author name " + name});
    out.push_back({" " + g + " " + f + " ", "the author name " + name});
  }
  if (!a.email.empty()) {
    std::string email;
    for (unsigned char c : a.email) email += static_cast<char>(std::tolower(c));
    out.push_back({email, "the e-mail address " + a.email, true});
  }
  // A one- or two-word affiliation ("Bộ Nội vụ") would match ordinary prose too often.
  const std::string affiliation = trim(searchableText(a.affiliation));
  if (std::count(affiliation.begin(), affiliation.end(), ' ') >= 2)
    out.push_back({" " + affiliation + " ", "the affiliation " + a.affiliation});
  return out;
}

std::string lowerAscii(const std::string& s) {
  std::string out = s;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool isEmailCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}

/// Whether `needle` occurs in `haystack`; e-mail addresses only as a whole ("an@x.vn" is not in
/// "dan@x.vn", but is in "(an@x.vn).").
bool occurs(const std::string& haystack, const Needle& needle) {
  if (!needle.raw) return haystack.find(needle.text) != std::string::npos;
  for (size_t at = haystack.find(needle.text); at != std::string::npos;
       at = haystack.find(needle.text, at + 1)) {
    const size_t end = at + needle.text.size();
    const bool startsWord = at == 0 || !isEmailCharacter(haystack[at - 1]);
    const bool endsWord = end == haystack.size() || !std::isalnum(static_cast<unsigned char>(haystack[end]));
    if (startsWord && endsWord) return true;
  }
  return false;
}

}  // namespace

std::vector<Problem> findAuthorIdentities(const std::vector<std::string>& pageTexts,
                                          const std::string& metadata,
                                          const std::vector<AuthorIdentity>& authors,
                                          const std::string& severity) {
  std::vector<Problem> problems;
  if (severity == "off" || authors.empty()) return problems;
  std::vector<std::string> folded, lowered;
  for (const auto& t : pageTexts) {
    folded.push_back(searchableText(t));
    lowered.push_back(lowerAscii(t));
  }
  const std::string metaFolded = searchableText(metadata), metaLowered = lowerAscii(metadata);
  std::set<std::string> reported;  // a name found in both orders is one problem
  const auto add = [&](int page, const std::string& message) {
    if (reported.insert(message).second) problems.push_back({"anonymity", severity, page, message});
  };
  for (const AuthorIdentity& author : authors) {
    for (const Needle& needle : needlesFor(author)) {
      if (occurs(needle.raw ? metaLowered : metaFolded, needle))
        add(0, "the PDF's metadata (document properties) names " + needle.what +
                   " (the conference is double-blind)");
      for (size_t page = 0; page < pageTexts.size(); ++page)
        if (occurs(needle.raw ? lowered[page] : folded[page], needle)) {
          add(static_cast<int>(page + 1), "page " + std::to_string(page + 1) + " names " + needle.what +
                                              " (the conference is double-blind)");
          break;
        }
    }
  }
  return problems;
}

}  // namespace confpress::preflight
