#pragma once
// What a conference requires of an uploaded PDF, and how severe each kind of problem is. Travels to the
// isolated preflight process as JSON.
#include <map>
#include <string>
#include <vector>

namespace confpress::preflight {

/// Someone whose identity must not appear in a double-blind submission.
struct AuthorIdentity {
  std::string familyName;
  std::string givenName;
  std::string email;
  std::string affiliation;
};

struct Rules {
  int minPages = 1;
  int maxPages = 30;
  bool referencesMayExceed = true;  // pages after the one where the references start do not count
  std::vector<std::string> paperSizes = {"A4", "Letter"};
  double sizeToleranceMm = 5;  // how far a page may be from the nominal size
  double bottomMarginMm = 15;  // kept free of text for the page-number stamp
  bool doubleBlind = false;
  std::vector<AuthorIdentity> authors;  // checked only when doubleBlind
  /// Severity per problem code ("error", "warning" or "off"), overriding the defaults of
  /// defaultSeverities().
  std::map<std::string, std::string> severity;
  /// When above zero, the report carries the text of the pages (in order, pages separated by a blank
  /// line), cut at this many bytes on a character boundary: reviewers' past papers use it.
  size_t extractTextBytes = 0;

  /// The severity of `code` under these rules.
  std::string severityOf(const std::string& code) const;

  std::string toJson() const;
  static Rules fromJson(const std::string& json);
};

/// The default severity of every problem code at submission time. "repaired" (a broken structure that
/// qpdf had to reconstruct) is an error: readers repair such files silently but not all alike, and the
/// proceedings tools (qpdf, PoDoFo) may not; a new export from the author's editor fixes it.
const std::map<std::string, std::string>& defaultSeverities();

/// The stricter defaults for camera-ready versions (fonts and the bottom margin become errors).
std::map<std::string, std::string> cameraReadySeverities();

}  // namespace confpress::preflight
