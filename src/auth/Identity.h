#pragma once
// Rules for the fields that identify a person: e-mail, ORCID, names, country, locale. Each function
// returns the normalised value or throws ValidationError naming `field`.
#include <optional>
#include <string>

namespace confpress::auth {

/// Trimmed, NFC, lower-case; one '@', a dotted domain, no spaces; at most 254 bytes.
std::string normaliseEmail(const std::string& raw, const std::string& field = "email");

/// "0000-0002-1825-0097" (also accepts the https://orcid.org/ form and no dashes); ISO 7064 11,2
/// check digit verified. Empty input gives nullopt.
std::optional<std::string> normaliseOrcid(const std::string& raw, const std::string& field = "orcid");

/// A required one-line name: NFC, trimmed, 1..200 characters.
std::string normaliseName(const std::string& raw, const std::string& field);

/// An optional one-line text field: NFC, trimmed, at most `maxChars` characters.
std::string normaliseLine(const std::string& raw, const std::string& field, size_t maxChars);

/// "" or an ISO 3166-1 alpha-2 code, upper-cased.
std::string normaliseCountry(const std::string& raw, const std::string& field = "country");

/// "vi" or "en".
std::string normaliseLocale(const std::string& raw, const std::string& field = "locale");

/// "family_first" or "given_first".
std::string normaliseNameOrder(const std::string& raw, const std::string& field = "name_order");

/// The name as its owner writes it: "Nguyễn Văn An" (family first) or "Jane Smith" (given first).
std::string displayName(const std::string& familyName, const std::string& givenName,
                        const std::string& nameOrder);

}  // namespace confpress::auth
