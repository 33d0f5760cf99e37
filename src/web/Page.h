#pragma once
// Server-rendered pages: the context every template sees (language, catalog, user, CSRF token, flash
// message, language switch), the layout around each page, CSRF checking of form posts (double-submit
// cookie), and one-shot flash messages.
#include <mstch/mstch.hpp>

#include <string>

#include "web/Exchange.h"

namespace confpress::web {

/// The keys every template receives; see templates/README.md.
mstch::map pageContext(Exchange& ex);

/// Renders templates/web/pages/<page> with `context` (merged over pageContext) inside the layout.
void renderPage(Exchange& ex, int status, const std::string& page, const std::string& title,
                mstch::map context);

/// Throws Error{Forbidden, "csrf"} unless the form's csrf field equals the cp_csrf cookie.
void checkCsrf(Exchange& ex);

/// Shows the catalog message `key` on the next page this browser loads.
void setFlash(Exchange& ex, const std::string& key, const std::string& kind = "success");

/// A path on this site to go back to ("/" when `next` is absent or points elsewhere).
std::string safeNext(const std::string& next);

/// "25/11/2022" or "24/11/2022 – 25/11/2022" (vi); "25 Nov 2022" … (en).
std::string formatDates(const std::optional<std::string>& start, const std::optional<std::string>& end,
                        const std::string& lang);

}  // namespace confpress::web
