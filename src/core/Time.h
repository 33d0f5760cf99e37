#pragma once
// Instants are stored in UTC as ISO 8601 text ("2026-11-24T18:13:15Z"); dates as "YYYY-MM-DD".
#include <string>
#include <string_view>

namespace confpress {

/// The current instant, UTC, to the second.
std::string nowUtc();

/// The instant `seconds` from now, UTC.
std::string utcFromNow(long long seconds);

/// True when `text` is a real calendar date written YYYY-MM-DD.
bool isIsoDate(std::string_view text);

}  // namespace confpress
