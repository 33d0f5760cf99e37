#include "submission/Validation.h"

#include <algorithm>
#include <set>

#include "auth/Identity.h"
#include "core/Errors.h"
#include "store/PeopleRepository.h"
#include "text/Unicode.h"

namespace confpress::submission {

namespace {

bool isRequired(const store::ConferenceRecord& c, const std::string& field) {
  const auto& f = c.rules.requiredFields;
  return std::find(f.begin(), f.end(), field) != f.end();
}

std::string tooLong(const std::string& field, size_t limit) {
  return field + " is longer than " + std::to_string(limit) + " characters";
}

store::SubmissionAuthor checkAuthor(const AuthorInput& in, const store::ConferenceRecord& c,
                                    const std::string& p) {
  store::SubmissionAuthor a;
  a.familyName = auth::normaliseName(in.familyName, p + "family_name");
  a.givenName = auth::normaliseName(in.givenName, p + "given_name");
  a.nameOrder = auth::normaliseNameOrder(in.nameOrder, p + "name_order");
  a.email = auth::normaliseEmail(in.email, p + "email");
  a.affiliation = auth::normaliseLine(in.affiliation, p + "affiliation", 300);
  a.country = auth::normaliseCountry(in.country, p + "country");
  a.orcid = auth::normaliseOrcid(in.orcid, p + "orcid");
  a.corresponding = in.corresponding;
  if (isRequired(c, "affiliation") && a.affiliation.empty())
    throw ValidationError(p + "affiliation", "required", p + "affiliation is required by this conference");
  if (isRequired(c, "country") && a.country.empty())
    throw ValidationError(p + "country", "required", p + "country is required by this conference");
  if (isRequired(c, "orcid") && !a.orcid)
    throw ValidationError(p + "orcid", "required", p + "orcid is required by this conference");
  return a;
}

}  // namespace

int64_t resolveTopic(const std::string& raw, const store::ConferenceRecord& c, const std::string& field) {
  const std::string wanted = text::foldForMatch(text::cleanLine(raw, field));
  for (const auto& t : c.topics) {
    if (std::to_string(t.id) == raw) return t.id;
    if (text::foldForMatch(t.name) == wanted || (!t.nameEn.empty() && text::foldForMatch(t.nameEn) == wanted))
      return t.id;
  }
  throw ValidationError(field, "unknown_topic", field + ": '" + raw + "' is not a topic of this conference");
}

store::SubmissionRecord validateMetadata(const SubmissionInput& in, const store::ConferenceRecord& c,
                                         const MetadataLimits& limits) {
  store::SubmissionRecord r;
  r.conferenceId = c.id;
  r.title = text::cleanLine(in.title, "title");
  if (r.title.empty()) throw ValidationError("title", "required", "title is required");
  if (text::codePointCount(r.title) > limits.titleChars)
    throw ValidationError("title", "too_long", tooLong("title", limits.titleChars));
  r.abstract = text::cleanText(in.abstract, "abstract");
  if (text::codePointCount(r.abstract) > limits.abstractChars)
    throw ValidationError("abstract", "too_long", tooLong("abstract", limits.abstractChars));
  if (r.abstract.empty() && isRequired(c, "abstract"))
    throw ValidationError("abstract", "required", "abstract is required by this conference");

  if (in.keywords.size() > limits.keywords)
    throw ValidationError("keywords", "too_long", "at most " + std::to_string(limits.keywords) + " keywords");
  std::set<std::string> seenKeywords;
  for (size_t i = 0; i < in.keywords.size(); ++i) {
    const std::string field = "keywords[" + std::to_string(i) + "]";
    std::string k = text::cleanLine(in.keywords[i], field);
    if (k.empty()) continue;
    if (text::codePointCount(k) > limits.keywordChars)
      throw ValidationError(field, "too_long", tooLong(field, limits.keywordChars));
    if (seenKeywords.insert(text::foldForMatch(k)).second) r.keywords.push_back(std::move(k));
  }
  if (r.keywords.empty() && isRequired(c, "keywords"))
    throw ValidationError("keywords", "required", "keywords are required by this conference");

  for (size_t i = 0; i < in.topics.size(); ++i) {
    const int64_t id = resolveTopic(in.topics[i], c, "topics[" + std::to_string(i) + "]");
    if (std::find(r.topicIds.begin(), r.topicIds.end(), id) == r.topicIds.end()) r.topicIds.push_back(id);
  }
  if (r.topicIds.empty() && isRequired(c, "topics"))
    throw ValidationError("topics", "required", "choose at least one topic");

  if (in.authors.empty())
    throw ValidationError("authors", "required", "a submission has at least one author");
  if (in.authors.size() > limits.authors)
    throw ValidationError("authors", "too_long", "at most " + std::to_string(limits.authors) + " authors");
  std::set<std::string> emails;
  for (size_t i = 0; i < in.authors.size(); ++i) {
    const std::string prefix = "authors[" + std::to_string(i) + "].";
    store::SubmissionAuthor a = checkAuthor(in.authors[i], c, prefix);
    if (!emails.insert(a.email).second)
      throw ValidationError(prefix + "email", "duplicate", a.email + " is listed twice among the authors");
    r.authors.push_back(std::move(a));
  }
  if (std::none_of(r.authors.begin(), r.authors.end(), [](const auto& a) { return a.corresponding; }))
    r.authors.front().corresponding = true;

  if (in.declaredConflicts.size() > limits.declaredConflicts)
    throw ValidationError("declared_conflicts", "too_long",
                          "at most " + std::to_string(limits.declaredConflicts) + " declared conflicts");
  static const std::set<std::string> types = {"collaborator", "advisor", "institutional", "personal",
                                              "other"};
  std::set<std::string> conflictEmails;
  for (size_t i = 0; i < in.declaredConflicts.size(); ++i) {
    const std::string prefix = "declared_conflicts[" + std::to_string(i) + "].";
    store::DeclaredConflict d;
    d.email = auth::normaliseEmail(in.declaredConflicts[i].email, prefix + "email");
    d.type = in.declaredConflicts[i].type.empty() ? "other" : in.declaredConflicts[i].type;
    if (!types.count(d.type))
      throw ValidationError(prefix + "type", "invalid_value",
                            prefix + "type must be collaborator, advisor, institutional, personal or other");
    if (emails.count(d.email))
      throw ValidationError(prefix + "email", "invalid_value", d.email + " is an author of this submission");
    if (conflictEmails.insert(d.email).second) r.declaredConflicts.push_back(std::move(d));
  }
  return r;
}

void linkAuthors(Poco::Data::Session& s, const store::ConferenceRecord& c, store::SubmissionRecord& sub,
                 const auth::Principal& who) {
  store::PeopleRepository people(s);
  store::ConferenceRepository conferences(s);
  for (store::SubmissionAuthor& a : sub.authors) {
    auto person = people.findPersonByEmail(a.email);
    if (!person) {
      store::PersonRecord p;
      p.email = a.email;
      p.familyName = a.familyName;
      p.givenName = a.givenName;
      p.nameOrder = a.nameOrder;
      p.affiliation = a.affiliation;
      p.country = a.country;
      p.orcid = a.orcid;
      p.locale = c.language;
      p.id = people.insertPerson(p);
      person = p;
    }
    a.personId = person->id;
    conferences.grantRole(c.id, person->id, "author", who.personId);
  }
}

}  // namespace confpress::submission
