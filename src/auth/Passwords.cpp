#include "auth/Passwords.h"

#include <Poco/Semaphore.h>
#include <sodium.h>

#include <stdexcept>

#include "core/Errors.h"
#include "text/Unicode.h"

namespace confpress::auth {

namespace {

void ensureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

// Each Argon2id run holds 64 MiB; four at a time bounds that to 256 MiB whatever the load.
Poco::Semaphore& hashingSlots() {
  static Poco::Semaphore slots(4);
  return slots;
}

class Slot {
 public:
  Slot() { hashingSlots().wait(); }
  ~Slot() { hashingSlots().set(); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
};

}  // namespace

void checkPasswordRules(const std::string& password, const std::string& field) {
  if (!text::isValidUtf8(password))
    throw ValidationError(field, "invalid_utf8", "the password is not valid UTF-8");
  if (password.size() > kMaxPasswordLength)
    throw ValidationError(field, "password_too_long", "the password is longer than 1000 bytes");
  if (text::codePointCount(password) < kMinPasswordLength)
    throw ValidationError(field, "password_too_short", "the password must have at least 10 characters");
}

std::string hashPassword(const std::string& password) {
  ensureSodium();
  char out[crypto_pwhash_STRBYTES];
  Slot slot;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verifyPassword(const std::string& encodedHash, const std::string& password) {
  ensureSodium();
  if (encodedHash.empty() || encodedHash.size() >= crypto_pwhash_STRBYTES) return false;
  Slot slot;
  return crypto_pwhash_str_verify(encodedHash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace confpress::auth
