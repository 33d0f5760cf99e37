// Accounts, the session and password reset over JSON:
//   POST   /api/v1/accounts                  create an account → 201 {account}
//   GET    /api/v1/accounts/me               the signed-in account
//   POST   /api/v1/session                   sign in → 201 {token, expires_at, account} + session cookie
//   GET    /api/v1/session                   the signed-in account (401 when none)
//   DELETE /api/v1/session                   sign out → 204
//   POST   /api/v1/password-reset            {email} → 202; the link goes to the outbox
//   POST   /api/v1/password-reset/confirm    {token, password} → 204
#include "auth/SessionService.h"
#include "core/Errors.h"
#include "web/Exchange.h"
#include "web/JsonInput.h"
#include "web/JsonOutput.h"
#include "web/Routes.h"

namespace confpress::web {

namespace {

void createAccount(Exchange& ex) {
  JsonInput in(ex.jsonObject());
  auth::NewAccount account;
  account.email = in.requiredString("email");
  account.password = in.requiredString("password");
  account.familyName = in.requiredString("family_name");
  account.givenName = in.requiredString("given_name");
  account.affiliation = in.optionalString("affiliation").value_or("");
  account.orcid = in.optionalString("orcid").value_or("");
  account.country = in.optionalString("country").value_or("");
  account.locale = in.optionalString("locale").value_or("vi");
  account.nameOrder = in.optionalString("name_order").value_or("family_first");
  in.finish();
  auth::Principal created = ex.services.accounts.registerAccount(account, ex.origin());
  ex.response.set("Location", "/api/v1/accounts/me");
  auto body = newObject();
  body->set("account", toJson(created));
  ex.sendJson(201, body);
}

void showSignedIn(Exchange& ex) {
  auto body = newObject();
  body->set("account", toJson(ex.requireSignedIn()));
  ex.sendJson(200, body);
}

void signIn(Exchange& ex) {
  JsonInput in(ex.jsonObject());
  const std::string email = in.requiredString("email");
  const std::string password = in.requiredString("password");
  in.finish();
  auth::SignedIn session = ex.services.sessions.signIn(email, password, ex.origin());
  ex.setCookie("cp_session", session.token, auth::SessionService::kSessionDays * 24 * 3600);
  auto body = newObject();
  body->set("token", session.token);
  body->set("token_type", "Bearer");
  body->set("expires_at", session.expiresAt);
  body->set("account", toJson(session.principal));
  ex.sendJson(201, body);
}

void signOut(Exchange& ex) {
  const std::string token = ex.sessionToken();
  if (token.empty() || !ex.services.sessions.signOut(token, ex.origin()))
    throw Unauthenticated("there is no session to end");
  ex.setCookie("cp_session", "", 0);
  ex.sendNoContent();
}

void requestReset(Exchange& ex) {
  JsonInput in(ex.jsonObject());
  const std::string email = in.requiredString("email");
  in.finish();
  ex.services.accounts.requestPasswordReset(email, ex.origin(), ex.services.publicUrl);
  auto body = newObject();
  body->set("status", "queued");
  body->set("message", "if an account has this e-mail, a reset link was sent to it");
  ex.sendJson(202, body);
}

void confirmReset(Exchange& ex) {
  JsonInput in(ex.jsonObject());
  const std::string token = in.requiredString("token");
  const std::string password = in.requiredString("password");
  in.finish();
  ex.services.accounts.resetPassword(token, password, ex.origin());
  ex.sendNoContent();
}

}  // namespace

void addAccountRoutes(Router& router) {
  router.add("POST", "/api/v1/accounts", createAccount);
  router.add("GET", "/api/v1/accounts/me", showSignedIn);
  router.add("POST", "/api/v1/session", signIn);
  router.add("GET", "/api/v1/session", showSignedIn);
  router.add("DELETE", "/api/v1/session", signOut);
  router.add("POST", "/api/v1/password-reset", requestReset);
  router.add("POST", "/api/v1/password-reset/confirm", confirmReset);
}

}  // namespace confpress::web
