#pragma once
// Finds the authors of a double-blind submission in its text or metadata: names in either order, with
// or without Vietnamese diacritics, in any case; e-mail addresses; affiliations.
#include <string>
#include <vector>

#include "preflight/Report.h"
#include "preflight/Rules.h"

namespace confpress::preflight {

/// A folded text to search: lower-case, diacritics removed, runs of non-alphanumerics as one space,
/// padded with spaces so that " word " matches whole words.
std::string searchableText(const std::string& utf8);

/// Problems (code "anonymity", with `severity`) for each author whose identity appears. `pageTexts[i]` is
/// page i+1; `metadata` holds the document information and XMP text.
std::vector<Problem> findAuthorIdentities(const std::vector<std::string>& pageTexts,
                                          const std::string& metadata,
                                          const std::vector<AuthorIdentity>& authors,
                                          const std::string& severity);

}  // namespace confpress::preflight
