// Sign-in, sign-up, sign-out and password-reset pages (HTML forms, CSRF-checked):
//   GET|POST /signin   GET|POST /signup   POST /signout
//   GET|POST /password/forgot   GET|POST /password/reset?token=…
#include "auth/SessionService.h"
#include "core/Errors.h"
#include "web/ErrorResponse.h"
#include "web/Exchange.h"
#include "web/Page.h"
#include "web/Routes.h"

namespace confpress::web {

namespace {

std::string title(Exchange& ex, const std::string& key) {
  return ex.services.templates.message(ex.lang(), key, key);
}

void startSession(Exchange& ex, const auth::SignedIn& session) {
  ex.setCookie("cp_session", session.token, auth::SessionService::kSessionDays * 24 * 3600);
}

void showSignIn(Exchange& ex) {
  renderPage(ex, 200, "signin", title(ex, "title_signin"),
             mstch::map{{"email", std::string()}, {"next", safeNext(ex.query("next"))}});
}

void submitSignIn(Exchange& ex) {
  checkCsrf(ex);
  const auto& form = ex.form();
  const std::string email = form.get("email", ""), next = safeNext(form.get("next", "/"));
  try {
    startSession(ex, ex.services.sessions.signIn(email, form.get("password", ""), ex.origin()));
    setFlash(ex, "flash_signed_in");
    ex.redirect(next);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Unauthenticated && e.kind() != ErrorKind::RateLimited) throw;
    if (const auto* limited = dynamic_cast<const RateLimited*>(&e))
      ex.response.set("Retry-After", std::to_string(limited->retryAfterSeconds));
    renderPage(
        ex, statusFor(e.kind()), "signin", title(ex, "title_signin"),
        mstch::map{{"email", email}, {"next", next}, {"errors", mstch::map{{"form", localMessage(ex, e)}}}});
  }
}

void showSignUp(Exchange& ex) {
  renderPage(ex, 200, "signup", title(ex, "title_signup"), mstch::map{});
}

void submitSignUp(Exchange& ex) {
  checkCsrf(ex);
  const auto& form = ex.form();
  auth::NewAccount account;
  account.email = form.get("email", "");
  account.password = form.get("password", "");
  account.familyName = form.get("family_name", "");
  account.givenName = form.get("given_name", "");
  account.affiliation = form.get("affiliation", "");
  account.orcid = form.get("orcid", "");
  account.locale = ex.lang();
  try {
    ex.services.accounts.registerAccount(account, ex.origin());
    startSession(ex, ex.services.sessions.signIn(account.email, account.password, ex.origin()));
    setFlash(ex, "flash_account_created");
    ex.redirect("/");
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Validation && e.kind() != ErrorKind::Conflict) throw;
    mstch::map values{{"email", account.email},
                      {"family_name", account.familyName},
                      {"given_name", account.givenName},
                      {"affiliation", account.affiliation},
                      {"orcid", account.orcid}};
    const std::string field = e.field().empty() ? "form" : e.field();
    renderPage(ex, statusFor(e.kind()), "signup", title(ex, "title_signup"),
               mstch::map{{"values", values}, {"errors", mstch::map{{field, localMessage(ex, e)}}}});
  }
}

void submitSignOut(Exchange& ex) {
  checkCsrf(ex);
  const std::string token = ex.sessionToken();
  if (!token.empty()) ex.services.sessions.signOut(token, ex.origin());
  ex.setCookie("cp_session", "", 0);
  setFlash(ex, "flash_signed_out", "info");
  ex.redirect("/");
}

void showForgot(Exchange& ex) {
  renderPage(ex, 200, "forgot_password", title(ex, "title_forgot"), mstch::map{});
}

void submitForgot(Exchange& ex) {
  checkCsrf(ex);
  const std::string email = ex.form().get("email", "");
  try {
    ex.services.accounts.requestPasswordReset(email, ex.origin(), ex.services.publicUrl);
    renderPage(ex, 200, "forgot_password", title(ex, "title_forgot"),
               mstch::map{{"sent", true}, {"email", email}});
  } catch (const ValidationError& e) {
    renderPage(ex, 422, "forgot_password", title(ex, "title_forgot"),
               mstch::map{{"email", email}, {"errors", mstch::map{{"email", localMessage(ex, e)}}}});
  }
}

void showReset(Exchange& ex) {
  renderPage(ex, 200, "reset_password", title(ex, "title_reset"), mstch::map{{"token", ex.query("token")}});
}

void submitReset(Exchange& ex) {
  checkCsrf(ex);
  const auto& form = ex.form();
  const std::string token = form.get("token", "");
  try {
    ex.services.accounts.resetPassword(token, form.get("password", ""), ex.origin());
    setFlash(ex, "flash_password_changed");
    renderPage(ex, 200, "reset_password", title(ex, "title_reset"), mstch::map{{"done", true}});
  } catch (const ValidationError& e) {
    const std::string field = e.field() == "password" ? "password" : "form";
    renderPage(ex, 422, "reset_password", title(ex, "title_reset"),
               mstch::map{{"token", token}, {"errors", mstch::map{{field, localMessage(ex, e)}}}});
  }
}

}  // namespace

void addAuthPages(Router& router) {
  router.add("GET", "/signin", showSignIn);
  router.add("POST", "/signin", submitSignIn);
  router.add("GET", "/signup", showSignUp);
  router.add("POST", "/signup", submitSignUp);
  router.add("POST", "/signout", submitSignOut);
  router.add("GET", "/password/forgot", showForgot);
  router.add("POST", "/password/forgot", submitForgot);
  router.add("GET", "/password/reset", showReset);
  router.add("POST", "/password/reset", submitReset);
}

}  // namespace confpress::web
