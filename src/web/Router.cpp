#include "web/Router.h"

#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

namespace confpress::web {

namespace {

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> out;
  Poco::StringTokenizer tokens(path, "/", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (const std::string& t : tokens) out.push_back(t);
  return out;
}

bool isPlaceholder(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
  routes_.push_back({method, splitPath(pattern), std::move(handler)});
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  const std::vector<std::string> segments = splitPath(path);
  Match result;
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t i = 0; i < segments.size() && ok; ++i) {
      if (isPlaceholder(route.segments[i])) {
        std::string decoded;
        Poco::URI::decode(segments[i], decoded);
        params[route.segments[i].substr(1, route.segments[i].size() - 2)] = decoded;
      } else {
        ok = route.segments[i] == segments[i];
      }
    }
    if (!ok) continue;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      result.handler = &route.handler;
      result.params = std::move(params);
      return result;
    }
    result.allowedMethods.push_back(route.method);
  }
  return result;
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Route& route : routes_) {
    std::string pattern;
    for (const std::string& segment : route.segments) pattern += "/" + segment;
    out.emplace_back(route.method, pattern.empty() ? "/" : pattern);
  }
  return out;
}

}  // namespace confpress::web
