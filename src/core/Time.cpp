#include "core/Time.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include <cctype>

namespace confpress {

namespace {
constexpr const char* kIsoFormat = "%Y-%m-%dT%H:%M:%SZ";
}

std::string nowUtc() {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(), kIsoFormat);
}

std::string utcFromNow(long long seconds) {
  Poco::Timestamp t;
  t += Poco::Timespan(seconds, 0);
  return Poco::DateTimeFormatter::format(t, kIsoFormat);
}

bool isIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  int year = std::stoi(std::string(text.substr(0, 4)));
  int month = std::stoi(std::string(text.substr(5, 2)));
  int day = std::stoi(std::string(text.substr(8, 2)));
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 &&
         day <= Poco::DateTime::daysOfMonth(year, month);
}

}  // namespace confpress
