#pragma once
// The one place where failures become HTTP answers: each ErrorKind has its status, API paths get
// {"error":{"code","message","field"}}, pages get the error page in the reader's language.
#include <string>

#include "core/Errors.h"
#include "web/Exchange.h"

namespace confpress::web {

int statusFor(ErrorKind kind);

/// Answers with an error; `field` may be empty.
void sendError(Exchange& ex, int status, const std::string& code, const std::string& message,
               const std::string& field = "");
void sendError(Exchange& ex, const Error& error);

/// The message for `error` in the reader's language (catalog key err_<code>), else its own message.
std::string localMessage(Exchange& ex, const Error& error);

}  // namespace confpress::web
