#include <gtest/gtest.h>

#include <regex>

#include "core/Errors.h"
#include "store/AuditLog.h"
#include "store/Outbox.h"
#include "store/PeopleRepository.h"
#include "support/TestRuntime.h"

using namespace confpress;

namespace {
const auth::Origin kOrigin{"127.0.0.1", "test", {}};
}

TEST(AccountService, RegistersNormalisedAccountsAndAuditsThem) {
  cptest::TempDir dir;
  auto rt = cptest::makeRuntime(dir);
  auto account = cptest::sampleAccount("  Ha.Tran@NAPA.example ");
  account.familyName = "Tra\xCC\x82\xCC\x80n";  // "Trần" decomposed
  auth::Principal who = rt->accounts.registerAccount(account, kOrigin);
  EXPECT_EQ(who.email, "ha.tran@napa.example");
  EXPECT_EQ(who.displayName, "Trần Thị Thu Hà");
  Poco::Data::Session s = rt->db.session();
  auto stored = store::PeopleRepository(s).findAccountByEmail("ha.tran@napa.example");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->person.familyName, "Trần");
  EXPECT_EQ(stored->person.orcid, "0000-0002-1825-0097");
  EXPECT_EQ(stored->passwordHash.rfind("$argon2id$", 0), 0u);
  auto audit = store::recentAudit(s, std::nullopt, 10);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front().entry.action, "account.create");
  EXPECT_EQ(audit.front().entry.ip, "127.0.0.1");
}

TEST(AccountService, RefusesDuplicatesAndBadFieldsNamingTheField) {
  cptest::TempDir dir;
  auto rt = cptest::makeRuntime(dir);
  rt->accounts.registerAccount(cptest::sampleAccount("a@x.example"), kOrigin);
  try {
    rt->accounts.registerAccount(cptest::sampleAccount("A@X.example"), kOrigin);
    FAIL() << "duplicate accepted";
  } catch (const Conflict& e) {
    EXPECT_EQ(e.code(), "email_taken");
    EXPECT_EQ(e.field(), "email");
  }
  auto badOrcid = cptest::sampleAccount("b@x.example");
  badOrcid.orcid = "0000-0002-1825-0098";
  auto shortPassword = cptest::sampleAccount("c@x.example");
  shortPassword.password = "short";
  auto noName = cptest::sampleAccount("d@x.example");
  noName.givenName = "   ";
  for (auto [account, field] : {std::pair{badOrcid, "orcid"}, std::pair{shortPassword, "password"},
                                std::pair{noName, "given_name"}}) {
    try {
      rt->accounts.registerAccount(account, kOrigin);
      ADD_FAILURE() << field << " accepted";
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.field(), field);
    }
  }
  Poco::Data::Session s = rt->db.session();
  EXPECT_EQ(store::PeopleRepository(s).countAccounts(), 1);  // nothing half-written
}

TEST(AccountService, SignsInOutAndResetsPasswordsWithSingleUseTokens) {
  cptest::TempDir dir;
  auto rt = cptest::makeRuntime(dir);
  rt->accounts.registerAccount(cptest::sampleAccount("ha@napa.example"), kOrigin);
  auth::SignedIn session = rt->sessions.signIn("ha@napa.example", "correct horse battery", kOrigin);
  ASSERT_TRUE(rt->sessions.resolve(session.token));
  EXPECT_THROW(rt->sessions.signIn("ha@napa.example", "wrong password!", kOrigin), Unauthenticated);
  EXPECT_THROW(rt->sessions.signIn("nobody@napa.example", "wrong password!", kOrigin), Unauthenticated);

  rt->accounts.requestPasswordReset("HA@napa.example", kOrigin, "http://127.0.0.1:8080");
  rt->accounts.requestPasswordReset("unknown@napa.example", kOrigin,
                                    "http://127.0.0.1:8080");  // silently nothing
  Poco::Data::Session s = rt->db.session();
  auto mails = store::mailTo(s, "ha@napa.example");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].templateName, "password_reset");
  EXPECT_EQ(mails[0].state, "pending");
  EXPECT_NE(mails[0].bodyText.find("Trần Thị Thu Hà"), std::string::npos) << mails[0].bodyText;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(mails[0].bodyText, m, std::regex("token=([A-Za-z0-9_-]{43})")))
      << mails[0].bodyText;
  const std::string token = m[1];
  EXPECT_TRUE(store::mailTo(s, "unknown@napa.example").empty());

  rt->accounts.resetPassword(token, "a brand new password", kOrigin);
  EXPECT_FALSE(rt->sessions.resolve(session.token)) << "sessions survive a password reset";
  EXPECT_THROW(rt->accounts.resetPassword(token, "another new password", kOrigin), ValidationError);  // used
  EXPECT_THROW(rt->sessions.signIn("ha@napa.example", "correct horse battery", kOrigin), Unauthenticated);
  EXPECT_NO_THROW(rt->sessions.signIn("ha@napa.example", "a brand new password", kOrigin));
}
