#include "auth/Identity.h"

#include <algorithm>
#include <cctype>

#include "core/Errors.h"
#include "text/Unicode.h"

namespace confpress::auth {

std::string normaliseEmail(const std::string& raw, const std::string& field) {
  std::string email = text::cleanLine(raw, field);
  if (email.empty()) throw ValidationError(field, "required", field + " is required");
  std::string lowered = text::toNfc(email);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) {
    return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
  });
  const size_t at = lowered.find('@');
  const bool ok = lowered.size() <= 254 && at != std::string::npos && at > 0 && at <= 64 &&
                  lowered.find('@', at + 1) == std::string::npos && lowered.find(' ') == std::string::npos &&
                  lowered.find(',') == std::string::npos && lowered.find('<') == std::string::npos &&
                  lowered.find('>') == std::string::npos;
  const std::string domain = ok ? lowered.substr(at + 1) : "";
  const bool domainOk = domain.size() >= 3 && domain.find('.') != std::string::npos &&
                        domain.front() != '.' && domain.back() != '.' &&
                        domain.find("..") == std::string::npos;
  if (!ok || !domainOk)
    throw ValidationError(field, "invalid_email", "'" + email + "' is not a valid e-mail address");
  return lowered;
}

std::optional<std::string> normaliseOrcid(const std::string& raw, const std::string& field) {
  std::string value = text::cleanLine(raw, field);
  if (value.empty()) return std::nullopt;
  for (const std::string prefix : {"https://orcid.org/", "http://orcid.org/", "orcid.org/"})
    if (value.rfind(prefix, 0) == 0) value = value.substr(prefix.size());
  std::string digits;
  for (char c : value)
    if (c != '-') digits += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto invalid = [&] {
    return ValidationError(field, "invalid_orcid",
                           "'" + raw + "' is not a valid ORCID iD (0000-0000-0000-000X)");
  };
  if (digits.size() != 16) throw invalid();
  int total = 0;
  for (size_t i = 0; i < 15; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(digits[i]))) throw invalid();
    total = (total + (digits[i] - '0')) * 2;
  }
  const int result = (12 - total % 11) % 11;
  const char check = result == 10 ? 'X' : static_cast<char>('0' + result);
  if (digits[15] != check) throw invalid();
  return digits.substr(0, 4) + "-" + digits.substr(4, 4) + "-" + digits.substr(8, 4) + "-" +
         digits.substr(12, 4);
}

std::string normaliseLine(const std::string& raw, const std::string& field, size_t maxChars) {
  std::string value = text::cleanLine(raw, field);
  if (text::codePointCount(value) > maxChars)
    throw ValidationError(field, "too_long",
                          field + " is longer than " + std::to_string(maxChars) + " characters");
  return value;
}

std::string normaliseName(const std::string& raw, const std::string& field) {
  std::string value = normaliseLine(raw, field, 200);
  if (value.empty()) throw ValidationError(field, "required", field + " is required");
  return value;
}

std::string normaliseCountry(const std::string& raw, const std::string& field) {
  std::string value = text::cleanLine(raw, field);
  if (value.empty()) return value;
  if (value.size() != 2 || !std::isalpha(static_cast<unsigned char>(value[0])) ||
      !std::isalpha(static_cast<unsigned char>(value[1])))
    throw ValidationError(field, "invalid_value", field + " must be a two-letter ISO 3166 code such as VN");
  std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return std::toupper(c); });
  return value;
}

std::string normaliseLocale(const std::string& raw, const std::string& field) {
  if (raw == "vi" || raw == "en") return raw;
  throw ValidationError(field, "invalid_value", field + " must be \"vi\" or \"en\"");
}

std::string normaliseNameOrder(const std::string& raw, const std::string& field) {
  if (raw == "family_first" || raw == "given_first") return raw;
  throw ValidationError(field, "invalid_value", field + " must be \"family_first\" or \"given_first\"");
}

std::string displayName(const std::string& familyName, const std::string& givenName,
                        const std::string& nameOrder) {
  if (givenName.empty()) return familyName;
  if (familyName.empty()) return givenName;
  return nameOrder == "given_first" ? givenName + " " + familyName : familyName + " " + givenName;
}

}  // namespace confpress::auth
