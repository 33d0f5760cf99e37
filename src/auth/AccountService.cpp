#include "auth/AccountService.h"

#include <Poco/JSON/Object.h>

#include <sstream>

#include "auth/Identity.h"
#include "auth/Passwords.h"
#include "auth/Tokens.h"
#include "core/Errors.h"
#include "core/Time.h"
#include "mail/MailComposer.h"
#include "store/AuditLog.h"
#include "store/Outbox.h"
#include "store/SessionRepository.h"

namespace confpress::auth {

Principal principalOf(const store::AccountRecord& a) {
  return Principal{a.person.id, a.person.email,
                   displayName(a.person.familyName, a.person.givenName, a.person.nameOrder), a.person.locale,
                   a.isAdmin};
}

Principal AccountService::registerAccount(const NewAccount& in, const Origin& origin, bool isAdmin) {
  store::PersonRecord person;
  person.email = normaliseEmail(in.email);
  checkPasswordRules(in.password);
  person.familyName = normaliseName(in.familyName, "family_name");
  person.givenName = normaliseName(in.givenName, "given_name");
  person.nameOrder = normaliseNameOrder(in.nameOrder);
  person.affiliation = normaliseLine(in.affiliation, "affiliation", 300);
  person.country = normaliseCountry(in.country);
  person.orcid = normaliseOrcid(in.orcid);
  person.locale = normaliseLocale(in.locale);
  const std::string hash = hashPassword(in.password);  // before the transaction: it takes ~0.1 s

  return db_.transaction([&](Poco::Data::Session& s) {
    store::PeopleRepository people(s);
    if (people.findAccountByEmail(person.email))
      throw Conflict("email_taken", "an account with e-mail " + person.email + " already exists", "email");
    if (auto known = people.findPersonByEmail(person.email)) {
      person.id = known->id;
      people.updatePerson(person);
    } else {
      person.id = people.insertPerson(person);
    }
    people.insertAccount(person.id, hash, isAdmin);
    store::appendAudit(
        s, {origin.actorId ? origin.actorId : std::optional<int64_t>(person.id), origin.ip, "account.create",
            "person", std::to_string(person.id), std::nullopt,
            store::auditDetail({{"email", person.email}, {"admin", isAdmin ? "true" : "false"}})});
    return principalOf(*people.findAccountById(person.id));
  });
}

void AccountService::requestPasswordReset(const std::string& rawEmail, const Origin& origin,
                                          const std::string& publicUrl) {
  const std::string email = normaliseEmail(rawEmail);
  const std::string token = newToken();
  db_.transaction([&](Poco::Data::Session& s) {
    store::PeopleRepository people(s);
    auto account = people.findAccountByEmail(email);
    if (!account || account->disabled) return;
    store::SessionRepository(s).insertPasswordReset(tokenHash(token), account->person.id,
                                                    utcFromNow(kResetMinutes * 60));
    const Principal who = principalOf(*account);
    mstch::map context{{"name", who.displayName},
                       {"reset_url", publicUrl + "/password/reset?token=" + token},
                       {"expires_minutes", kResetMinutes},
                       {"site_name", std::string("ConfPress")}};
    mail::ComposedMail mail = mail::composeMail(templates_, "password_reset", who.locale, context);
    store::OutgoingMail out;
    out.toAddress = who.email;
    out.toName = who.displayName;
    out.subject = mail.subject;
    out.bodyText = mail.body;
    out.templateName = "password_reset";
    store::enqueueMail(s, out);
    store::appendAudit(s, {origin.actorId, origin.ip, "password_reset.request", "person",
                           std::to_string(who.personId), std::nullopt, "{}"});
  });
}

void AccountService::resetPassword(const std::string& token, const std::string& newPassword,
                                   const Origin& origin) {
  checkPasswordRules(newPassword);
  const std::string hash = hashPassword(newPassword);
  const std::string key = tokenHash(token);
  db_.transaction([&](Poco::Data::Session& s) {
    store::SessionRepository sessions(s);
    const std::string at = nowUtc();
    auto personId = sessions.findValidPasswordReset(key, at);
    if (!personId || !sessions.consumePasswordReset(key, at))
      throw ValidationError("token", "invalid_token", "this password-reset link is unknown, used or expired");
    store::PeopleRepository(s).updatePasswordHash(*personId, hash);
    sessions.removeAllFor(*personId);
    store::appendAudit(s, {personId, origin.ip, "password_reset.complete", "person",
                           std::to_string(*personId), std::nullopt, "{}"});
  });
}

store::PersonRecord AccountService::profile(int64_t personId) {
  Poco::Data::Session s = db_.session();
  auto person = store::PeopleRepository(s).findPersonById(personId);
  if (!person) throw NotFound("no such person");
  return *person;
}

void AccountService::setLocale(int64_t personId, const std::string& locale) {
  const std::string lang = normaliseLocale(locale);
  db_.transaction([&](Poco::Data::Session& s) {
    store::PeopleRepository people(s);
    auto person = people.findPersonById(personId);
    if (!person) throw NotFound("no such person");
    person->locale = lang;
    people.updatePerson(*person);
  });
}

}  // namespace confpress::auth
