#include "conference/Deadlines.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>
#include <regex>

#include "core/Errors.h"
#include "core/Time.h"

namespace confpress::conference {

namespace {

constexpr const char* kUtcFormat = "%Y-%m-%dT%H:%M:%SZ";

std::unique_ptr<icu::TimeZone> zoneOf(const std::string& zone) {
  return std::unique_ptr<icu::TimeZone>(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
}

std::string utcText(UDate millis) {
  return Poco::DateTimeFormatter::format(
      Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(millis / 1000)), kUtcFormat);
}

UDate millisOf(const std::string& utc) {
  int tzd = 0;
  Poco::DateTime at = Poco::DateTimeParser::parse(kUtcFormat, utc, tzd);
  return static_cast<UDate>(at.timestamp().epochMicroseconds() / 1000);
}

// The instant of a wall-clock time in `zone`.
UDate localToUtc(int y, int mo, int d, int h, int mi, int s, const icu::TimeZone& zone) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(zone, status);
  calendar.clear();
  calendar.set(y, mo - 1, d, h, mi, s);
  UDate at = calendar.getTime(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU calendar failed");
  return at;
}

int offsetMillis(const icu::TimeZone& zone, UDate at) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0, dst = 0;
  zone.getOffset(at, false, raw, dst, status);
  return U_FAILURE(status) ? 0 : raw + dst;
}

std::string offsetText(int millis, bool withGmt) {
  const int minutes = std::abs(millis) / 60000;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%s%02d:%02d", withGmt ? "GMT" : "", millis < 0 ? "-" : "+",
                minutes / 60, minutes % 60);
  return buffer;
}

[[noreturn]] void reject(const std::string& field, const std::string& written) {
  throw ValidationError(field, "invalid_deadline",
                        field + " '" + written +
                            "' is not a deadline: write 2026-12-01 (23:59:59 in the conference's zone), "
                            "2026-12-01 AoE, or an ISO 8601 time such as 2026-12-01T17:00:00+07:00");
}

}  // namespace

bool isDeadlineKind(const std::string& kind) {
  for (const char* k : kDeadlineKinds)
    if (kind == k) return true;
  return false;
}

std::string parseDeadline(const std::string& written, const std::string& zoneName, const std::string& field) {
  static const std::regex aoe(R"((\d{4})-(\d{2})-(\d{2})\s*(?:aoe|AoE|AOE))");
  static const std::regex instant(
      R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)");
  std::smatch m;
  const auto number = [&](size_t i, int fallback) { return m[i].matched ? std::stoi(m[i].str()) : fallback; };
  if (std::regex_match(written, m, aoe)) {
    if (!isIsoDate(written.substr(0, 10))) reject(field, written);
    static const std::unique_ptr<icu::TimeZone> anywhereOnEarth = zoneOf("Etc/GMT+12");  // UTC−12
    return utcText(localToUtc(number(1, 0), number(2, 0), number(3, 0), 23, 59, 59, *anywhereOnEarth));
  }
  if (!std::regex_match(written, m, instant) || !isIsoDate(written.substr(0, 10))) reject(field, written);
  const bool dateOnly = !m[4].matched;
  const int h = number(4, 23), mi = number(5, 59), s = number(6, dateOnly ? 59 : 0);
  if (h > 23 || mi > 59 || s > 59) reject(field, written);
  const int y = number(1, 0), mo = number(2, 0), d = number(3, 0);
  if (m[7].matched) {
    if (dateOnly) reject(field, written);
    const std::string offset = m[7].str();
    int offsetMinutes = 0;
    if (offset != "Z") {
      const int oh = std::stoi(offset.substr(1, 2)), om = std::stoi(offset.substr(offset.size() - 2));
      if (oh > 14 || om > 59) reject(field, written);
      offsetMinutes = (offset[0] == '-' ? -1 : 1) * (oh * 60 + om);
    }
    const std::unique_ptr<icu::TimeZone> utc = zoneOf("UTC");
    return utcText(localToUtc(y, mo, d, h, mi, s, *utc) - offsetMinutes * 60000.0);
  }
  return utcText(localToUtc(y, mo, d, h, mi, s, *zoneOf(zoneName)));
}

std::string toZoneIso(const std::string& utc, const std::string& zoneName) {
  const UDate at = millisOf(utc);
  const int offset = offsetMillis(*zoneOf(zoneName), at);
  std::string local = utcText(at + offset);
  local.pop_back();  // the "Z"
  return local + offsetText(offset, false);
}

std::string formatInstant(const std::string& utc, const std::string& zoneName, const std::string& lang) {
  const UDate at = millisOf(utc);
  std::unique_ptr<icu::TimeZone> zone = zoneOf(zoneName);
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateTimeInstance(
      icu::DateFormat::kFull, icu::DateFormat::kShort, icu::Locale(lang == "en" ? "en" : "vi")));
  if (!format) return utc;
  format->setTimeZone(*zone);
  icu::UnicodeString text;
  format->format(at, text);
  std::string out;
  text.toUTF8String(out);
  return out + " (" + offsetText(offsetMillis(*zone, at), true) + ")";
}

}  // namespace confpress::conference
