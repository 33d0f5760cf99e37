#pragma once
// Random secrets (session, reset and CSRF tokens) and the hashes under which they are stored.
#include <string>

namespace confpress::auth {

/// 256 random bits, base64url without padding (43 characters).
std::string newToken();

/// Lower-case hex SHA-256 of `token`: what the database keeps instead of the token.
std::string tokenHash(const std::string& token);

/// Compares two secrets without leaking where they differ.
bool sameSecret(const std::string& a, const std::string& b);

}  // namespace confpress::auth
