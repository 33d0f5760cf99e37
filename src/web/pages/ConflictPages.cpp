// The chairs' conflicts-of-interest page (403 for anyone else; rows about a paper the chair is conflicted
// with never appear, through ConflictService and PaperVisibility):
//   GET  /c/{slug}/conflicts[?status=&source=]   every conflict with its evidence, filtered
//   POST /c/{slug}/conflicts/detect              detect again (a dismissed detection stays dismissed)
//   POST /c/{slug}/conflicts/{conflict}          {status: confirmed|dismissed|pending} a chair's decision
//   POST /c/{slug}/affinity                      recompute the affinities between members and papers
#include <algorithm>

#include "web/ErrorResponse.h"
#include "web/Exchange.h"
#include "web/Page.h"
#include "web/Routes.h"
#include "web/pages/CommitteeViews.h"
#include "web/pages/PageSupport.h"

namespace confpress::web {

namespace {

const std::vector<std::string> kStatuses = {"pending", "confirmed", "dismissed"};
const std::vector<std::string> kSources = {"author", "reviewer", "detected", "chair"};

/// The list's filters, as given in the query (or carried by a decision's form); unknown values are ignored.
struct ConflictFilter {
  std::string status;
  std::string source;

  static ConflictFilter from(const std::string& status, const std::string& source) {
    auto known = [](const std::vector<std::string>& values, const std::string& v) {
      return std::find(values.begin(), values.end(), v) != values.end() ? v : std::string();
    };
    return {known(kStatuses, status), known(kSources, source)};
  }

  std::string url(const std::string& slug) const {
    std::string query;
    if (!status.empty()) query += "status=" + status;
    if (!source.empty()) query += (query.empty() ? "" : "&") + std::string("source=") + source;
    return "/c/" + slug + "/conflicts" + (query.empty() ? "" : "?" + query);
  }
};

mstch::array statusCounts(Exchange& ex, const std::vector<store::ConflictRecord>& rows,
                          const ConflictFilter& filter, const std::string& slug) {
  mstch::array counts;
  for (const auto& status : kStatuses) {
    int n = 0;
    for (const auto& row : rows) n += row.status == status;
    counts.push_back(mstch::map{{"status", status},
                                {"label", pageTitle(ex, "conflict_status_" + status)},
                                {"count", n},
                                {"url", ConflictFilter{status, filter.source}.url(slug)}});
  }
  return counts;
}

void showConflicts(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  const std::string slug = ex.params["slug"];
  const ConflictFilter filter = ConflictFilter::from(ex.query("status"), ex.query("source"));
  const auto all = ex.services.conflicts.list(slug, std::nullopt, *who);  // Forbidden unless a chair
  const store::ConferenceRecord c = ex.services.conferences.get(slug);
  mstch::array rows;
  for (const auto& row : all)
    if ((filter.status.empty() || row.status == filter.status) &&
        (filter.source.empty() || row.source == filter.source))
      rows.push_back(conflictView(ex, c, row));
  const bool any = !rows.empty();
  const int shown = static_cast<int>(rows.size());
  renderPage(ex, 200, "conflicts", pageTitle(ex, "title_conflicts"),
             mstch::map{{"conference", conferenceHeading(ex, c)},
                        {"committee_nav",
                         committeeNav(ex, c, ex.services.conferences.standing(c.id, *who), "conflicts")},
                        {"conflicts", rows},
                        {"has_conflicts", any},
                        {"shown", shown},
                        {"total", static_cast<int>(all.size())},
                        {"counts", statusCounts(ex, all, filter, slug)},
                        {"statuses", selectOptions(ex, kStatuses, "conflict_status_", filter.status)},
                        {"sources", selectOptions(ex, kSources, "conflict_source_", filter.source)},
                        {"filter", mstch::map{{"status", filter.status}, {"source", filter.source}}},
                        {"list_url", "/c/" + slug + "/conflicts"},
                        {"detect_action", "/c/" + slug + "/conflicts/detect"},
                        {"affinity_action", "/c/" + slug + "/affinity"}});
}

void decide(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const std::string slug = ex.params["slug"];
  const int64_t id = positiveIdParam(ex, "conflict", "conflict");
  const auto& form = ex.form();
  const std::string status = form.get("status", "");
  ex.services.conflicts.decide(slug, id, status, *who, ex.origin());
  setFlash(ex, "flash_conflict_" + status);
  ex.redirect(ConflictFilter::from(form.get("filter_status", ""), form.get("filter_source", "")).url(slug) +
              "#conflicts-table");
}

void detect(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const std::string slug = ex.params["slug"];
  ex.services.conflicts.detect(slug, *who, ex.origin());
  setFlash(ex, "flash_conflicts_detected");
  ex.redirect("/c/" + slug + "/conflicts");
}

void recomputeAffinities(Exchange& ex) {
  const auth::Principal* who = signedInOrRedirect(ex);
  if (!who) return;
  checkCsrf(ex);
  const std::string slug = ex.params["slug"];
  ex.services.affinities.recompute(slug, std::nullopt, *who, ex.origin());
  setFlash(ex, "flash_affinities_recomputed");
  ex.redirect("/c/" + slug + "/conflicts");
}

}  // namespace

void addConflictPages(Router& router) {
  router.add("GET", "/c/{slug}/conflicts", showConflicts);
  router.add("POST", "/c/{slug}/conflicts/detect", detect);
  router.add("POST", "/c/{slug}/conflicts/{conflict}", decide);
  router.add("POST", "/c/{slug}/affinity", recomputeAffinities);
}

}  // namespace confpress::web
