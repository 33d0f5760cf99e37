#pragma once
// Finding conflicts of interest between committee members and papers from what is known about them, with
// the evidence a chair needs to confirm or dismiss each one. Pure functions of their arguments
// (thread-safe); the service reads the inputs and stores the results.
//
// A member is conflicted with a paper when
//   - they are one of its authors (type "author"; always a conflict, it cannot be dismissed);
//   - they co-authored another submission of the conference with one of its authors ("collaborator");
//   - their e-mail domain is one of its authors' (exact domain, lower-case), unless it is a public mail
//     provider (see publicMailDomains()), which says nothing about where someone works ("institutional");
//   - their affiliation is one of its authors' after normalisation (normaliseAffiliation) ("institutional").
// Several reasons for one pair give one conflict: the strongest type, every reason in the evidence.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace confpress::committee {

struct DetectionPerson {
  std::optional<int64_t> personId;  // for authors: set when the author is a known person
  std::string email;                // normalised
  std::string name;                 // as shown in the evidence
  std::string affiliation;
};

struct DetectionPaper {
  int64_t submissionId = 0;
  int number = 0;
  std::vector<DetectionPerson> authors;
};

struct DetectedConflict {
  int64_t submissionId = 0;
  int64_t personId = 0;
  std::string type;      // author, collaborator or institutional
  std::string evidence;  // "same domain tdmu.edu.vn: thanhhv@tdmu.edu.vn and hungnv@tdmu.edu.vn; …"
};

/// Every conflict between `members` (each with a personId) and `papers`, by paper then member.
std::vector<DetectedConflict> detectConflicts(const std::vector<DetectionPerson>& members,
                                              const std::vector<DetectionPaper>& papers);

/// Mail providers anyone can use (gmail.com, yahoo.com, outlook.com, hotmail.com, icloud.com, …): a shared
/// domain among them is no evidence. Lower-case; compared with the whole domain.
const std::set<std::string>& publicMailDomains();

/// The domain of an e-mail address, lower-case ("" without '@').
std::string mailDomain(std::string_view email);

/// An affiliation as compared: NFC, lower-case, without diacritics (đ → d), punctuation as space, runs of
/// white space as one space, trimmed. "Trường ĐH Thủ Dầu Một " and "truong dh thu dau mot" compare equal.
std::string normaliseAffiliation(std::string_view affiliation);

}  // namespace confpress::committee
