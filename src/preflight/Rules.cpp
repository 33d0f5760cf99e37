// Rules: default severities and the JSON in which rules travel to the worker process.
#include "preflight/Rules.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace confpress::preflight {

const std::map<std::string, std::string>& defaultSeverities() {
  static const std::map<std::string, std::string> defaults = {
      {"not_pdf", "error"},        {"empty", "error"},           {"encrypted", "error"},
      {"damaged", "error"},        {"repaired", "error"},        {"too_few_pages", "error"},
      {"too_many_pages", "error"}, {"paper_size", "error"},      {"fonts_not_embedded", "warning"},
      {"no_text", "warning"},      {"bottom_margin", "warning"}, {"anonymity", "error"},
      {"time_limit", "error"},     {"memory_limit", "error"},    {"references_over_limit", "warning"},
      {"restricted", "warning"},   {"invalid_content", "error"},
  };
  return defaults;
}

std::map<std::string, std::string> cameraReadySeverities() {
  auto s = defaultSeverities();
  s["fonts_not_embedded"] = "error";
  s["bottom_margin"] = "error";
  s["anonymity"] = "off";
  return s;
}

std::string Rules::severityOf(const std::string& code) const {
  if (auto it = severity.find(code); it != severity.end()) return it->second;
  if (auto it = defaultSeverities().find(code); it != defaultSeverities().end()) return it->second;
  return "error";
}

std::string Rules::toJson() const {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("min_pages", minPages);
  o.set("max_pages", maxPages);
  o.set("references_may_exceed", referencesMayExceed);
  Poco::JSON::Array sizes;
  for (const auto& s : paperSizes) sizes.add(s);
  o.set("paper_sizes", sizes);
  o.set("size_tolerance_mm", sizeToleranceMm);
  o.set("bottom_margin_mm", bottomMarginMm);
  o.set("double_blind", doubleBlind);
  Poco::JSON::Array authorList;
  for (const auto& a : authors) {
    Poco::JSON::Object item;
    item.set("family_name", a.familyName);
    item.set("given_name", a.givenName);
    item.set("email", a.email);
    item.set("affiliation", a.affiliation);
    authorList.add(item);
  }
  o.set("authors", authorList);
  Poco::JSON::Object severities;
  for (const auto& [code, level] : severity) severities.set(code, level);
  o.set("severity", severities);
  if (extractTextBytes > 0) o.set("extract_text_bytes", static_cast<Poco::UInt64>(extractTextBytes));
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

Rules Rules::fromJson(const std::string& json) {
  auto o = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  Rules r;
  r.minPages = o->optValue<int>("min_pages", r.minPages);
  r.maxPages = o->optValue<int>("max_pages", r.maxPages);
  r.referencesMayExceed = o->optValue<bool>("references_may_exceed", r.referencesMayExceed);
  if (auto sizes = o->getArray("paper_sizes")) {
    r.paperSizes.clear();
    for (unsigned i = 0; i < sizes->size(); ++i) r.paperSizes.push_back(sizes->getElement<std::string>(i));
  }
  r.sizeToleranceMm = o->optValue<double>("size_tolerance_mm", r.sizeToleranceMm);
  r.bottomMarginMm = o->optValue<double>("bottom_margin_mm", r.bottomMarginMm);
  r.doubleBlind = o->optValue<bool>("double_blind", false);
  if (auto list = o->getArray("authors"))
    for (unsigned i = 0; i < list->size(); ++i) {
      auto a = list->getObject(i);
      r.authors.push_back({a->optValue<std::string>("family_name", ""),
                           a->optValue<std::string>("given_name", ""), a->optValue<std::string>("email", ""),
                           a->optValue<std::string>("affiliation", "")});
    }
  if (auto severities = o->getObject("severity"))
    for (const auto& [code, level] : *severities) r.severity[code] = level.toString();
  r.extractTextBytes = static_cast<size_t>(o->optValue<Poco::UInt64>("extract_text_bytes", 0));
  return r;
}

}  // namespace confpress::preflight
