#include <gtest/gtest.h>

#include "auth/Identity.h"
#include "auth/Passwords.h"
#include "auth/SignInThrottle.h"
#include "auth/Tokens.h"
#include "core/Errors.h"

using namespace confpress;

TEST(Identity, NormalisesEmails) {
  EXPECT_EQ(auth::normaliseEmail("  Lan.Nguyen@TDMU.Example "), "lan.nguyen@tdmu.example");
  for (const char* bad : {"", "no-at-sign", "a@b", "two@@x.example", "a b@x.example", "@x.example",
                          "a@.example", "a@x..example"}) {
    try {
      auth::normaliseEmail(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const ValidationError& e) {
      EXPECT_EQ(e.field(), "email") << bad;
    }
  }
}

TEST(Identity, VerifiesOrcidCheckDigits) {
  EXPECT_EQ(auth::normaliseOrcid("0000-0002-1825-0097"), "0000-0002-1825-0097");
  EXPECT_EQ(auth::normaliseOrcid("https://orcid.org/0000-0001-5109-3700"), "0000-0001-5109-3700");
  EXPECT_EQ(auth::normaliseOrcid("000000021694233x"), "0000-0002-1694-233X");
  EXPECT_EQ(auth::normaliseOrcid(""), std::nullopt);
  EXPECT_THROW(auth::normaliseOrcid("0000-0002-1825-0098"), ValidationError);  // wrong check digit
  EXPECT_THROW(auth::normaliseOrcid("0000-0002-1825"), ValidationError);
  EXPECT_THROW(auth::normaliseOrcid("000A-0002-1825-0097"), ValidationError);
}

TEST(Identity, WritesNamesInTheirOwnOrder) {
  EXPECT_EQ(auth::displayName("Nguyễn", "Văn An", "family_first"), "Nguyễn Văn An");
  EXPECT_EQ(auth::displayName("Schmidt", "Katrin", "given_first"), "Katrin Schmidt");
  EXPECT_EQ(auth::normaliseCountry("vn"), "VN");
  EXPECT_THROW(auth::normaliseCountry("Vietnam"), ValidationError);
}

TEST(Passwords, HashesWithArgon2idAndVerifies) {
  const std::string hash = auth::hashPassword("mật khẩu rất dài");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(auth::verifyPassword(hash, "mật khẩu rất dài"));
  EXPECT_FALSE(auth::verifyPassword(hash, "mật khẩu rất dàI"));
  EXPECT_NE(auth::hashPassword("mật khẩu rất dài"), hash);  // a fresh salt each time
  EXPECT_FALSE(auth::verifyPassword("", "x"));
}

TEST(Passwords, EnforcesLengthInCharactersNotBytes) {
  EXPECT_THROW(auth::checkPasswordRules("123456789"), ValidationError);
  EXPECT_NO_THROW(auth::checkPasswordRules("1234567890"));
  EXPECT_THROW(auth::checkPasswordRules("ệệệệệệệệệ"), ValidationError);  // 9 characters, 27 bytes
  EXPECT_THROW(auth::checkPasswordRules(std::string(1001, 'x')), ValidationError);
}

TEST(Tokens, AreRandomAndStoredOnlyAsHashes) {
  const std::string a = auth::newToken(), b = auth::newToken();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(auth::tokenHash(a).size(), 64u);
  EXPECT_NE(auth::tokenHash(a), auth::tokenHash(b));
  EXPECT_TRUE(auth::sameSecret(a, a));
  EXPECT_FALSE(auth::sameSecret(a, b));
}

TEST(SignInThrottle, LimitsFailuresPerAccountAndPerAddress) {
  auth::SignInThrottle throttle({3, 5, std::chrono::seconds(60)});
  for (int i = 0; i < 3; ++i) {
    EXPECT_NO_THROW(throttle.check("a@x.example", "10.0.0.1"));
    throttle.recordFailure("a@x.example", "10.0.0.1");
  }
  EXPECT_THROW(throttle.check("a@x.example", "10.0.0.9"), RateLimited);  // the account, from anywhere
  EXPECT_NO_THROW(throttle.check("b@x.example", "10.0.0.1"));            // address below its own limit
  for (int i = 0; i < 2; ++i) throttle.recordFailure("c" + std::to_string(i) + "@x.example", "10.0.0.1");
  try {
    throttle.check("d@x.example", "10.0.0.1");  // 5 failures from that address
    FAIL() << "address not limited";
  } catch (const RateLimited& e) {
    EXPECT_GT(e.retryAfterSeconds, 0);
    EXPECT_LE(e.retryAfterSeconds, 60);
  }
  throttle.recordSuccess("a@x.example");
  EXPECT_NO_THROW(throttle.check("a@x.example", "10.0.0.9"));
}
