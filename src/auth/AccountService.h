#pragma once
// Accounts: sign-up, administrators, password reset. Every change is audited in the same transaction.
// Thread-safe (it holds no mutable state of its own).
#include <optional>
#include <string>

#include "auth/Principal.h"
#include "render/TemplateLibrary.h"
#include "store/Database.h"
#include "store/PeopleRepository.h"

namespace confpress::auth {

struct NewAccount {
  std::string email;
  std::string password;
  std::string familyName;
  std::string givenName;
  std::string nameOrder = "family_first";
  std::string affiliation;
  std::string country;
  std::string orcid;  // optional
  std::string locale = "vi";
};

class AccountService {
 public:
  AccountService(store::Database& db, const render::TemplateLibrary& templates)
      : db_(db), templates_(templates) {}

  /// Validates and creates an account. A person already known by that e-mail (a co-author, an invited
  /// committee member) gets the account attached. Throws ValidationError per field, Conflict
  /// "email_taken" when the e-mail already has an account.
  Principal registerAccount(const NewAccount& account, const Origin& origin, bool isAdmin = false);

  /// Queues a reset e-mail with a single-use link valid for `kResetMinutes`, when the e-mail has an
  /// account; does nothing visible otherwise, so nobody learns which e-mails are registered.
  void requestPasswordReset(const std::string& email, const Origin& origin, const std::string& publicUrl);

  /// Sets a new password from a reset token and signs the person out everywhere. Throws ValidationError
  /// "invalid_token" for an unknown, used or expired token.
  void resetPassword(const std::string& token, const std::string& newPassword, const Origin& origin);

  /// The person's own record (names, affiliation, ORCID), e.g. to fill in forms. Throws NotFound.
  store::PersonRecord profile(int64_t personId);

  /// Sets the preferred interface language.
  void setLocale(int64_t personId, const std::string& locale);

  static constexpr int kResetMinutes = 60;

 private:
  store::Database& db_;
  const render::TemplateLibrary& templates_;
};

/// The Principal view of an account row.
Principal principalOf(const store::AccountRecord& account);

}  // namespace confpress::auth
