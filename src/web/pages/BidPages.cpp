// The bidding page of committee members (403 for anyone else):
//   GET  /c/{slug}/bids        the papers the member may see, best affinity first, with a bid form each and
//                              the count of each level at the top
//   POST /c/{slug}/bids/{id}   {level: eager|willing|neutral|not_willing|conflict, type?} for paper {id}
// Each paper's form works without JavaScript (the answer is the page again, at that paper); the page's
// script posts it with fetch instead, asking for JSON ({number, level, counts}), and shows "saved" beside
// it, so one bid never reloads the list. A declared conflict removes the paper from the list.
#include <Poco/JSON/Object.h>

#include <cmath>
#include <sstream>

#include "committee/BidService.h"
#include "web/ErrorResponse.h"
#include "web/Exchange.h"
#include "web/JsonOutput.h"
#include "web/Page.h"
#include "web/Routes.h"
#include "web/SubmissionApiSupport.h"
#include "web/pages/CommitteeViews.h"
#include "web/pages/PageSupport.h"

namespace confpress::web {

namespace {

const std::vector<std::string> kConflictTypes = {"collaborator", "advisor", "institutional", "personal",
                                                 "other"};

std::vector<std::string> levelsWithConflict() {
  std::vector<std::string> levels = committee::bidLevels();
  levels.push_back("conflict");
  return levels;
}

std::string bidsUrl(const std::string& slug) {
  return "/c/" + slug + "/bids";
}

/// How many papers carry each level, "none" for those without a bid, "conflict" for declared conflicts.
std::map<std::string, int> countLevels(const std::vector<committee::BiddingPaper>& papers, int conflicts) {
  std::map<std::string, int> counts{{"none", 0}, {"conflict", conflicts}};
  for (const auto& level : committee::bidLevels()) counts[level] = 0;
  for (const auto& p : papers) ++counts[p.bid.value_or("none")];
  return counts;
}

std::string affinityText(double affinity) {
  std::ostringstream out;
  out.precision(2);
  out << std::fixed << affinity;
  return out.str();
}

mstch::map paperView(Exchange& ex, const store::ConferenceRecord& c, const committee::BiddingPaper& p,
                     const std::map<int, std::string>& errors) {
  std::string keywords;
  for (const auto& k : p.keywords) keywords += (keywords.empty() ? "" : "; ") + k;
  const std::string current = p.bid.value_or("");
  mstch::array levels;
  for (const auto& level : levelsWithConflict())
    levels.push_back(mstch::map{{"value", level},
                                {"label", pageTitle(ex, "bid_" + level)},
                                {"checked", level == current},
                                {"is_conflict", level == "conflict"}});
  mstch::map view{{"number", p.number},
                  {"title", p.title},
                  {"abstract", p.abstract},
                  {"keywords", keywords},
                  {"topics", topicList(ex, c, p.topicIds)},
                  {"affinity", affinityText(p.affinity)},
                  {"affinity_percent", static_cast<int>(std::lround(std::clamp(p.affinity, 0.0, 1.0) * 100))},
                  {"bid", current},
                  {"has_bid", p.bid.has_value()},
                  {"bid_label", pageTitle(ex, "bid_" + current)},
                  {"levels", levels},
                  {"conflict_types", selectOptions(ex, kConflictTypes, "conflict_type_", "")},
                  {"action", bidsUrl(c.slug) + "/" + std::to_string(p.number)},
                  {"paper_url", "/c/" + c.slug + "/submissions/" + std::to_string(p.number)}};
  if (auto it = errors.find(p.number); it != errors.end()) view["error"] = it->second;
  return view;
}

void renderBids(Exchange& ex, int status, const std::map<int, std::string>& errors) {
  const auth::Principal& who = *ex.principal();
  const std::string slug = ex.params["slug"];
  const auto papers = ex.services.bids.papers(slug, who);  // Forbidden unless an accepted member
  const store::ConferenceRecord c = ex.services.conferences.get(slug);
  mstch::array rows;
  for (const auto& p : papers) rows.push_back(paperView(ex, c, p, errors));
  mstch::array counts;
  const auto levels = countLevels(papers, ex.services.bids.declaredConflicts(slug, who));
  for (const auto& level : levelsWithConflict())
    counts.push_back(
        mstch::map{{"level", level}, {"label", pageTitle(ex, "bid_" + level)}, {"count", levels.at(level)}});
  counts.push_back(mstch::map{
      {"level", std::string("none")}, {"label", pageTitle(ex, "bid_none")}, {"count", levels.at("none")}});
  const bool any = !rows.empty();
  renderPage(
      ex, status, "bids", pageTitle(ex, "title_bids"),
      mstch::map{{"conference", conferenceHeading(ex, c)},
                 {"committee_nav", committeeNav(ex, c, ex.services.conferences.standing(c.id, who), "bids")},
                 {"papers", rows},
                 {"has_papers", any},
                 {"shown", static_cast<int>(papers.size())},
                 {"counts", counts}});
}

void showBids(Exchange& ex) {
  if (!signedInOrRedirect(ex)) return;
  renderBids(ex, 200, {});
}

bool wantsJson(Exchange& ex) {
  return ex.request.get("Accept", "").find("application/json") != std::string::npos;
}

void sendSaved(Exchange& ex, int number, const std::string& level) {
  const auth::Principal& who = *ex.principal();
  const std::string slug = ex.params["slug"];
  auto counts = newObject();
  for (const auto& [name, n] :
       countLevels(ex.services.bids.papers(slug, who), ex.services.bids.declaredConflicts(slug, who)))
    counts->set(name, n);
  auto body = newObject();
  body->set("number", number);
  body->set("level", level);
  body->set("label", pageTitle(ex, "bid_" + level));
  body->set("counts", counts);
  ex.sendJson(200, body);
}

void sendJsonError(Exchange& ex, const Error& e) {
  auto error = newObject();
  error->set("code", e.code());
  error->set("message", localMessage(ex, e));
  error->set("field", e.field());
  auto body = newObject();
  body->set("error", error);
  ex.sendJson(statusFor(e.kind()), body);
}

void saveBid(Exchange& ex) {
  const bool json = wantsJson(ex);
  // The script cannot follow a redirect to the sign-in page: it is told, and says so beside the form.
  if (json && !ex.principal())
    return sendJsonError(ex, Error(ErrorKind::Unauthenticated, "unauthenticated", "sign in again"));
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  const std::string slug = ex.params["slug"];
  try {
    checkCsrf(ex);
    const int number = static_cast<int>(submissionNumber(ex));
    const std::string level = ex.form().get("level", "");
    std::optional<std::string> type;
    if (level == "conflict") type = ex.form().get("type", "other");
    const std::string stored = ex.services.bids.setBid(slug, number, level, type, *who, ex.origin());
    if (json) return sendSaved(ex, number, stored);
    setFlash(ex, stored == "conflict" ? "flash_conflict_declared" : "flash_bid_saved");
    ex.redirect(bidsUrl(slug) + (stored == "conflict" ? "" : "#paper-" + std::to_string(number)));
  } catch (const Error& e) {
    if (json) return sendJsonError(ex, e);
    if (e.kind() != ErrorKind::Validation && e.kind() != ErrorKind::Conflict) throw;
    renderBids(ex, statusFor(e.kind()), {{static_cast<int>(submissionNumber(ex)), localMessage(ex, e)}});
  }
}

}  // namespace

void addBidPages(Router& router) {
  router.add("GET", "/c/{slug}/bids", showBids);
  router.add("POST", "/c/{slug}/bids/{id}", saveBid);
}

}  // namespace confpress::web
