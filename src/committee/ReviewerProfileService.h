#pragma once
// A committee member's expertise profile in one conference: topics of expertise, free text (past titles
// and abstracts) and past-paper PDFs whose text is extracted by poppler in the sandboxed preflight worker
// (never in the server process) and kept, bounded in size; the file itself is not kept. The affinity
// between members and papers is computed from this profile (see affinity/AffinityModel.h). Thread-safe.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/Principal.h"
#include "files/FileStore.h"
#include "store/CommitteeRepository.h"
#include "store/Database.h"
#include "submission/SubmissionService.h"

namespace confpress::committee {

struct ProfileLimits {
  size_t textChars = 20000;        // the free text
  size_t paperTextBytes = 100000;  // text kept per past paper (about 15 pages of prose)
  size_t papers = 10;              // past papers per member
  size_t pdfBytes = 20 << 20;      // one uploaded PDF
};

struct ReviewerProfile {
  store::CommitteeMemberRecord member;
  std::vector<store::CommitteePaperRecord> papers;  // newest first, without their text
};

/// Absent fields stay as they are.
struct ProfileInput {
  std::optional<std::string> text;
  std::optional<std::vector<std::string>> topics;
};

class ReviewerProfileService {
 public:
  ReviewerProfileService(store::Database& db, files::FileStore& files, submission::PreflightRunner preflight,
                         ProfileLimits limits = {});

  const ProfileLimits& limits() const { return limits_; }

  /// The signed-in member's profile (NotFound when they are not invited to the committee).
  ReviewerProfile get(const std::string& slug, const auth::Principal& who);
  /// Sets text and/or topics (Forbidden once the member declined).
  ReviewerProfile update(const std::string& slug, const ProfileInput& input, const auth::Principal& who,
                         const auth::Origin& origin);
  /// Extracts the text of a past paper and keeps it (the same file again replaces its entry). Refuses
  /// (ValidationError on "pdf") files that are not readable PDFs or hold no text, and more than
  /// ProfileLimits::papers papers.
  store::CommitteePaperRecord addPaper(const std::string& slug, std::string_view bytes,
                                       const std::string& fileName, const auth::Principal& who,
                                       const auth::Origin& origin);
  void removePaper(const std::string& slug, int64_t paperId, const auth::Principal& who,
                   const auth::Origin& origin);

 private:
  store::Database& db_;
  files::FileStore& files_;
  submission::PreflightRunner preflight_;
  ProfileLimits limits_;
};

}  // namespace confpress::committee
