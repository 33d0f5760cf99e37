#pragma once
// The author workflow: create a submission, edit it and replace its PDF until the deadline, submit it,
// withdraw it; chairs see and change everything and extend one paper's deadline. Every upload goes through
// preflight first; a file with errors is refused and the earlier version stays. Every change is audited
// and the authors are told by e-mail (through the outbox, in the same transaction). Thread-safe.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/Principal.h"
#include "core/Errors.h"
#include "files/FileStore.h"
#include "policy/Policy.h"
#include "preflight/Report.h"
#include "preflight/Rules.h"
#include "render/TemplateLibrary.h"
#include "store/ConferenceRepository.h"
#include "store/Database.h"
#include "store/SubmissionRepository.h"

namespace confpress::submission {

struct AuthorInput {
  std::string familyName, givenName, email, affiliation, country, orcid;
  std::string nameOrder = "family_first";
  bool corresponding = false;
};

/// A submission's metadata as a client sent it. Topics are names (in either language) or numeric ids.
struct SubmissionInput {
  std::string title;
  std::string abstract;
  std::vector<std::string> keywords;
  std::vector<std::string> topics;
  std::vector<AuthorInput> authors;
  std::vector<store::DeclaredConflict> declaredConflicts;
};

/// Runs preflight on a staged file (in a sandboxed process in production, in-process in some tests).
using PreflightRunner = std::function<preflight::Report(const std::string& pdfPath, const preflight::Rules&)>;

/// A submission as one caller sees it, with what that caller may do next. What the caller's capacity does
/// not allow (see policy::PaperAccess) is already removed from `submission`: committee members get no
/// declared conflicts, no preflight report and, under double-blind review, no authors.
struct SubmissionView {
  store::ConferenceRecord conference;
  store::SubmissionRecord submission;
  policy::PaperAccess access = policy::PaperAccess::None;
  bool isChair = false;  // sees it as a chair (a chair who is conflicted or an author does not)
  bool isAuthor = false;
  bool authorsHidden = false;  // the authors were removed (double-blind, committee capacity)
  std::string deadline;        // the instant edits close for this paper (UTC; "" when open-ended)
  bool deadlinePassed = false;
  bool mayEdit = false;
  bool maySubmit = false;
  bool mayWithdraw = false;
};

/// An upload refused by preflight: the report says why. Maps to 422.
class PreflightRefused : public Error {
 public:
  explicit PreflightRefused(preflight::Report report);
  const preflight::Report& report() const { return report_; }

 private:
  preflight::Report report_;
};

struct UploadOutcome {
  store::VersionRecord version;
  preflight::Report report;
};

struct PdfFile {
  std::string path;
  std::string downloadName;  // "binh-duong-2022-paper-7.pdf"
  int64_t size = 0;
  std::string sha256;
};

class PaperVisibility;

class SubmissionService {
 public:
  SubmissionService(store::Database& db, files::FileStore& files, const render::TemplateLibrary& templates,
                    PreflightRunner preflight);

  /// The base of links in e-mails (http://host:port); set once before requests are served.
  void setPublicUrl(std::string url) { publicUrl_ = std::move(url); }
  /// Whether authors are mailed about changes (on by default; off when loading sample data).
  void setNotifications(bool on) { notify_ = on; }

  SubmissionView create(const std::string& slug, const SubmissionInput& input, const auth::Principal& who,
                        const auth::Origin& origin);
  SubmissionView get(const std::string& slug, int64_t id, const auth::Principal& who);
  /// Replaces the metadata (PUT semantics: every field as on create).
  SubmissionView update(const std::string& slug, int64_t id, const SubmissionInput& input,
                        const auth::Principal& who, const auth::Origin& origin);
  /// draft → submitted; needs a current PDF without preflight errors.
  SubmissionView submit(const std::string& slug, int64_t id, const auth::Principal& who,
                        const auth::Origin& origin);
  SubmissionView withdraw(const std::string& slug, int64_t id, const std::string& reason,
                          const auth::Principal& who, const auth::Origin& origin);
  /// A chair's extension of one paper's deadline (written as in conference/Deadlines.h; "" removes it).
  SubmissionView extendDeadline(const std::string& slug, int64_t id, const std::string& until,
                                const auth::Principal& who, const auth::Origin& origin);

  /// What the caller may see: chairs every submission (filtered), others those they author.
  std::vector<SubmissionView> list(const std::string& slug, const store::SubmissionFilter& filter,
                                   const auth::Principal& who);
  /// Chairs: submissions per status.
  std::vector<std::pair<std::string, int>> counts(const std::string& slug, const auth::Principal& who);

  /// Checks `bytes` and stores them as the new current version, or throws PreflightRefused.
  UploadOutcome uploadPdf(const std::string& slug, int64_t id, std::string_view bytes,
                          const std::string& fileName, const auth::Principal& who,
                          const auth::Origin& origin);
  std::vector<store::VersionRecord> versions(const std::string& slug, int64_t id, const auth::Principal& who);
  /// The current PDF (or one version) for someone allowed to see the paper.
  PdfFile pdf(const std::string& slug, int64_t id, std::optional<int64_t> versionId,
              const auth::Principal& who);

  /// Chairs: every submission in HotCRP's JSON format (see Hotcrp.h); with `withContent`, PDFs included.
  std::string exportHotcrp(const std::string& slug, bool withContent, const auth::Principal& who);
  /// Chairs: creates or updates (by HotCRP pid) the submissions of a HotCRP JSON export, all or nothing;
  /// returns how many were created and updated.
  std::pair<int, int> importHotcrp(const std::string& slug, const std::string& json,
                                   const auth::Principal& who, const auth::Origin& origin);

  /// The largest upload the conference accepts, in bytes (for refusing from Content-Length).
  size_t maxPdfBytes(const std::string& slug);

  /// The preflight rules that apply to one submission.
  static preflight::Rules preflightRules(const store::ConferenceRecord& c, const store::SubmissionRecord& s);

 private:
  SubmissionView view(Poco::Data::Session& s, const store::ConferenceRecord& c, store::SubmissionRecord sub,
                      const auth::Principal& who);
  SubmissionView view(const store::ConferenceRecord& c, store::SubmissionRecord sub,
                      const PaperVisibility& visibility);
  SubmissionView visible(Poco::Data::Session& s, const store::ConferenceRecord& c, int64_t id,
                         const auth::Principal& who);
  void notify(Poco::Data::Session& s, const SubmissionView& v, const std::string& templateName,
              const mstch::map& extra);

  store::Database& db_;
  files::FileStore& files_;
  const render::TemplateLibrary& templates_;
  PreflightRunner preflight_;
  std::string publicUrl_;
  bool notify_ = true;
};

}  // namespace confpress::submission
