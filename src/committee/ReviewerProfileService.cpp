#include "committee/ReviewerProfileService.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>

#include "committee/CommitteeSupport.h"
#include "core/Errors.h"
#include "store/AuditLog.h"
#include "text/Unicode.h"

namespace confpress::committee {

namespace {

// Only what stops reading the text refuses a past paper; page counts, sizes, margins, fonts and anonymity
// are a submission's business.
preflight::Rules textRules(size_t textBytes) {
  preflight::Rules r;
  r.maxPages = 100000;
  r.extractTextBytes = textBytes;
  for (const char* code :
       {"too_few_pages", "too_many_pages", "paper_size", "fonts_not_embedded", "no_text", "bottom_margin",
        "anonymity", "references_over_limit", "restricted", "repaired", "invalid_content"})
    r.severity[code] = "off";
  return r;
}

std::string sha256Hex(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string firstError(const preflight::Report& report) {
  for (const auto& p : report.problems)
    if (p.severity == "error") return p.message;
  return "the PDF cannot be read";
}

store::CommitteeMemberRecord memberOf(Poco::Data::Session& s, const store::ConferenceRecord& c,
                                      const auth::Principal& who, bool toChange) {
  auto m = store::CommitteeRepository(s).find(c.id, who.personId);
  if (!m) throw NotFound("you are not invited to the committee of " + c.slug);
  if (toChange && m->status == "declined")
    throw Forbidden("you declined the invitation to the committee of " + c.slug + "; accept it first");
  return *m;
}

ReviewerProfile profileOf(Poco::Data::Session& s, const store::ConferenceRecord& c, int64_t personId) {
  store::CommitteeRepository repo(s);
  return {*repo.find(c.id, personId), repo.papers(c.id, personId, false)};
}

}  // namespace

ReviewerProfileService::ReviewerProfileService(store::Database& db, files::FileStore& files,
                                               submission::PreflightRunner preflight, ProfileLimits limits)
    : db_(db), files_(files), preflight_(std::move(preflight)), limits_(limits) {}

ReviewerProfile ReviewerProfileService::get(const std::string& slug, const auth::Principal& who) {
  Poco::Data::Session s = db_.session();
  const store::ConferenceRecord c = loadConference(s, slug);
  memberOf(s, c, who, false);
  return profileOf(s, c, who.personId);
}

ReviewerProfile ReviewerProfileService::update(const std::string& slug, const ProfileInput& in,
                                               const auth::Principal& who, const auth::Origin& origin) {
  std::optional<std::string> text;
  if (in.text) {
    text = text::cleanText(*in.text, "text");
    if (text::codePointCount(*text) > limits_.textChars)
      throw ValidationError("text", "too_long",
                            "text is longer than " + std::to_string(limits_.textChars) + " characters");
  }
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    memberOf(s, c, who, true);
    store::CommitteeRepository repo(s);
    if (text) repo.setProfileText(c.id, who.personId, *text);
    if (in.topics) repo.replaceTopics(c.id, who.personId, resolveTopics(*in.topics, c, "topics"));
    store::appendAudit(
        s, {who.personId, origin.ip, "committee.profile", "person", std::to_string(who.personId), c.id,
            store::auditDetail({{"text_chars", text ? std::to_string(text::codePointCount(*text))
                                                    : std::string("unchanged")}})});
    return profileOf(s, c, who.personId);
  });
}

store::CommitteePaperRecord ReviewerProfileService::addPaper(const std::string& slug, std::string_view bytes,
                                                             const std::string& rawFileName,
                                                             const auth::Principal& who,
                                                             const auth::Origin& origin) {
  if (bytes.size() > limits_.pdfBytes)
    throw Error(ErrorKind::PayloadTooLarge, "too_large",
                "a past paper may have at most " + std::to_string(limits_.pdfBytes >> 20) + " MB", "pdf");
  const std::string sha256 = sha256Hex(bytes);
  {
    Poco::Data::Session s = db_.session();
    const store::ConferenceRecord c = loadConference(s, slug);
    memberOf(s, c, who, true);
    const auto papers = store::CommitteeRepository(s).papers(c.id, who.personId, false);
    const bool replaces =
        std::any_of(papers.begin(), papers.end(), [&](const auto& p) { return p.sha256 == sha256; });
    if (!replaces && papers.size() >= limits_.papers)
      throw ValidationError(
          "pdf", "too_many",
          "a profile holds at most " + std::to_string(limits_.papers) + " past papers; remove one first");
  }
  // Read in the sandboxed worker, outside any transaction (it may take seconds).
  preflight::Report report;
  {
    files::StagedFile staged = files_.stage(bytes);
    report = preflight_(staged.path(), textRules(limits_.paperTextBytes));
  }
  if (report.hasErrors())
    throw ValidationError("pdf", "unreadable_pdf", "the past paper was refused: " + firstError(report));
  store::CommitteePaperRecord paper;
  paper.sha256 = sha256;
  paper.pages = report.pages;
  paper.text = text::cleanText(report.text, "pdf");
  if (paper.text.empty())
    throw ValidationError("pdf", "no_text", "no text can be extracted from the PDF (a scanned paper?)");
  paper.fileName = text::isValidUtf8(rawFileName) ? text::cleanLine(rawFileName, "filename") : std::string();
  if (text::codePointCount(paper.fileName) > 200) paper.fileName.clear();
  return db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    memberOf(s, c, who, true);
    store::CommitteeRepository repo(s);
    const int64_t id = repo.addPaper(c.id, who.personId, paper);
    store::appendAudit(
        s, {who.personId, origin.ip, "committee.profile_paper", "person", std::to_string(who.personId), c.id,
            store::auditDetail({{"sha256", sha256}, {"pages", std::to_string(paper.pages)}})});
    for (auto& p : repo.papers(c.id, who.personId, false))
      if (p.id == id) return p;
    throw std::logic_error("the past paper just stored is missing");
  });
}

void ReviewerProfileService::removePaper(const std::string& slug, int64_t paperId, const auth::Principal& who,
                                         const auth::Origin& origin) {
  db_.transaction([&](Poco::Data::Session& s) {
    const store::ConferenceRecord c = loadConference(s, slug);
    memberOf(s, c, who, true);
    if (!store::CommitteeRepository(s).removePaper(c.id, who.personId, paperId))
      throw NotFound("no past paper " + std::to_string(paperId) + " in your profile");
    store::appendAudit(
        s, {who.personId, origin.ip, "committee.profile_paper_remove", "person", std::to_string(who.personId),
            c.id, store::auditDetail({{"paper", std::to_string(paperId)}})});
  });
}

}  // namespace confpress::committee
