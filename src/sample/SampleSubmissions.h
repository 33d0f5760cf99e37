#pragma once
// Loads the sample workshop's ~45 submissions (samples/binhduong/papers.json) through the real author
// workflow: each paper's PDF is generated (sample/PaperPdf), uploaded through preflight, submitted, and
// a few are withdrawn, so the sample has versions, reports with warnings and every state to show.
#include <string>

#include "store/Database.h"
#include "submission/SubmissionService.h"

namespace confpress::sample {

struct SubmissionsSummary {
  int created = 0;
  int withWarnings = 0;
  int withdrawn = 0;
  bool skipped = false;  // the conference already had submissions
};

/// Loads `<sampleDir>/papers.json` into conference `slug` unless it already has submissions. Each paper is
/// entered by its first author who has an account, else by a chair. Throws std::runtime_error naming the
/// paper when one is refused.
SubmissionsSummary loadSampleSubmissions(store::Database& db, submission::SubmissionService& submissions,
                                         const std::string& sampleDir, const std::string& slug);

}  // namespace confpress::sample
