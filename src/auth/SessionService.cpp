#include "auth/SessionService.h"

#include "auth/AccountService.h"
#include "auth/Identity.h"
#include "auth/Passwords.h"
#include "auth/Tokens.h"
#include "core/Errors.h"
#include "core/Time.h"
#include "store/AuditLog.h"
#include "store/PeopleRepository.h"
#include "store/SessionRepository.h"

namespace confpress::auth {

namespace {

// Verifying against this when the e-mail is unknown makes both failures take the same time.
const std::string& decoyHash() {
  static const std::string hash = hashPassword("decoy password that matches nothing");
  return hash;
}

Unauthenticated invalidCredentials() {
  return Unauthenticated("the e-mail or the password is wrong", "invalid_credentials");
}

}  // namespace

SignedIn SessionService::signIn(const std::string& rawEmail, const std::string& password,
                                const Origin& origin) {
  std::string email;
  try {
    email = normaliseEmail(rawEmail);
  } catch (const ValidationError&) {
    throw invalidCredentials();
  }
  throttle_.check(email, origin.ip);

  std::optional<store::AccountRecord> account;
  {
    Poco::Data::Session s = db_.session();
    account = store::PeopleRepository(s).findAccountByEmail(email);
  }
  const bool matches =
      account ? verifyPassword(account->passwordHash, password) : verifyPassword(decoyHash(), password);
  if (!account || !matches || account->disabled) {
    throttle_.recordFailure(email, origin.ip);
    Poco::Data::Session s = db_.session();
    store::appendAudit(s, {std::nullopt, origin.ip, "session.denied", "email", email, std::nullopt, "{}"});
    throw invalidCredentials();
  }
  throttle_.recordSuccess(email);

  SignedIn result{newToken(), utcFromNow(kSessionDays * 24 * 3600), principalOf(*account)};
  db_.transaction([&](Poco::Data::Session& s) {
    store::SessionRepository(s).insert(tokenHash(result.token), account->person.id, result.expiresAt,
                                       origin.ip, origin.userAgent);
    store::PeopleRepository(s).recordSignIn(account->person.id);
    store::appendAudit(s, {account->person.id, origin.ip, "session.create", "person",
                           std::to_string(account->person.id), std::nullopt, "{}"});
  });
  return result;
}

std::optional<Principal> SessionService::resolve(const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  Poco::Data::Session s = db_.session();
  auto session = store::SessionRepository(s).findValid(tokenHash(token), nowUtc());
  if (!session) return std::nullopt;
  auto account = store::PeopleRepository(s).findAccountById(session->personId);
  if (!account || account->disabled) return std::nullopt;
  return principalOf(*account);
}

bool SessionService::signOut(const std::string& token, const Origin& origin) {
  return db_.transaction([&](Poco::Data::Session& s) {
    bool removed = store::SessionRepository(s).remove(tokenHash(token));
    if (removed)
      store::appendAudit(s, {origin.actorId, origin.ip, "session.delete", "person",
                             origin.actorId ? std::to_string(*origin.actorId) : "", std::nullopt, "{}"});
    return removed;
  });
}

}  // namespace confpress::auth
