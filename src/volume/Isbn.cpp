// Check digits: ISBN-10 (weights 10…1, mod 11, X = 10), ISBN-13 (weights 1, 3, mod 10).
#include "volume/Isbn.h"

#include <cctype>

namespace confpress::volume {

std::string compactIsbn(const std::string& isbn) {
  std::string out;
  for (char c : isbn)
    if (c != '-' && c != ' ') out += c;
  return out;
}

bool isValidIsbn(const std::string& isbn) {
  const std::string s = compactIsbn(isbn);
  if (s.size() == 10) {
    int sum = 0;
    for (size_t i = 0; i < 10; ++i) {
      int digit;
      if (std::isdigit(static_cast<unsigned char>(s[i])))
        digit = s[i] - '0';
      else if (i == 9 && (s[i] == 'X' || s[i] == 'x'))
        digit = 10;
      else
        return false;
      sum += digit * static_cast<int>(10 - i);
    }
    return sum % 11 == 0;
  }
  if (s.size() == 13) {
    int sum = 0;
    for (size_t i = 0; i < 13; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      sum += (s[i] - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return sum % 10 == 0;
  }
  return false;
}

}  // namespace confpress::volume
