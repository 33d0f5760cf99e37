#pragma once
// Password hashing with Argon2id (libsodium's crypto_pwhash_str, interactive limits: ~64 MiB, ~0.1 s).
// At most a few hashes run at once, so a burst of sign-ins cannot exhaust memory. Thread-safe.
#include <string>

namespace confpress::auth {

constexpr size_t kMinPasswordLength = 10;    // code points
constexpr size_t kMaxPasswordLength = 1000;  // bytes; bounds the work an attacker can ask for

/// Throws ValidationError{field, password_too_short|password_too_long|invalid_utf8}.
void checkPasswordRules(const std::string& password, const std::string& field = "password");

/// An encoded Argon2id hash (algorithm, parameters and salt included).
std::string hashPassword(const std::string& password);

/// True when `password` matches `encodedHash`. Constant-time in the password.
bool verifyPassword(const std::string& encodedHash, const std::string& password);

}  // namespace confpress::auth
