#include "web/pages/SubmissionViews.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/String.h>

#include <regex>
#include <sstream>

#include "auth/Identity.h"
#include "conference/Deadlines.h"
#include "core/Time.h"
#include "text/Unicode.h"

namespace confpress::web {

namespace {

std::string label(Exchange& ex, const std::string& key, const std::string& fallback) {
  return ex.services.templates.message(ex.lang(), key, fallback);
}

std::string sizeText(int64_t bytes) {
  std::ostringstream out;
  if (bytes >= (1 << 20))
    out << (bytes * 10 / (1 << 20)) / 10.0 << " MB";
  else
    out << (bytes + 1023) / 1024 << " KB";
  return out.str();
}

std::string topicName(Exchange& ex, const store::ConferenceRecord& c, int64_t id) {
  for (const auto& t : c.topics)
    if (t.id == id) return ex.lang() == "en" && !t.nameEn.empty() ? t.nameEn : t.name;
  return "";
}

std::string when(Exchange& ex, const store::ConferenceRecord& c, const std::optional<std::string>& utc) {
  return utc && !utc->empty() ? conference::formatInstant(*utc, c.timezone, ex.lang()) : "";
}

}  // namespace

std::string submissionUrl(const std::string& slug, int number) {
  return "/c/" + slug + "/submissions/" + std::to_string(number);
}

mstch::map conferenceSummary(Exchange& ex, const store::ConferenceRecord& c) {
  const bool english = ex.lang() == "en" && !c.titleEn.empty();
  mstch::array deadlines;
  const std::string now = nowUtc();
  for (const auto& d : c.deadlines)
    deadlines.push_back(mstch::map{{"kind", d.kind},
                                   {"label", label(ex, "deadline_" + d.kind, d.kind)},
                                   {"display", conference::formatInstant(d.atUtc, c.timezone, ex.lang())},
                                   {"utc", d.atUtc},
                                   {"written_as", d.writtenAs},
                                   {"passed", conference::hasPassed(d.atUtc, now)}});
  const bool hasDeadlines = !deadlines.empty();
  return mstch::map{{"slug", c.slug},
                    {"title", english ? c.titleEn : c.title},
                    {"acronym", c.acronym},
                    {"url", "/c/" + c.slug},
                    {"submissions_url", "/c/" + c.slug + "/submissions"},
                    {"new_submission_url", "/c/" + c.slug + "/submissions/new"},
                    {"deadlines", deadlines},
                    {"has_deadlines", hasDeadlines},
                    {"max_pdf_mb", c.rules.maxPdfMb},
                    {"min_pages", c.rules.minPages},
                    {"max_pages", c.rules.maxPages},
                    {"paper_sizes",
                     [&] {
                       std::string sizes;
                       for (const auto& s : c.rules.paperSizes) sizes += (sizes.empty() ? "" : ", ") + s;
                       return sizes;
                     }()},
                    {"double_blind", c.rules.blind == "double"}};
}

mstch::map reportView(Exchange& ex, const preflight::Report& report) {
  mstch::array problems;
  for (const auto& p : report.problems) {
    // The catalog explains the check in the reader's language; the detail (in English) says what was found.
    const std::string explained = label(ex, "preflight_" + p.code, "");
    problems.push_back(mstch::map{{"code", p.code},
                                  {"severity", p.severity},
                                  {"is_error", p.severity == "error"},
                                  {"severity_label", label(ex, "severity_" + p.severity, p.severity)},
                                  {"page", p.page},
                                  {"has_page", p.page > 0},
                                  {"message", explained.empty() ? p.message : explained},
                                  {"detail", explained.empty() ? std::string() : p.message},
                                  {"detail_is_english", ex.lang() != "en"}});
  }
  const bool any = !problems.empty();
  return mstch::map{{"status", report.status},
                    {"status_label", label(ex, "preflight_status_" + report.status, report.status)},
                    {"is_ok", report.status == "ok"},
                    {"is_warning", report.status == "warning"},
                    {"is_error", report.status == "error"},
                    {"pages", report.pages},
                    {"paper_size", report.paperSize},
                    {"problems", problems},
                    {"has_problems", any}};
}

mstch::map submissionRow(Exchange& ex, const submission::SubmissionView& v) {
  const auto& s = v.submission;
  std::string authors, topics;
  for (const auto& a : s.authors)
    authors += (authors.empty() ? "" : ", ") + auth::displayName(a.familyName, a.givenName, a.nameOrder);
  for (int64_t id : s.topicIds) topics += (topics.empty() ? "" : "; ") + topicName(ex, v.conference, id);
  mstch::map row{{"number", s.number},
                 {"title", s.title},
                 {"url", submissionUrl(v.conference.slug, s.number)},
                 {"status", s.status},
                 {"status_label", label(ex, "status_" + s.status, s.status)},
                 {"authors", authors},
                 {"topics", topics},
                 {"has_pdf", s.current.has_value()},
                 {"updated", when(ex, v.conference, s.updatedAt)}};
  if (s.current) {
    row["pages"] = s.current->pages;
    row["preflight_status"] = s.current->preflightStatus;
    row["preflight_label"] =
        label(ex, "preflight_status_" + s.current->preflightStatus, s.current->preflightStatus);
  }
  return row;
}

mstch::map submissionDetail(Exchange& ex, const submission::SubmissionView& v) {
  const auto& s = v.submission;
  const std::string base = submissionUrl(v.conference.slug, s.number);
  mstch::array authors, topics, keywords;
  for (const auto& a : s.authors)
    authors.push_back(mstch::map{{"name", auth::displayName(a.familyName, a.givenName, a.nameOrder)},
                                 {"affiliation", a.affiliation},
                                 {"email", a.email},
                                 {"orcid", a.orcid.value_or("")},
                                 {"corresponding", a.corresponding}});
  for (int64_t id : s.topicIds) topics.push_back(mstch::map{{"name", topicName(ex, v.conference, id)}});
  for (const auto& k : s.keywords) keywords.push_back(k);
  mstch::map detail = submissionRow(ex, v);
  detail["abstract"] = s.abstract;
  detail["authors_list"] = authors;
  detail["topics_list"] = topics;
  detail["keywords"] = [&] {
    std::string out;
    for (const auto& k : s.keywords) out += (out.empty() ? "" : "; ") + k;
    return out;
  }();
  detail["is_withdrawn"] = s.status == "withdrawn";
  detail["withdraw_reason"] = s.withdrawReason.value_or("");
  detail["submitted"] = when(ex, v.conference, s.submittedAt);
  detail["deadline"] = when(ex, v.conference, v.deadline);
  detail["deadline_utc"] = v.deadline;
  detail["deadline_passed"] = v.deadlinePassed;
  detail["deadline_extended"] = s.deadlineExtension.has_value();
  detail["may_edit"] = v.mayEdit;
  detail["may_submit"] = v.maySubmit;
  detail["may_withdraw"] = v.mayWithdraw;
  detail["is_chair"] = v.isChair;
  detail["is_draft"] = s.status == "draft";
  detail["edit_url"] = base + "/edit";
  detail["upload_url"] = base + "/pdf";
  detail["submit_url"] = base + "/submit";
  detail["withdraw_url"] = base + "/withdraw";
  detail["extension_url"] = base + "/extension";
  detail["pdf_url"] = base + "/pdf";
  if (s.current) {
    mstch::map current = reportView(ex, preflight::Report::fromJson(s.current->preflightJson));
    current["size"] = sizeText(s.current->size);
    current["uploaded"] = when(ex, v.conference, s.current->uploadedAt);
    current["sha256"] = s.current->sha256;
    detail["current"] = current;
  }
  return detail;
}

submission::SubmissionInput inputFromForm(const Poco::Net::HTMLForm& form) {
  submission::SubmissionInput in;
  in.title = form.get("title", "");
  in.abstract = form.get("abstract", "");
  static const std::regex separators("[;,\\n]+");
  const std::string keywords = form.get("keywords", "");
  for (std::sregex_token_iterator it(keywords.begin(), keywords.end(), separators, -1), end; it != end; ++it)
    if (!text::cleanLine(it->str(), "keywords").empty()) in.keywords.push_back(it->str());
  std::map<std::string, std::vector<std::string>> columns;
  for (const auto& [name, value] : form) {
    if (name == "topic") in.topics.push_back(value);
    if (name.rfind("author_", 0) == 0) columns[name].push_back(value);
  }
  const size_t rows = columns["author_email"].size();
  const std::string corresponding = form.get("corresponding", "0");
  for (size_t i = 0; i < rows; ++i) {
    const auto cell = [&](const std::string& column) {
      const auto& values = columns[column];
      return i < values.size() ? values[i] : std::string();
    };
    submission::AuthorInput a{cell("author_family_name"), cell("author_given_name"), cell("author_email"),
                              cell("author_affiliation"), cell("author_country"),    cell("author_orcid")};
    a.corresponding = corresponding == std::to_string(i);
    const bool blank =
        text::cleanLine(a.familyName + a.givenName + a.email + a.affiliation + a.orcid, "author").empty();
    if (!blank) in.authors.push_back(std::move(a));
  }
  // One declared conflict per line: "e-mail [type]".
  std::istringstream lines(form.get("declared_conflicts", ""));
  static const std::regex separator("[\\s,;]+");
  for (std::string l; std::getline(lines, l);) {
    std::vector<std::string> words;
    for (std::sregex_token_iterator it(l.begin(), l.end(), separator, -1), end; it != end; ++it)
      if (!it->str().empty()) words.push_back(it->str());
    if (words.empty()) continue;
    std::string type;
    for (size_t w = 1; w < words.size(); ++w) type += (type.empty() ? "" : " ") + Poco::toLower(words[w]);
    in.declaredConflicts.push_back({words[0], type});
  }
  return in;
}

submission::SubmissionInput inputFrom(const store::SubmissionRecord& s) {
  submission::SubmissionInput in;
  in.title = s.title;
  in.abstract = s.abstract;
  in.keywords = s.keywords;
  for (int64_t id : s.topicIds) in.topics.push_back(std::to_string(id));
  for (const auto& a : s.authors) {
    submission::AuthorInput author{a.familyName,  a.givenName, a.email,
                                   a.affiliation, a.country,   a.orcid.value_or("")};
    author.nameOrder = a.nameOrder;
    author.corresponding = a.corresponding;
    in.authors.push_back(std::move(author));
  }
  in.declaredConflicts = s.declaredConflicts;
  return in;
}

mstch::map formValues(Exchange& ex, const store::ConferenceRecord& c, const submission::SubmissionInput& in,
                      const std::map<std::string, std::string>& errors) {
  std::string keywords, conflicts;
  for (const auto& k : in.keywords) keywords += (keywords.empty() ? "" : "; ") + k;
  for (const auto& d : in.declaredConflicts)
    conflicts += d.email + (d.type.empty() ? "" : " " + d.type) + "\n";
  mstch::array topics;
  for (const auto& t : c.topics) {
    bool checked = false;
    for (const auto& chosen : in.topics)
      checked = checked || chosen == std::to_string(t.id) || chosen == t.name;
    topics.push_back(mstch::map{{"id", std::to_string(t.id)},
                                {"name", ex.lang() == "en" && !t.nameEn.empty() ? t.nameEn : t.name},
                                {"checked", checked}});
  }
  // The author rows: those given, then blank ones up to at least three (more with the "add author" button).
  mstch::array authors;
  const size_t rows = std::max<size_t>(in.authors.size() + 1, 3);
  for (size_t i = 0; i < rows; ++i) {
    submission::AuthorInput a = i < in.authors.size() ? in.authors[i] : submission::AuthorInput{};
    mstch::map row{{"index", std::to_string(i)},
                   {"position", std::to_string(i + 1)},
                   {"family_name", a.familyName},
                   {"given_name", a.givenName},
                   {"email", a.email},
                   {"affiliation", a.affiliation},
                   {"country", a.country},
                   {"orcid", a.orcid},
                   {"corresponding", i < in.authors.size() ? a.corresponding : false}};
    const std::string prefix = "authors[" + std::to_string(i) + "].";
    for (const auto& [field, message] : errors)
      if (field.rfind(prefix, 0) == 0) {
        row["error"] = message;
        row["error_field"] = field.substr(prefix.size());
      }
    authors.push_back(row);
  }
  mstch::map errorMap;
  for (const auto& [field, message] : errors) {
    std::string key = field.substr(0, field.find_first_of("[."));
    if (field.rfind("authors[", 0) == 0) continue;
    if (key != "title" && key != "abstract" && key != "keywords" && key != "topics" && key != "authors" &&
        key != "declared_conflicts")
      key = "form";
    errorMap[key] = message;
  }
  return mstch::map{{"values", mstch::map{{"title", in.title},
                                          {"abstract", in.abstract},
                                          {"keywords", keywords},
                                          {"declared_conflicts", conflicts}}},
                    {"topics", topics},
                    {"authors", authors},
                    {"errors", errorMap}};
}

}  // namespace confpress::web
