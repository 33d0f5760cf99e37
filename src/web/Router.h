#pragma once
// Maps "METHOD /path/{param}" to handlers. Built once at start-up, then only read (thread-safe).
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace confpress::web {

class Exchange;
using Handler = std::function<void(Exchange&)>;

class Router {
 public:
  /// `pattern` is a path whose segments are literals or {name} placeholders: "/api/v1/conferences/{slug}".
  void add(const std::string& method, const std::string& pattern, Handler handler);

  struct Match {
    const Handler* handler = nullptr;           // null when nothing matched
    std::map<std::string, std::string> params;  // placeholder values, URL-decoded
    std::vector<std::string> allowedMethods;    // when the path matched but the method did not
  };
  Match match(const std::string& method, const std::string& path) const;

  /// Every route as (method, pattern), in the order added: for tests that must cover all of them.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace confpress::web
