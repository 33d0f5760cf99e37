#pragma once
// Turns an e-mail template ("password_reset") and its context into the subject and plain-text body in the
// recipient's language, from templates/mail/<lang>/<name>.subject.mustache and <name>.txt.mustache.
#include <string>

#include "render/TemplateLibrary.h"

namespace confpress::mail {

struct ComposedMail {
  std::string subject;  // one line
  std::string body;     // plain text, UTF-8
};

ComposedMail composeMail(const render::TemplateLibrary& templates, const std::string& name,
                         const std::string& lang, const mstch::map& context);

}  // namespace confpress::mail
