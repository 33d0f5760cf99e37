#pragma once
// The small exception family the domain throws. Each kind is something a caller can act on; `web/` maps
// kinds to HTTP statuses in one place and the CLI maps them to exit codes.
#include <stdexcept>
#include <string>

namespace confpress {

enum class ErrorKind {
  BadRequest,            // the request itself is malformed (not JSON, not UTF-8, …)
  Validation,            // a field's value is missing or wrong
  Unauthenticated,       // nobody is signed in, or the credentials are wrong
  Forbidden,             // signed in, but not allowed
  NotFound,              // no such thing (or not visible to the caller)
  Conflict,              // clashes with what is stored (duplicate e-mail, slug, …)
  PayloadTooLarge,       // the body exceeds a limit
  UnsupportedMediaType,  // wrong Content-Type
  RateLimited,           // too many attempts; retry later
  Unavailable,           // a dependency is down; retry later
};

/// A failure with a machine-readable code ("email_taken"), a human message and, for field errors, the
/// field it concerns ("email", "authors[2].orcid").
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string code, const std::string& message, std::string field = {})
      : std::runtime_error(message), kind_(kind), code_(std::move(code)), field_(std::move(field)) {}

  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const std::string& field() const { return field_; }

 private:
  ErrorKind kind_;
  std::string code_;
  std::string field_;
};

struct ValidationError : Error {
  ValidationError(std::string field, std::string code, const std::string& message)
      : Error(ErrorKind::Validation, std::move(code), message, std::move(field)) {}
};

struct BadRequest : Error {
  explicit BadRequest(const std::string& message, std::string code = "bad_request")
      : Error(ErrorKind::BadRequest, std::move(code), message) {}
};

struct Unauthenticated : Error {
  explicit Unauthenticated(const std::string& message, std::string code = "unauthenticated")
      : Error(ErrorKind::Unauthenticated, std::move(code), message) {}
};

struct Forbidden : Error {
  explicit Forbidden(const std::string& message) : Error(ErrorKind::Forbidden, "forbidden", message) {}
};

struct NotFound : Error {
  explicit NotFound(const std::string& message) : Error(ErrorKind::NotFound, "not_found", message) {}
};

struct Conflict : Error {
  Conflict(std::string code, const std::string& message, std::string field = {})
      : Error(ErrorKind::Conflict, std::move(code), message, std::move(field)) {}
};

struct PayloadTooLarge : Error {
  explicit PayloadTooLarge(const std::string& message)
      : Error(ErrorKind::PayloadTooLarge, "payload_too_large", message) {}
};

struct RateLimited : Error {
  RateLimited(const std::string& message, int retryAfterSeconds)
      : Error(ErrorKind::RateLimited, "rate_limited", message), retryAfterSeconds(retryAfterSeconds) {}
  int retryAfterSeconds;
};

}  // namespace confpress
