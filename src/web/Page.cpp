#include "web/Page.h"

#include <Poco/URI.h>

#include <regex>

#include "auth/Tokens.h"
#include "core/Errors.h"

namespace confpress::web {

namespace {

std::string ensureCsrfToken(Exchange& ex) {
  if (!ex.csrfToken.empty()) return ex.csrfToken;
  std::string token = ex.cookie("cp_csrf");
  if (token.size() != 43) {
    token = auth::newToken();
    ex.setCookie("cp_csrf", token, -1);
  }
  ex.csrfToken = token;
  return token;
}

std::string formatDate(const std::string& iso, const std::string& lang) {
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::string y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
  if (lang == "vi") return d + "/" + m + "/" + y;
  return std::to_string(std::stoi(d)) + " " + months[std::stoi(m) - 1] + " " + y;
}

}  // namespace

mstch::map pageContext(Exchange& ex) {
  const std::string& lang = ex.lang();
  const auto& templates = ex.services.templates;
  const std::string other = lang == "vi" ? "en" : "vi";
  mstch::map context{
      {"lang", lang},
      {"t", templates.catalog(lang)},
      {"csrf", ensureCsrfToken(ex)},
      {"csp_nonce", ex.cspNonce()},
      {"current_path", ex.path()},
      {"other_lang",
       mstch::map{{"code", other}, {"label", templates.message(lang, "lang_name_" + other, other)}}},
  };
  if (const auto& who = ex.principal())
    context["user"] =
        mstch::map{{"display_name", who->displayName}, {"email", who->email}, {"is_admin", who->isAdmin}};
  const std::string flash = ex.cookie("cp_flash");
  static const std::regex flashPattern("(success|info|error):([a-z_]{1,60})");
  std::smatch m;
  if (std::regex_match(flash, m, flashPattern)) {
    context["flash"] = mstch::map{{"kind", m[1].str()},
                                  {"is_error", m[1].str() == "error"},
                                  {"message", templates.message(lang, m[2].str(), "")}};
    ex.setCookie("cp_flash", "", 0);
  }
  return context;
}

void renderPage(Exchange& ex, int status, const std::string& page, const std::string& title,
                mstch::map context) {
  mstch::map full = pageContext(ex);
  for (auto& [key, value] : context) full[key] = std::move(value);
  const std::string body = ex.services.templates.render("web/pages/" + page, full);
  full["body"] = body;
  full["page_title"] = title;
  ex.sendHtml(status, ex.services.templates.render("web/layout", full));
}

void checkCsrf(Exchange& ex) {
  const std::string cookie = ex.cookie("cp_csrf");
  const std::string field = ex.form().get("csrf", "");
  if (cookie.empty() || !auth::sameSecret(cookie, field))
    throw Error(ErrorKind::Forbidden, "csrf",
                "the form expired or came from another site; reload the page and try again");
}

void setFlash(Exchange& ex, const std::string& key, const std::string& kind) {
  ex.setCookie("cp_flash", kind + ":" + key, 60);
}

std::string safeNext(const std::string& next) {
  // Only local absolute paths: "//evil.example" and "/\evil" would leave the site.
  if (next.size() < 1 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\')))
    return "/";
  for (char c : next)
    if (static_cast<unsigned char>(c) < 0x20) return "/";
  return next;
}

std::string formatDates(const std::optional<std::string>& start, const std::optional<std::string>& end,
                        const std::string& lang) {
  if (!start && !end) return "";
  if (!start || !end || *start == *end) return formatDate(start ? *start : *end, lang);
  return formatDate(*start, lang) + " – " + formatDate(*end, lang);
}

}  // namespace confpress::web
