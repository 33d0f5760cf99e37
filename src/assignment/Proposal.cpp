#include "assignment/Proposal.h"

#include <Poco/DigestStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SHA1Engine.h>

#include <algorithm>
#include <sstream>

#include "core/Errors.h"

namespace confpress::assignment {

namespace {

void requireRange(int value, int low, int high, const std::string& field) {
  if (value < low || value > high)
    throw ValidationError(field, "out_of_range",
                          field + " must be between " + std::to_string(low) + " and " + std::to_string(high));
}

Poco::JSON::Object::Ptr settingsObject(const AssignmentSettings& s) {
  Poco::JSON::Object::Ptr o = Poco::makeShared<Poco::JSON::Object>();
  o->set("reviewers_per_paper", s.reviewersPerPaper);
  o->set("mode", s.mode == assign::AssignMode::Fair ? "fair" : "total");
  o->set("max_per_affiliation", s.maxPerAffiliation);
  o->set("default_max_load", s.defaultMaxLoad);
  o->set("include_senior_pc", s.includeSeniorPc);
  o->set("keep_current", s.keepCurrent);
  return o;
}

AssignmentSettings settingsOf(const Poco::JSON::Object::Ptr& o) {
  AssignmentSettings s;
  if (!o) return s;
  s.reviewersPerPaper = o->optValue<int>("reviewers_per_paper", s.reviewersPerPaper);
  s.mode = o->optValue<std::string>("mode", "total") == "fair" ? assign::AssignMode::Fair
                                                               : assign::AssignMode::Total;
  s.maxPerAffiliation = o->optValue<int>("max_per_affiliation", 0);
  s.defaultMaxLoad = o->optValue<int>("default_max_load", 0);
  s.includeSeniorPc = o->optValue<bool>("include_senior_pc", true);
  s.keepCurrent = o->optValue<bool>("keep_current", false);
  return s;
}

Poco::JSON::Object::Ptr parseObject(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

std::string stringify(const Poco::JSON::Object::Ptr& o) {
  std::ostringstream out;
  o->stringify(out);
  return out.str();
}

}  // namespace

void validateSettings(const AssignmentSettings& s) {
  requireRange(s.reviewersPerPaper, 1, 20, "reviewers_per_paper");
  requireRange(s.maxPerAffiliation, 0, 20, "max_per_affiliation");
  requireRange(s.defaultMaxLoad, 0, 10000, "default_max_load");
}

std::string settingsToJson(const AssignmentSettings& settings) {
  return stringify(settingsObject(settings));
}

AssignmentSettings settingsFromJson(const std::string& json) {
  return settingsOf(parseObject(json));
}

std::string fingerprint(std::vector<Pair> pairs) {
  std::sort(pairs.begin(), pairs.end());
  Poco::SHA1Engine sha;
  Poco::DigestOutputStream out(sha);
  for (const Pair& p : pairs) out << p.submissionId << ':' << p.personId << ';';
  out.flush();
  return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string proposalToJson(const Proposal& p) {
  Poco::JSON::Object::Ptr o = Poco::makeShared<Poco::JSON::Object>();
  o->set("settings", settingsObject(p.settings));
  Poco::JSON::Array::Ptr pairs = Poco::makeShared<Poco::JSON::Array>();
  for (size_t i = 0; i < p.pairs.size(); ++i) {
    Poco::JSON::Array::Ptr row = Poco::makeShared<Poco::JSON::Array>();
    row->add(p.pairs[i].submissionId);
    row->add(p.pairs[i].personId);
    row->add(i < p.scores.size() ? p.scores[i] : 0.0);
    pairs->add(row);
  }
  o->set("pairs", pairs);
  o->set("objective", p.objective);
  if (p.floor) o->set("floor", *p.floor);
  o->set("min_paper_score", p.minPaperScore);
  o->set("mean_paper_score", p.meanPaperScore);
  o->set("load_min", p.loadMin);
  o->set("load_max", p.loadMax);
  o->set("papers", p.papers);
  o->set("reviewers", p.reviewers);
  o->set("candidates", static_cast<Poco::UInt64>(p.candidates));
  o->set("excluded_pairs", static_cast<Poco::UInt64>(p.excludedPairs));
  o->set("fixed_pairs", static_cast<Poco::UInt64>(p.fixedPairs));
  o->set("seconds", p.seconds);
  o->set("base", p.baseFingerprint);
  if (p.committedAt) o->set("committed_at", *p.committedAt);
  if (p.committedBy) o->set("committed_by", *p.committedBy);
  return stringify(o);
}

Proposal proposalFromJson(const std::string& json) {
  const Poco::JSON::Object::Ptr o = parseObject(json);
  Proposal p;
  p.settings = settingsOf(o->getObject("settings"));
  if (auto pairs = o->getArray("pairs"))
    for (unsigned i = 0; i < pairs->size(); ++i) {
      auto row = pairs->getArray(i);
      p.pairs.push_back({row->getElement<Poco::Int64>(0), row->getElement<Poco::Int64>(1)});
      p.scores.push_back(row->getElement<double>(2));
    }
  p.objective = o->optValue<double>("objective", 0);
  if (o->has("floor")) p.floor = o->getValue<double>("floor");
  p.minPaperScore = o->optValue<double>("min_paper_score", 0);
  p.meanPaperScore = o->optValue<double>("mean_paper_score", 0);
  p.loadMin = o->optValue<int>("load_min", 0);
  p.loadMax = o->optValue<int>("load_max", 0);
  p.papers = o->optValue<int>("papers", 0);
  p.reviewers = o->optValue<int>("reviewers", 0);
  p.candidates = o->optValue<Poco::UInt64>("candidates", 0);
  p.excludedPairs = o->optValue<Poco::UInt64>("excluded_pairs", 0);
  p.fixedPairs = o->optValue<Poco::UInt64>("fixed_pairs", 0);
  p.seconds = o->optValue<double>("seconds", 0);
  p.baseFingerprint = o->optValue<std::string>("base", "");
  if (o->has("committed_at")) p.committedAt = o->getValue<std::string>("committed_at");
  if (o->has("committed_by")) p.committedBy = o->getValue<Poco::Int64>("committed_by");
  return p;
}

}  // namespace confpress::assignment
