#include "web/pages/PageSupport.h"

#include <Poco/NumberParser.h>

#include <regex>

#include "text/Unicode.h"

namespace confpress::web {

const auth::Principal* signedInOrRedirect(Exchange& ex) {
  if (const auto& who = ex.principal()) return &*who;
  ex.redirect("/signin?next=" + ex.path());
  return nullptr;
}

bool isFormError(const Error& e) {
  return e.kind() == ErrorKind::Validation || e.kind() == ErrorKind::Conflict ||
         e.kind() == ErrorKind::Forbidden;
}

std::string pageTitle(Exchange& ex, const std::string& key) {
  return ex.services.templates.message(ex.lang(), key, key);
}

int64_t positiveIdParam(Exchange& ex, const std::string& name, const std::string& what) {
  Poco::Int64 n = 0;
  const std::string& raw = ex.params[name];
  if (raw.empty() || raw.size() > 18 || !Poco::NumberParser::tryParse64(raw, n) || n <= 0)
    throw NotFound("no " + what + " '" + raw + "'");
  return n;
}

std::optional<int64_t> formNumber(const std::string& raw, const std::string& field) {
  const std::string value = text::cleanLine(raw, field);
  if (value.empty()) return std::nullopt;
  Poco::Int64 n = 0;
  if (value.size() > 9 || !Poco::NumberParser::tryParse64(value, n))
    throw ValidationError(field, "invalid_value", field + " must be a whole number");
  return n;
}

std::optional<LineField> lineField(const std::string& field) {
  static const std::regex pattern(R"(line\[(\d{1,9})\]\.([a-z_]+))");
  std::smatch m;
  if (!std::regex_match(field, m, pattern)) return std::nullopt;
  return LineField{std::stoi(m[1].str()), m[2].str()};
}

}  // namespace confpress::web
