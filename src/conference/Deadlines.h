#pragma once
// Deadlines as chairs write them and as readers see them. A deadline is stored as a UTC instant plus the
// text the chair typed; it may be written as an ISO 8601 instant with an offset ("2026-12-01T17:00:00+07:00",
// "…Z"), a local date-time or a date in the conference's zone ("2026-12-01" means 23:59:59 that day), or a
// date "Anywhere on Earth" ("2026-12-01 AoE": 23:59:59 at UTC−12). Uses ICU's time-zone data. Thread-safe.
#include <string>

namespace confpress::conference {

/// The deadline kinds a conference has, in the order the call lists them.
inline constexpr const char* kDeadlineKinds[] = {"registration", "submission", "camera_ready"};

bool isDeadlineKind(const std::string& kind);

/// The UTC instant ("2026-12-01T16:59:59Z") meant by `written` in IANA zone `zone`; ValidationError naming
/// `field` when it is none of the accepted forms or not a real date.
std::string parseDeadline(const std::string& written, const std::string& zone, const std::string& field);

/// A UTC instant as an ISO 8601 local time with the zone's offset at that instant:
/// "2026-12-01T23:59:59+07:00".
std::string toZoneIso(const std::string& utc, const std::string& zone);

/// A UTC instant for people, in `lang` ("vi" or "en") and `zone`, with the zone's offset:
/// "23:59 thứ Ba, 1 tháng 12, 2026 (GMT+07:00)" / "Tuesday, December 1, 2026 at 11:59 PM (GMT+07:00)".
std::string formatInstant(const std::string& utc, const std::string& zone, const std::string& lang);

/// True when the instant `utc` lies before `now` (both UTC ISO 8601 as stored).
inline bool hasPassed(const std::string& utc, const std::string& now) {
  return !utc.empty() && utc < now;
}

}  // namespace confpress::conference
