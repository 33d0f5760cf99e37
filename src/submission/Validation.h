#pragma once
// Checks a submission's metadata against the conference's rules and normalises it (NFC, trimmed, e-mails
// lower-cased, ORCIDs verified, topics resolved to ids). Each failure names its field: "authors[1].email".
#include "store/ConferenceRepository.h"
#include "store/SubmissionRepository.h"
#include "submission/SubmissionService.h"

namespace confpress::submission {

/// Limits on what one submission may hold.
struct MetadataLimits {
  size_t titleChars = 300;
  size_t abstractChars = 5000;
  size_t keywords = 20;
  size_t keywordChars = 100;
  size_t authors = 50;
  size_t declaredConflicts = 200;
};

/// A topic of the conference named by `raw`: its id, its name or its English name, compared without case
/// and diacritics. ValidationError "unknown_topic" naming `field` otherwise.
int64_t resolveTopic(const std::string& raw, const store::ConferenceRecord& conference,
                     const std::string& field);

/// The metadata of `input` as it will be stored (authors without person ids yet).
store::SubmissionRecord validateMetadata(const SubmissionInput& input,
                                         const store::ConferenceRecord& conference,
                                         const MetadataLimits& limits = {});

/// Makes every author a known person (a co-author may never sign in; their record is created from the
/// submission) and gives them the author role in the conference; sets each author's personId.
void linkAuthors(Poco::Data::Session& session, const store::ConferenceRecord& conference,
                 store::SubmissionRecord& submission, const auth::Principal& grantedBy);

}  // namespace confpress::submission
