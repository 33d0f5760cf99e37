#include "committee/ConflictDetector.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "text/Unicode.h"

namespace confpress::committee {

namespace {

int strength(const std::string& type) {
  return type == "author" ? 3 : type == "collaborator" ? 2 : 1;
}

bool samePerson(const DetectionPerson& member, const DetectionPerson& author) {
  return (author.personId && member.personId && *author.personId == *member.personId) ||
         author.email == member.email;
}

// One pair's findings, merged.
struct Finding {
  std::string type;
  std::vector<std::string> reasons;
  void add(const std::string& t, const std::string& reason) {
    if (type.empty() || strength(t) > strength(type)) type = t;
    if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) reasons.push_back(reason);
  }
};

}  // namespace

const std::set<std::string>& publicMailDomains() {
  static const std::set<std::string> domains = {
      // International webmail.
      "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "rocketmail.com", "outlook.com", "hotmail.com",
      "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com",
      "pm.me", "zoho.com", "fastmail.com", "gmx.com", "gmx.net", "gmx.de", "web.de", "t-online.de",
      "mail.com", "yandex.com", "yandex.ru", "mail.ru", "tutanota.com", "hey.com", "orange.fr", "free.fr",
      "laposte.net", "libero.it", "rediffmail.com",
      // Regional providers of the conference's authors.
      "yahoo.com.vn", "vnn.vn", "hn.vnn.vn", "hcm.vnn.vn", "qq.com", "163.com", "126.com", "naver.com",
      "daum.net", "hanmail.net", "yahoo.co.jp", "yahoo.co.kr", "hotmail.fr", "hotmail.co.uk", "yahoo.fr",
      "yahoo.co.uk"};
  return domains;
}

std::string mailDomain(std::string_view email) {
  const size_t at = email.rfind('@');
  if (at == std::string_view::npos) return "";
  std::string domain(email.substr(at + 1));
  for (char& c : domain) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return domain;
}

std::string normaliseAffiliation(std::string_view affiliation) {
  const icu::UnicodeString folded =
      icu::UnicodeString::fromUTF8(text::foldForMatch(text::toNfc(affiliation)));
  std::string out;
  bool space = false;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isalnum(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    icu::UnicodeString(c).toUTF8String(out);
  }
  return out;
}

std::vector<DetectedConflict> detectConflicts(const std::vector<DetectionPerson>& members,
                                              const std::vector<DetectionPaper>& papers) {
  // Each member's co-authors (by e-mail) and the paper they share.
  std::map<int64_t, std::map<std::string, int>> coauthors;
  for (const DetectionPaper& p : papers)
    for (const DetectionPerson& m : members)
      for (const DetectionPerson& author : p.authors)
        if (samePerson(m, author))
          for (const DetectionPerson& other : p.authors)
            if (!samePerson(m, other)) coauthors[*m.personId].emplace(other.email, p.number);

  std::vector<DetectedConflict> out;
  for (const DetectionPaper& p : papers) {
    for (const DetectionPerson& m : members) {
      Finding f;
      const std::string memberDomain = mailDomain(m.email);
      const std::string memberAffiliation = normaliseAffiliation(m.affiliation);
      const auto& theirs = coauthors[*m.personId];
      for (const DetectionPerson& a : p.authors) {
        if (samePerson(m, a)) {
          f.add("author", "an author of #" + std::to_string(p.number));
          continue;
        }
        if (auto it = theirs.find(a.email); it != theirs.end() && it->second != p.number)
          f.add("collaborator",
                "co-authors on #" + std::to_string(it->second) + ": " + m.name + " with " + a.name);
        if (!memberDomain.empty() && memberDomain == mailDomain(a.email) &&
            !publicMailDomains().count(memberDomain))
          f.add("institutional", "same domain " + memberDomain + ": " + m.email + " and " + a.email);
        if (!memberAffiliation.empty() && memberAffiliation == normaliseAffiliation(a.affiliation))
          f.add("institutional",
                "same affiliation \u201C" + a.affiliation + "\u201D: " + m.name + " and " + a.name);
      }
      if (f.type.empty()) continue;
      std::string evidence;
      for (const auto& r : f.reasons) evidence += (evidence.empty() ? "" : "; ") + r;
      out.push_back({p.submissionId, *m.personId, f.type, evidence});
    }
  }
  return out;
}

}  // namespace confpress::committee
