#include "submission/Hotcrp.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StreamCopier.h>

#include <set>
#include <sstream>

#include "conference/Deadlines.h"
#include "core/Errors.h"
#include "core/Time.h"
#include "store/AuditLog.h"
#include "submission/PaperVisibility.h"
#include "submission/Validation.h"

namespace confpress::submission {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string stringField(const Object::Ptr& o, const std::string& key, const std::string& field) {
  if (!o->has(key) || o->isNull(key)) return "";
  Poco::Dynamic::Var v = o->get(key);
  if (!v.isString()) throw ValidationError(field + key, "invalid_type", field + key + " must be a string");
  return v.extract<std::string>();
}

std::string conflictType(const Poco::Dynamic::Var& value) {
  static const std::set<std::string> known = {"collaborator", "advisor", "institutional", "personal",
                                              "other"};
  if (!value.isString()) return "other";
  const std::string t = value.extract<std::string>();
  if (known.count(t)) return t;
  if (t == "advisee" || t == "student") return "advisor";
  return "other";
}

std::string decodeBase64(const std::string& text, const std::string& field) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  std::string out;
  try {
    Poco::StreamCopier::copyToString(decoder, out);
  } catch (const Poco::Exception&) {
    throw ValidationError(field, "invalid_value", field + " is not valid base64");
  }
  return out;
}

HotcrpPaper readPaper(const Object::Ptr& o, const std::string& p, const std::string& nameOrder) {
  HotcrpPaper paper;
  if (!o->has("pid") || !o->get("pid").isInteger())
    throw ValidationError(p + "pid", "required", p + "pid (HotCRP's paper number) is required");
  paper.pid = o->getValue<int>("pid");
  if (paper.pid <= 0) throw ValidationError(p + "pid", "invalid_value", p + "pid must be positive");
  paper.input.title = stringField(o, "title", p);
  paper.input.abstract = stringField(o, "abstract", p);
  if (o->has("keywords") && o->get("keywords").isString()) {
    std::istringstream words(o->getValue<std::string>("keywords"));
    for (std::string k; std::getline(words, k, ';');) paper.input.keywords.push_back(k);
  }
  if (auto authors = o->getArray("authors")) {
    for (unsigned i = 0; i < authors->size(); ++i) {
      const std::string ap = p + "authors[" + std::to_string(i) + "].";
      Object::Ptr a = authors->getObject(i);
      if (!a)
        throw ValidationError(ap.substr(0, ap.size() - 1), "invalid_type", "each author must be an object");
      AuthorInput author;
      author.familyName = stringField(a, "last", ap);
      author.givenName = stringField(a, "first", ap);
      author.email = stringField(a, "email", ap);
      author.affiliation = stringField(a, "affiliation", ap);
      author.nameOrder = nameOrder;
      author.corresponding =
          a->has("contact") && a->get("contact").isBoolean() && a->getValue<bool>("contact");
      paper.input.authors.push_back(std::move(author));
    }
  }
  if (o->has("topics")) {
    Poco::Dynamic::Var topics = o->get("topics");
    if (auto array = o->getArray("topics")) {
      for (unsigned i = 0; i < array->size(); ++i)
        paper.input.topics.push_back(array->get(i).convert<std::string>());
    } else if (auto object = o->getObject("topics")) {
      for (const auto& [name, on] : *object)
        if (!on.isBoolean() || on.extract<bool>()) paper.input.topics.push_back(name);
    }
  }
  if (auto conflicts = o->getObject("pc_conflicts"))
    for (const auto& [email, type] : *conflicts)
      if (!(type.isString() && type.extract<std::string>() == "author"))
        paper.input.declaredConflicts.push_back({email, conflictType(type)});
  const std::string status = stringField(o, "status", p);
  if (status == "submitted" || status == "withdrawn" || status == "accepted" || status == "rejected")
    paper.status = status;
  if (o->has("submitted") && o->get("submitted").isBoolean() && o->getValue<bool>("submitted") &&
      paper.status == "draft")
    paper.status = "submitted";
  if (o->has("withdrawn") && o->get("withdrawn").isBoolean() && o->getValue<bool>("withdrawn"))
    paper.status = "withdrawn";
  paper.withdrawReason = stringField(o, "withdraw_reason", p);
  if (paper.status == "withdrawn" && paper.withdrawReason.empty())
    paper.withdrawReason = "withdrawn in HotCRP";
  if (auto document = o->getObject("submission")) {
    const std::string content = stringField(document, "content_base64", p + "submission.");
    if (!content.empty()) paper.pdf = decodeBase64(content, p + "submission.content_base64");
    paper.pdfName = stringField(document, "filename", p + "submission.");
  }
  return paper;
}

long long epochSeconds(const std::string& utc) {
  int tzd = 0;
  return Poco::DateTimeParser::parse("%Y-%m-%dT%H:%M:%SZ", utc, tzd).timestamp().epochTime();
}

}  // namespace

std::vector<HotcrpPaper> readHotcrp(const std::string& json, const std::string& nameOrder) {
  Poco::Dynamic::Var parsed;
  try {
    parsed = Poco::JSON::Parser().parse(json);
  } catch (const Poco::Exception& e) {
    throw BadRequest("the HotCRP file is not valid JSON: " + e.message(), "invalid_json");
  }
  Array::Ptr papers;
  if (parsed.type() == typeid(Array::Ptr)) {
    papers = parsed.extract<Array::Ptr>();
  } else if (parsed.type() == typeid(Object::Ptr)) {
    papers = Poco::makeShared<Array>();
    papers->add(parsed);
  } else {
    throw BadRequest("a HotCRP export is a JSON array of papers", "invalid_json");
  }
  std::vector<HotcrpPaper> out;
  std::set<int> pids;
  for (unsigned i = 0; i < papers->size(); ++i) {
    const std::string prefix = "papers[" + std::to_string(i) + "].";
    Object::Ptr o = papers->getObject(i);
    if (!o)
      throw ValidationError(prefix.substr(0, prefix.size() - 1), "invalid_type",
                            "each paper must be an object");
    HotcrpPaper paper = readPaper(o, prefix, nameOrder);
    if (!pids.insert(paper.pid).second)
      throw ValidationError(prefix + "pid", "duplicate",
                            "pid " + std::to_string(paper.pid) + " appears twice");
    out.push_back(std::move(paper));
  }
  return out;
}

std::string writeHotcrp(const std::vector<SubmissionView>& views, const std::vector<std::string>& pdfs) {
  Array papers;
  for (size_t i = 0; i < views.size(); ++i) {
    const store::SubmissionRecord& s = views[i].submission;
    Object paper(Poco::JSON_PRESERVE_KEY_ORDER);
    paper.set("object", "paper");
    const std::string external = s.externalId.value_or("");
    paper.set("pid", external.rfind("hotcrp:", 0) == 0 ? std::stoi(external.substr(7)) : s.number);
    paper.set("title", s.title);
    paper.set("abstract", s.abstract);
    std::string keywords;
    for (const auto& k : s.keywords) keywords += (keywords.empty() ? "" : "; ") + k;
    if (!keywords.empty()) paper.set("keywords", keywords);
    Array authors;
    for (const auto& a : s.authors) {
      Object author(Poco::JSON_PRESERVE_KEY_ORDER);
      author.set("email", a.email);
      author.set("first", a.givenName);
      author.set("last", a.familyName);
      if (!a.affiliation.empty()) author.set("affiliation", a.affiliation);
      if (a.corresponding) author.set("contact", true);
      authors.add(author);
    }
    paper.set("authors", authors);
    Array topics;
    for (int64_t id : s.topicIds)
      for (const auto& t : views[i].conference.topics)
        if (t.id == id) topics.add(t.name);
    paper.set("topics", topics);
    Object conflicts(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& c : s.declaredConflicts) conflicts.set(c.email, c.type);
    paper.set("pc_conflicts", conflicts);
    paper.set("status", s.status == "draft" ? "inprogress" : s.status);
    paper.set("submitted", s.status != "draft" && s.status != "withdrawn");
    if (s.submittedAt) paper.set("submitted_at", epochSeconds(*s.submittedAt));
    if (s.status == "withdrawn") {
      paper.set("withdrawn", true);
      if (s.withdrawReason) paper.set("withdraw_reason", *s.withdrawReason);
    }
    if (s.current) {
      Object document(Poco::JSON_PRESERVE_KEY_ORDER);
      document.set("mimetype", "application/pdf");
      document.set("hash", "sha2-" + s.current->sha256);
      document.set("size", s.current->size);
      document.set("timestamp", epochSeconds(s.current->uploadedAt));
      if (!s.current->fileName.empty()) document.set("filename", s.current->fileName);
      if (i < pdfs.size() && !pdfs[i].empty()) {
        std::ostringstream encoded;
        Poco::Base64Encoder encoder(encoded);
        encoder.rdbuf()->setLineLength(0);
        encoder << pdfs[i];
        encoder.close();
        document.set("content_base64", encoded.str());
      }
      paper.set("submission", document);
    }
    papers.add(paper);
  }
  std::ostringstream out;
  papers.stringify(out, 1);
  return out.str();
}

std::string SubmissionService::exportHotcrp(const std::string& slug, bool withContent,
                                            const auth::Principal& who) {
  {
    Poco::Data::Session s = db_.session();
    store::ConferenceRepository conferences(s);
    auto c = conferences.findBySlug(slug);
    if (!c) throw NotFound("no conference '" + slug + "'");
    if (!policy::mayListAllSubmissions({who.isAdmin, conferences.rolesOf(c->id, who.personId)}))
      throw Forbidden("only the chairs of " + slug + " export submissions");
  }
  std::vector<SubmissionView> views = list(slug, {}, who);
  std::vector<std::string> pdfs;
  if (withContent)
    for (const auto& v : views)
      pdfs.push_back(v.submission.current ? files_.read(v.submission.current->sha256) : "");
  return writeHotcrp(views, pdfs);
}

std::pair<int, int> SubmissionService::importHotcrp(const std::string& slug, const std::string& json,
                                                    const auth::Principal& who, const auth::Origin& origin) {
  store::ConferenceRecord c;
  {
    Poco::Data::Session s = db_.session();
    auto found = store::ConferenceRepository(s).findBySlug(slug);
    if (!found) throw NotFound("no conference '" + slug + "'");
    c = *found;
    if (!policy::mayListAllSubmissions(
            {who.isAdmin, store::ConferenceRepository(s).rolesOf(c.id, who.personId)}))
      throw Forbidden("only the chairs of " + slug + " import submissions");
  }
  std::vector<HotcrpPaper> papers = readHotcrp(json, c.language == "vi" ? "family_first" : "given_first");
  // Everything is checked before anything is written: the import is all or nothing.
  std::vector<store::SubmissionRecord> records;
  std::vector<std::optional<preflight::Report>> reports;
  for (size_t i = 0; i < papers.size(); ++i) {
    const std::string prefix = "papers[" + std::to_string(i) + "].";
    store::SubmissionRecord r;
    try {
      r = validateMetadata(papers[i].input, c);
    } catch (const ValidationError& e) {
      throw ValidationError(prefix + e.field(), e.code(), prefix + e.field() + ": " + e.what());
    }
    r.status = papers[i].status;
    r.externalId = "hotcrp:" + std::to_string(papers[i].pid);
    r.submitterId = who.personId;
    records.push_back(std::move(r));
    std::optional<preflight::Report> report;
    if (papers[i].pdf) {
      files::StagedFile staged = files_.stage(*papers[i].pdf);
      report = preflight_(staged.path(), preflightRules(c, records.back()));
      if (report->hasErrors())
        throw ValidationError(
            prefix + "submission", "preflight_failed",
            "paper " + std::to_string(papers[i].pid) + ": " + PreflightRefused(*report).what());
    }
    reports.push_back(std::move(report));
  }
  std::vector<std::optional<files::StoredFile>> stored;
  for (const auto& paper : papers)
    stored.push_back(paper.pdf ? std::optional<files::StoredFile>(files_.put(*paper.pdf)) : std::nullopt);
  return db_.transaction([&](Poco::Data::Session& s) {
    store::SubmissionRepository repo(s);
    const PaperVisibility visibility(s, c, who);
    int created = 0, updated = 0;
    for (size_t i = 0; i < records.size(); ++i) {
      store::SubmissionRecord& r = records[i];
      linkAuthors(s, c, r, who);
      auto existing = repo.findByExternalId(c.id, *r.externalId);
      if (existing && !visibility.sees(*existing))
        throw NotFound("papers[" + std::to_string(i) + "]: paper " + std::to_string(papers[i].pid) +
                       " cannot be updated by you (a conflict of interest)");
      if (existing) {
        r.id = existing->id;
        repo.updateMetadata(r);
        ++updated;
      } else {
        r.id = repo.insert(r).first;
        ++created;
      }
      if (stored[i] && (!existing || !existing->current || existing->current->sha256 != stored[i]->sha256)) {
        store::VersionRecord v;
        v.sha256 = stored[i]->sha256;
        v.size = static_cast<int64_t>(stored[i]->size);
        v.pages = reports[i]->pages;
        v.paperSize = reports[i]->paperSize;
        v.preflightStatus = reports[i]->status;
        v.preflightJson = reports[i]->toJson();
        v.fileName = papers[i].pdfName;
        v.uploadedBy = who.personId;
        repo.addVersion(r.id, v, "application/pdf");
      }
      const bool keepsStatus = existing && existing->status == r.status;
      if (!keepsStatus)
        repo.setStatus(
            r.id, r.status,
            r.status == "withdrawn" ? std::optional<std::string>(papers[i].withdrawReason) : std::nullopt);
    }
    store::appendAudit(
        s,
        {who.personId, origin.ip, "submission.import_hotcrp", "conference", c.slug, c.id,
         store::auditDetail({{"created", std::to_string(created)}, {"updated", std::to_string(updated)}})});
    return std::pair<int, int>{created, updated};
  });
}

}  // namespace confpress::submission
