#include "web/pages/CommitteeViews.h"

#include <Poco/Net/HTMLForm.h>

#include <algorithm>
#include <iomanip>
#include <sstream>

#include "auth/Identity.h"
#include "conference/Deadlines.h"
#include "web/ErrorResponse.h"

namespace confpress::web {

namespace {

std::string label(Exchange& ex, const std::string& key, const std::string& fallback) {
  return ex.services.templates.message(ex.lang(), key, fallback);
}

std::string topicName(Exchange& ex, const store::TopicRecord& t) {
  return ex.lang() == "en" && !t.nameEn.empty() ? t.nameEn : t.name;
}

}  // namespace

mstch::map conferenceHeading(Exchange& ex, const store::ConferenceRecord& c) {
  const bool english = ex.lang() == "en" && !c.titleEn.empty();
  return mstch::map{{"slug", c.slug},
                    {"title", english ? c.titleEn : c.title},
                    {"acronym", c.acronym},
                    {"url", "/c/" + c.slug}};
}

mstch::map committeeNav(Exchange& ex, const store::ConferenceRecord& c,
                        const policy::ConferenceStanding& standing, const std::string& current) {
  std::vector<std::string> pages;
  if (policy::mayManageCommittee(standing)) pages = {"committee", "conflicts", "assignment"};
  if (standing.isCommitteeMember()) {
    pages.push_back("profile");
    pages.push_back("bids");
  }
  mstch::array links;
  for (const auto& page : pages)
    links.push_back(mstch::map{{"url", "/c/" + c.slug + "/" + page},
                               {"key", page},
                               {"label", label(ex, "committee_nav_" + page, page)},
                               {"current", page == current}});
  return mstch::map{{"links", links}, {"has_links", !pages.empty()}};
}

mstch::array topicChoices(Exchange& ex, const store::ConferenceRecord& c,
                          const std::vector<int64_t>& chosen) {
  mstch::array out;
  for (const auto& t : c.topics)
    out.push_back(mstch::map{{"id", std::to_string(t.id)},
                             {"name", topicName(ex, t)},
                             {"checked", std::find(chosen.begin(), chosen.end(), t.id) != chosen.end()}});
  return out;
}

mstch::array topicChoices(Exchange& ex, const store::ConferenceRecord& c,
                          const std::vector<std::string>& chosen) {
  std::vector<int64_t> ids;
  for (const auto& t : c.topics)
    if (std::find(chosen.begin(), chosen.end(), std::to_string(t.id)) != chosen.end()) ids.push_back(t.id);
  return topicChoices(ex, c, ids);
}

mstch::array topicList(Exchange& ex, const store::ConferenceRecord& c, const std::vector<int64_t>& ids) {
  mstch::array out;
  for (const auto& t : c.topics)
    if (std::find(ids.begin(), ids.end(), t.id) != ids.end())
      out.push_back(mstch::map{{"name", topicName(ex, t)}});
  return out;
}

// Topic names joined with "; ", for a table cell.
std::string topicText(Exchange& ex, const store::ConferenceRecord& c, const std::vector<int64_t>& ids) {
  std::string out;
  for (const auto& t : c.topics)
    if (std::find(ids.begin(), ids.end(), t.id) != ids.end())
      out += (out.empty() ? "" : "; ") + topicName(ex, t);
  return out;
}

mstch::map memberView(Exchange& ex, const store::ConferenceRecord& c, const store::CommitteeMemberRecord& m) {
  const std::string id = std::to_string(m.personId);
  return mstch::map{{"id", id},
                    {"name", auth::displayName(m.familyName, m.givenName, m.nameOrder)},
                    {"email", m.email},
                    {"affiliation", m.affiliation},
                    {"role", m.role},
                    {"role_label", label(ex, "role_" + m.role, m.role)},
                    {"role_short", label(ex, "committee_role_" + m.role, m.role)},
                    {"is_senior", m.role == "senior_pc"},
                    {"status", m.status},
                    {"status_label", label(ex, "member_status_" + m.status, m.status)},
                    {"min_load", std::to_string(m.minLoad)},
                    {"max_load", m.maxLoad ? std::to_string(*m.maxLoad) : std::string()},
                    {"has_max_load", m.maxLoad.has_value()},
                    {"topics", topicList(ex, c, m.topicIds)},
                    {"topics_text", topicText(ex, c, m.topicIds)},
                    {"topic_choices", topicChoices(ex, c, m.topicIds)},
                    {"papers", m.papers},
                    {"edit_url", "/c/" + c.slug + "/committee/" + id},
                    {"remove_url", "/c/" + c.slug + "/committee/" + id + "/remove"}};
}

mstch::map conflictView(Exchange& ex, const store::ConferenceRecord& c, const store::ConflictRecord& row) {
  const std::string id = std::to_string(row.id);
  return mstch::map{
      {"id", id},
      {"number", row.number},
      {"title", row.title},
      {"paper_url", "/c/" + c.slug + "/submissions/" + std::to_string(row.number)},
      {"person", auth::displayName(row.familyName, row.givenName, row.nameOrder)},
      {"email", row.email},
      {"source", row.source},
      {"source_label", label(ex, "conflict_source_" + row.source, row.source)},
      {"type", row.type},
      {"type_label", label(ex, "conflict_type_" + row.type, row.type)},
      {"evidence", row.evidence},
      {"evidence_is_english", ex.lang() != "en"},  // the detector writes its evidence in English
      {"status", row.status},
      {"status_label", label(ex, "conflict_status_" + row.status, row.status)},
      {"may_confirm", row.status != "confirmed"},
      {"may_dismiss", row.status != "dismissed" && row.type != "author"},
      {"decided",
       row.decidedAt ? conference::formatInstant(*row.decidedAt, c.timezone, ex.lang()) : std::string()},
      {"action", "/c/" + c.slug + "/conflicts/" + id}};
}

mstch::array selectOptions(Exchange& ex, const std::vector<std::string>& values, const std::string& prefix,
                           const std::string& selected) {
  mstch::array out;
  for (const auto& v : values)
    out.push_back(mstch::map{{"value", v}, {"label", label(ex, prefix + v, v)}, {"selected", v == selected}});
  return out;
}

mstch::map fieldErrors(Exchange& ex, const Error& e, const std::vector<std::string>& fields) {
  const std::string base = e.field().substr(0, e.field().find_first_of("[."));
  const bool known = std::find(fields.begin(), fields.end(), base) != fields.end();
  return mstch::map{{known ? base : "form", localMessage(ex, e)}};
}

std::vector<std::string> repeatedValues(const Poco::Net::HTMLForm& form, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [key, value] : form)
    if (key == name) out.push_back(value);
  return out;
}

}  // namespace confpress::web
