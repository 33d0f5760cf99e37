#pragma once
// Sorting people's names as a Vietnamese reader expects (ICU "vi": Đ after D, Â after A, tones in order).
#include <string>
#include <string_view>

namespace confpress::text {

/// Compares two UTF-8 strings with ICU's Vietnamese collation; negative, zero or positive like strcmp.
/// Thread-safe.
int compareVietnamese(std::string_view a, std::string_view b);

}  // namespace confpress::text
