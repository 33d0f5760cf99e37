#pragma once
// ISBN-10 and ISBN-13 check digits for the volume's metadata (ORCID iDs are checked by auth/Identity).
// Pure functions; thread-safe.
#include <string>

namespace confpress::volume {

/// True when `isbn` (hyphens and spaces allowed) is a 10- or 13-digit ISBN whose check digit is right.
bool isValidIsbn(const std::string& isbn);

/// The ISBN without hyphens or spaces ("9786041234567").
std::string compactIsbn(const std::string& isbn);

}  // namespace confpress::volume
