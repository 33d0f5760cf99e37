// Public pages and assets:
//   GET /                    conferences and their calls
//   GET /c/{slug}            one conference
//   GET /lang/{code}?next=   switch the interface language (vi, en)
//   GET /static/{file}       stylesheet and images from templates/static
#include <Poco/File.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "auth/Identity.h"
#include "core/Errors.h"
#include "web/Exchange.h"
#include "web/Page.h"
#include "web/Routes.h"
#include "web/pages/CommitteeViews.h"
#include "web/pages/SubmissionViews.h"

namespace confpress::web {

namespace {

// The conference as the page shows it, in the reader's language where a translation exists.
mstch::map conferenceView(const store::ConferenceRecord& c, const std::string& lang) {
  const bool english = lang == "en" && !c.titleEn.empty();
  mstch::array topics;
  for (const auto& t : c.topics)
    topics.push_back(mstch::map{{"name", lang == "en" && !t.nameEn.empty() ? t.nameEn : t.name}});
  const std::string& call = lang == "en" && !c.callTextEn.empty() ? c.callTextEn : c.callText;
  return mstch::map{{"slug", c.slug},
                    {"title", english ? c.titleEn : c.title},
                    {"title_alt", english ? c.title : c.titleEn},
                    {"acronym", c.acronym},
                    {"organiser", c.organiser},
                    {"venue", c.venue},
                    {"dates", formatDates(c.startDate, c.endDate, lang)},
                    {"timezone", c.timezone},
                    {"call", call},
                    {"topics", topics},
                    {"url", "/c/" + c.slug}};
}

void showHome(Exchange& ex) {
  mstch::array conferences;
  for (const auto& c : ex.services.conferences.list()) conferences.push_back(conferenceView(c, ex.lang()));
  const bool any = !conferences.empty();
  renderPage(ex, 200, "home", ex.services.templates.message(ex.lang(), "title_home", "ConfPress"),
             mstch::map{{"conferences", conferences}, {"has_conferences", any}});
}

// The committee pages the reader may open (committee_nav) and, for someone invited
// who has not answered yet, the link to their invitation (invitation_url).
void addCommitteeNavigation(Exchange& ex, const store::ConferenceRecord& c, mstch::map& context) {
  const auto& who = ex.principal();
  if (!who) return;
  context["committee_nav"] = committeeNav(ex, c, ex.services.conferences.standing(c.id, who), "");
  try {
    if (ex.services.committee.me(c.slug, *who).status == "invited")
      context["invitation_url"] = "/c/" + c.slug + "/invitation";
  } catch (const NotFound&) {
    // Not invited: nothing to answer.
  }
}

void showConference(Exchange& ex) {
  auto c = ex.services.conferences.get(ex.params["slug"]);
  mstch::array roles;
  for (const auto& role : ex.services.conferences.standing(c.id, ex.principal()).roles)
    roles.push_back(mstch::map{{"name", ex.services.templates.message(ex.lang(), "role_" + role, role)}});
  const bool hasRoles = !roles.empty();
  mstch::map view = conferenceView(c, ex.lang());
  // The call's deadlines and submission links come from the submission pages' summary.
  mstch::map summary = conferenceSummary(ex, c);
  for (const char* key : {"deadlines", "has_deadlines", "submissions_url", "new_submission_url", "max_pdf_mb",
                          "min_pages", "max_pages", "paper_sizes", "double_blind"})
    view[key] = summary[key];
  const std::string title = ex.lang() == "en" && !c.titleEn.empty() ? c.titleEn : c.title;
  mstch::map context{{"conference", view}, {"my_roles", roles}, {"has_roles", hasRoles}};
  addCommitteeNavigation(ex, c, context);
  renderPage(ex, 200, "conference", title, context);
}

void switchLanguage(Exchange& ex) {
  const std::string lang = ex.params["code"];
  if (lang != "vi" && lang != "en") throw NotFound("no interface language '" + lang + "'");
  ex.setCookie("cp_lang", lang, 365 * 24 * 3600);
  if (const auto& who = ex.principal()) ex.services.accounts.setLocale(who->personId, lang);
  ex.redirect(safeNext(ex.query("next")));
}

void serveStatic(Exchange& ex) {
  static const std::regex safeName("[a-z0-9_-]{1,64}\\.(css|svg|png|ico|woff2)");
  const std::string name = ex.params["file"];
  std::smatch m;
  if (!std::regex_match(name, m, safeName)) throw NotFound("no such file");
  const std::string path = ex.services.templates.directory() + "/static/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NotFound("no such file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  static const std::map<std::string, std::string> types = {{"css", "text/css; charset=utf-8"},
                                                           {"svg", "image/svg+xml"},
                                                           {"png", "image/png"},
                                                           {"ico", "image/x-icon"},
                                                           {"woff2", "font/woff2"}};
  ex.response.set("Cache-Control", "public, max-age=3600");
  ex.sendText(200, bytes.str(), types.at(m[1].str()));
}

}  // namespace

void addSitePages(Router& router) {
  router.add("GET", "/", showHome);
  router.add("GET", "/c/{slug}", showConference);
  router.add("GET", "/lang/{code}", switchLanguage);
  router.add("GET", "/static/{file}", serveStatic);
}

}  // namespace confpress::web
