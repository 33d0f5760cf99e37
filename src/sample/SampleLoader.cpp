#include "sample/SampleLoader.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <set>
#include <sstream>

#include "auth/Identity.h"
#include "auth/Passwords.h"
#include "conference/ConferenceService.h"
#include "conference/Deadlines.h"
#include "core/Errors.h"
#include "core/Time.h"
#include "store/AuditLog.h"
#include "store/ConferenceRepository.h"
#include "store/PeopleRepository.h"
#include "text/Unicode.h"

namespace confpress::sample {

Poco::JSON::Object::Ptr readSampleJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  try {
    return Poco::JSON::Parser().parse(bytes.str()).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(path + ": " + e.displayText());
  }
}

namespace {

std::string str(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  return o->has(key) && !o->isNull(key) ? o->getValue<std::string>(key) : std::string();
}

store::ConferenceRecord readConference(const Poco::JSON::Object::Ptr& c) {
  store::ConferenceRecord r;
  r.slug = str(c, "slug");
  r.title = text::cleanLine(str(c, "title"), "conference.title");
  r.titleEn = text::cleanLine(str(c, "title_en"), "conference.title_en");
  r.acronym = str(c, "acronym");
  r.organiser = text::cleanLine(str(c, "organiser"), "conference.organiser");
  r.venue = text::cleanLine(str(c, "venue"), "conference.venue");
  if (!str(c, "start_date").empty()) r.startDate = str(c, "start_date");
  if (!str(c, "end_date").empty()) r.endDate = str(c, "end_date");
  r.timezone = str(c, "timezone");
  r.language = str(c, "language").empty() ? "vi" : str(c, "language");
  r.callText = text::cleanText(str(c, "call"), "conference.call");
  r.callTextEn = text::cleanText(str(c, "call_en"), "conference.call_en");
  if (auto rules = c->getObject("rules")) {
    r.rules.maxPdfMb = rules->optValue("max_pdf_mb", r.rules.maxPdfMb);
    r.rules.minPages = rules->optValue("min_pages", r.rules.minPages);
    r.rules.maxPages = rules->optValue("max_pages", r.rules.maxPages);
    r.rules.referencesMayExceed = rules->optValue("references_may_exceed", r.rules.referencesMayExceed);
    r.rules.blind = rules->optValue<std::string>("blind", r.rules.blind);
    for (const char* list : {"paper_sizes", "required_fields"})
      if (auto items = rules->getArray(list)) {
        auto& target = std::string(list) == "paper_sizes" ? r.rules.paperSizes : r.rules.requiredFields;
        target.clear();
        for (unsigned i = 0; i < items->size(); ++i) target.push_back(items->getElement<std::string>(i));
      }
    if (auto severity = rules->getObject("severity")) {
      std::ostringstream json;
      severity->stringify(json);
      r.rules.severityJson = json.str();
    }
  }
  // "+30d": 30 days after loading, at the end of that day in the conference's zone.
  if (auto deadlines = c->getObject("deadlines"))
    for (const auto& [kind, value] : *deadlines) {
      std::string written = value.toString();
      if (!written.empty() && written[0] == '+' && written.back() == 'd')
        written = utcFromNow(std::stoll(written.substr(1, written.size() - 2)) * 86400).substr(0, 10);
      r.deadlines.push_back(
          {kind, conference::parseDeadline(written, r.timezone, "deadlines." + kind), written});
    }
  auto topics = c->getArray("topics");
  for (unsigned i = 0; topics && i < topics->size(); ++i) {
    auto t = topics->getObject(i);
    r.topics.push_back(
        {0, text::cleanLine(str(t, "name"), "topic"), text::cleanLine(str(t, "name_en"), "topic")});
  }
  return r;
}

store::PersonRecord readPerson(const Poco::JSON::Object::Ptr& p) {
  store::PersonRecord r;
  r.email = auth::normaliseEmail(str(p, "email"));
  r.familyName = auth::normaliseName(str(p, "family_name"), "family_name");
  r.givenName = auth::normaliseName(str(p, "given_name"), "given_name");
  r.nameOrder =
      auth::normaliseNameOrder(str(p, "name_order").empty() ? "family_first" : str(p, "name_order"));
  r.affiliation = auth::normaliseLine(str(p, "affiliation"), "affiliation", 300);
  r.country = auth::normaliseCountry(str(p, "country"));
  r.orcid = auth::normaliseOrcid(str(p, "orcid"));
  r.locale = auth::normaliseLocale(str(p, "locale").empty() ? "vi" : str(p, "locale"));
  return r;
}

}  // namespace

SampleSummary loadSample(store::Database& db, const std::string& sampleDir) {
  const std::string path = sampleDir + "/workshop.json";
  Poco::JSON::Object::Ptr root = readSampleJson(path);
  SampleSummary summary;
  summary.demoPassword = str(root, "demo_password");
  auth::checkPasswordRules(summary.demoPassword, "demo_password");
  // Every demo account has the same password, so one Argon2id hash serves them all (each real account
  // gets its own salt; hashing 58 times would only slow the demo down).
  const std::string demoHash = auth::hashPassword(summary.demoPassword);
  store::ConferenceRecord conference = readConference(root->getObject("conference"));
  auto people = root->getArray("people");
  if (!people) throw std::runtime_error(path + ": no \"people\" array");

  db.transaction([&](Poco::Data::Session& s) {
    store::ConferenceRepository conferences(s);
    if (auto existing = conferences.findBySlug(conference.slug)) {
      conference.id = existing->id;
      conferences.update(conference);
    } else {
      conference.id = conferences.insert(conference, std::nullopt);
    }
    store::PeopleRepository repo(s);
    std::set<std::string> rolesShown;
    for (unsigned i = 0; i < people->size(); ++i) {
      auto entry = people->getObject(i);
      store::PersonRecord person;
      try {
        person = readPerson(entry);
      } catch (const Error& e) {
        throw std::runtime_error(path + ": people[" + std::to_string(i) + "]." + e.field() + ": " + e.what());
      }
      if (auto known = repo.findPersonByEmail(person.email)) {
        person.id = known->id;
        repo.updatePerson(person);
      } else {
        person.id = repo.insertPerson(person);
      }
      if (!repo.findAccountById(person.id)) {
        repo.insertAccount(person.id, demoHash, false);
        ++summary.accountsCreated;
      }
      auto roles = entry->getArray("roles");
      for (unsigned r = 0; roles && r < roles->size(); ++r) {
        const std::string role = roles->getElement<std::string>(r);
        if (!conference::ConferenceService::isKnownRole(role))
          throw std::runtime_error(path + ": people[" + std::to_string(i) + "]: unknown role " + role);
        if (role == "admin")
          repo.setAdmin(person.id, true);
        else
          conferences.grantRole(conference.id, person.id, role, std::nullopt);
        if (r == 0 && rolesShown.insert(role).second)
          summary.demoAccounts.push_back(
              {role, person.email, auth::displayName(person.familyName, person.givenName, person.nameOrder)});
      }
      ++summary.people;
    }
    store::appendAudit(s, {std::nullopt, "", "sample.load", "conference", conference.slug, conference.id,
                           store::auditDetail({{"people", std::to_string(summary.people)}})});
  });
  summary.conferenceSlug = conference.slug;
  summary.conferenceTitle = conference.title;
  return summary;
}

}  // namespace confpress::sample
