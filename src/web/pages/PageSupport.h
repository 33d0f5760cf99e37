#pragma once
// Small pieces every HTML page handler shares: sending visitors to sign in, telling which errors a form
// shows beside its fields, localised titles and messages, and reading ids and numbers from routes and forms.
#include <optional>
#include <string>

#include "core/Errors.h"
#include "web/Exchange.h"

namespace confpress::web {

/// The signed-in person, or null after redirecting a visitor to sign in (and back to this page).
const auth::Principal* signedInOrRedirect(Exchange& ex);

/// Errors a form shows on the page itself (beside a field or above the form), not as an error page.
bool isFormError(const Error& e);

/// The catalog message `key` in the reader's language (the key itself when missing).
std::string pageTitle(Exchange& ex, const std::string& key);

/// The route parameter `name` as a positive id; NotFound (like an id that does not exist) otherwise.
int64_t positiveIdParam(Exchange& ex, const std::string& name, const std::string& what);

/// A whole number typed into a form field: nullopt when empty, ValidationError naming `field` otherwise.
std::optional<int64_t> formNumber(const std::string& raw, const std::string& field);

/// "line[3].email" → {3, "email"}; nullopt for any other field name.
struct LineField {
  int line = 0;
  std::string column;
};
std::optional<LineField> lineField(const std::string& field);

}  // namespace confpress::web
