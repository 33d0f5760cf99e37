#pragma once
// HotCRP's paper JSON (what its paper list downloads as JSON and batch/savepapers.php reads), so a chair
// can move a conference in or out: an array of {pid, title, abstract, authors [{email, first, last,
// affiliation, contact}], topics [names], pc_conflicts {email: type}, status (inprogress, submitted,
// withdrawn, accepted, rejected), submitted, withdrawn, withdraw_reason, submission {mimetype, hash
// "sha2-…", size, timestamp[, content_base64]}}, plus "keywords" (a HotCRP option in most sites).
// HotCRP writes many keys ConfPress has no use for (tags, reviews, options…): reading ignores them.
#include <optional>
#include <string>
#include <vector>

#include "submission/SubmissionService.h"

namespace confpress::submission {

/// One paper read from HotCRP JSON.
struct HotcrpPaper {
  int pid = 0;
  SubmissionInput input;
  std::string status = "draft";  // ConfPress status
  std::string withdrawReason;
  std::optional<std::string> pdf;  // the document's bytes when the export carried them
  std::string pdfName;
};

/// Reads a HotCRP export. Throws ValidationError naming "papers[i].field" for anything unusable, and
/// BadRequest when it is not a JSON array (or a single paper object).
std::vector<HotcrpPaper> readHotcrp(const std::string& json, const std::string& nameOrder);

/// Writes submissions as HotCRP JSON; `pdfs` (same order, may be empty) carries the documents' bytes.
std::string writeHotcrp(const std::vector<SubmissionView>& views, const std::vector<std::string>& pdfs);

}  // namespace confpress::submission
