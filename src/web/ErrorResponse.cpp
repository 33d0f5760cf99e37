#include "web/ErrorResponse.h"

#include "web/JsonOutput.h"
#include "web/Page.h"

namespace confpress::web {

int statusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::BadRequest:
      return 400;
    case ErrorKind::Validation:
      return 422;
    case ErrorKind::Unauthenticated:
      return 401;
    case ErrorKind::Forbidden:
      return 403;
    case ErrorKind::NotFound:
      return 404;
    case ErrorKind::Conflict:
      return 409;
    case ErrorKind::PayloadTooLarge:
      return 413;
    case ErrorKind::UnsupportedMediaType:
      return 415;
    case ErrorKind::RateLimited:
      return 429;
    case ErrorKind::Unavailable:
      return 503;
  }
  return 500;
}

void sendError(Exchange& ex, int status, const std::string& code, const std::string& message,
               const std::string& field) {
  if (ex.isApi()) {
    auto error = newObject();
    error->set("code", code);
    error->set("message", message);
    if (!field.empty()) error->set("field", field);
    auto body = newObject();
    body->set("error", error);
    ex.sendJson(status, body);
    return;
  }
  const std::string shown = ex.services.templates.message(ex.lang(), "err_" + code, message);
  renderPage(ex, status, "error", ex.services.templates.message(ex.lang(), "title_error", "Error"),
             mstch::map{{"status", status}, {"message", shown}});
}

void sendError(Exchange& ex, const Error& error) {
  if (const auto* limited = dynamic_cast<const RateLimited*>(&error))
    ex.response.set("Retry-After", std::to_string(limited->retryAfterSeconds));
  sendError(ex, statusFor(error.kind()), error.code(), error.what(), error.field());
}

std::string localMessage(Exchange& ex, const Error& error) {
  return ex.services.templates.message(ex.lang(), "err_" + error.code(), error.what());
}

}  // namespace confpress::web
