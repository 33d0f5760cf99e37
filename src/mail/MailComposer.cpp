#include "mail/MailComposer.h"

namespace confpress::mail {

ComposedMail composeMail(const render::TemplateLibrary& templates, const std::string& name,
                         const std::string& lang, const mstch::map& context) {
  const std::string language = templates.has("mail/" + lang + "/" + name + ".txt") ? lang : "en";
  ComposedMail mail;
  mail.subject = templates.render("mail/" + language + "/" + name + ".subject", context);
  // A subject is one header line: fold any line break the template left in.
  for (char& c : mail.subject)
    if (c == '\n' || c == '\r') c = ' ';
  while (!mail.subject.empty() && mail.subject.back() == ' ') mail.subject.pop_back();
  mail.body = templates.render("mail/" + language + "/" + name + ".txt", context);
  return mail;
}

}  // namespace confpress::mail
