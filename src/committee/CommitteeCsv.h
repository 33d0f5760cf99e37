#pragma once
// Reading a committee list in CSV (RFC 4180: commas, double-quoted fields that may hold commas, quotes and
// line breaks; UTF-8, a byte-order mark allowed). The first line names the columns, in any order:
//   email (required), name or family_name + given_name, affiliation, topics (names or ids separated by
//   ';'), min_load, max_load, role (pc or senior_pc; "senior pc" and "senior-pc" accepted)
// A "name" is split at its first space as family name + given names ("Nguyễn Văn An"), or at its last
// space as given names + family name when the conference's language is English ("Jane Smith").
// Errors are ValidationError with field "line[N].column" and a message starting "line N:", where N is the
// line of the file (1 = the header; a quoted field spanning lines counts them all).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confpress::committee {

/// One member as a line of the file gives them; checked further by CommitteeService.
struct CsvMember {
  int line = 0;
  std::string email;
  std::string familyName;
  std::string givenName;
  std::string nameOrder = "family_first";
  std::string affiliation;
  std::optional<std::vector<std::string>> topics;  // an empty cell gives none (absent without the column)
  std::optional<int64_t> minLoad;                  // empty cells give nullopt
  std::optional<int64_t> maxLoad;
  std::optional<std::string> role;  // pc or senior_pc
};

struct CsvLimits {
  size_t maxRows = 2000;
};

/// The members the file lists. `language` ("vi" or "en") decides how a "name" column is split.
std::vector<CsvMember> readCommitteeCsv(std::string_view csv, const std::string& language,
                                        const CsvLimits& limits = {});

/// "line[N].column" and "line N: message" for a row's error.
[[noreturn]] void failAtLine(int line, const std::string& column, const std::string& code,
                             const std::string& message);

}  // namespace confpress::committee
