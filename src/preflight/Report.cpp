#include "preflight/Report.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace confpress::preflight {

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
  o.set("paper_size", paperSize);
  Poco::JSON::Array list;
  for (const Problem& p : problems) {
    Poco::JSON::Object item(Poco::JSON_PRESERVE_KEY_ORDER);
    item.set("code", p.code);
    item.set("severity", p.severity);
    if (p.page > 0) item.set("page", p.page);
    item.set("message", p.message);
    list.add(item);
  }
  o.set("problems", list);
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

Report Report::fromJson(const std::string& json) {
  Poco::JSON::Object::Ptr o;
  try {
    o = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("malformed preflight report: " + e.displayText());
  }
  Report r;
  r.status = o->optValue<std::string>("status", "error");
  r.pages = o->optValue<int>("pages", 0);
  r.paperSize = o->optValue<std::string>("paper_size", "");
  if (auto list = o->getArray("problems"))
    for (unsigned i = 0; i < list->size(); ++i) {
      auto p = list->getObject(i);
      r.problems.push_back({p->optValue<std::string>("code", ""),
                            p->optValue<std::string>("severity", "error"), p->optValue<int>("page", 0),
                            p->optValue<std::string>("message", "")});
    }
  return r;
}

}  // namespace confpress::preflight
