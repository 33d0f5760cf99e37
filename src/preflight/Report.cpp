// Report: adding problems (the status follows the worst severity) and the JSON the worker sends back.
#include "preflight/Report.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <unicode/unistr.h>

#include <sstream>
#include <stdexcept>

#include "text/Unicode.h"

namespace confpress::preflight {

namespace {

/// `s` with ill-formed UTF-8 replaced by U+FFFD: font names and qpdf's messages quote bytes from the
/// file, and the JSON must stay parseable.
std::string wellFormed(const std::string& s) {
  if (text::isValidUtf8(s)) return s;
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))).toUTF8String(out);
  return out;
}

}  // namespace

void Report::add(Problem problem) {
  if (problem.severity == "off") return;
  if (problem.severity == "error")
    status = "error";
  else if (status == "ok")
    status = "warning";
  problems.push_back(std::move(problem));
}

std::string Report::toJson() const {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("status", status);
  o.set("pages", pages);
  o.set("paper_size", wellFormed(paperSize));
  Poco::JSON::Array list;
  for (const Problem& p : problems) {
    Poco::JSON::Object item(Poco::JSON_PRESERVE_KEY_ORDER);
    item.set("code", p.code);
    item.set("severity", p.severity);
    if (p.page > 0) item.set("page", p.page);
    item.set("message", wellFormed(p.message));
    list.add(item);
  }
  o.set("problems", list);
  if (!text.empty()) o.set("text", wellFormed(text));
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

Report Report::fromJson(const std::string& json) {
  Report r;
  try {
    const auto o = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
    const auto list = o->getArray("problems");
    r.status = o->getValue<std::string>("status");
    if ((r.status != "ok" && r.status != "warning" && r.status != "error") || !list)
      throw std::runtime_error("no status or no problems");
    r.pages = o->optValue<int>("pages", 0);
    r.paperSize = o->optValue<std::string>("paper_size", "");
    r.text = o->optValue<std::string>("text", "");
    for (unsigned i = 0; i < list->size(); ++i) {
      const auto p = list->getObject(i);
      if (!p) throw std::runtime_error("a problem that is not an object");
      r.problems.push_back({p->getValue<std::string>("code"), p->getValue<std::string>("severity"),
                            p->optValue<int>("page", 0), p->optValue<std::string>("message", "")});
    }
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("malformed preflight report: " + e.displayText());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(std::string("malformed preflight report: ") + e.what());
  }
  return r;
}

}  // namespace confpress::preflight
