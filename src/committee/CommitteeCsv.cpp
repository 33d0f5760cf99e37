#include "committee/CommitteeCsv.h"

#include <algorithm>
#include <map>

#include "core/Errors.h"
#include "text/Unicode.h"

namespace confpress::committee {

namespace {

struct Record {
  int line = 0;  // where the record starts
  std::vector<std::string> fields;
};

// RFC 4180 records; a quote inside an unquoted field, or text after a closing quote, is an error.
std::vector<Record> splitRecords(std::string_view in) {
  std::vector<Record> out;
  Record record{1, {}};
  std::string field;
  int line = 1;
  bool quoted = false, wasQuoted = false, any = false;
  const auto endField = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    wasQuoted = false;
  };
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (quoted) {
      if (c == '"' && i + 1 < in.size() && in[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
        wasQuoted = true;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || wasQuoted)
        failAtLine(line, "csv", "invalid_csv", "a quote inside an unquoted field");
      quoted = any = true;
    } else if (c == ',') {
      endField();
      any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        endField();
        out.push_back(std::move(record));
      }
      record = Record{++line, {}};
      any = false;
    } else {
      if (wasQuoted) failAtLine(line, "csv", "invalid_csv", "text after a closing quote");
      field += c;
      any = true;
    }
  }
  if (quoted) failAtLine(record.line, "csv", "invalid_csv", "a quoted field is never closed");
  if (any || !field.empty()) {
    endField();
    out.push_back(std::move(record));
  }
  return out;
}

std::string canonicalColumn(std::string name) {
  name = text::foldForMatch(text::cleanLine(name, "csv"));
  for (char& c : name)
    if (c == ' ' || c == '-') c = '_';
  return name;
}

std::optional<int64_t> loadValue(const std::string& raw, int line, const std::string& column) {
  if (raw.empty()) return std::nullopt;
  if (raw.size() > 4 || raw.find_first_not_of("0123456789") != std::string::npos)
    failAtLine(line, column, "invalid_value", column + " must be a whole number from 0 to 1000");
  const int64_t value = std::stoll(raw);
  if (value > 1000)
    failAtLine(line, column, "invalid_value", column + " must be a whole number from 0 to 1000");
  return value;
}

std::optional<std::string> roleValue(const std::string& raw, int line) {
  std::string role = canonicalColumn(raw);
  if (role.empty()) return std::nullopt;
  if (role == "pc") return "pc";
  if (role == "senior_pc" || role == "spc") return "senior_pc";
  failAtLine(line, "role", "invalid_value", "role must be pc or senior_pc, not '" + raw + "'");
}

}  // namespace

void failAtLine(int line, const std::string& column, const std::string& code, const std::string& message) {
  throw ValidationError("line[" + std::to_string(line) + "]." + column, code,
                        "line " + std::to_string(line) + ": " + message);
}

std::vector<CsvMember> readCommitteeCsv(std::string_view csv, const std::string& language,
                                        const CsvLimits& limits) {
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);
  if (!text::isValidUtf8(csv)) throw ValidationError("csv", "invalid_utf8", "the CSV is not valid UTF-8");
  std::vector<Record> records = splitRecords(csv);
  if (records.empty())
    throw ValidationError("csv", "required", "the CSV is empty: give a header line and members");
  if (records.size() - 1 > limits.maxRows)
    throw ValidationError("csv", "too_long",
                          "at most " + std::to_string(limits.maxRows) + " members at once");
  static const std::vector<std::string> known = {
      "email", "name", "family_name", "given_name", "affiliation", "topics", "min_load", "max_load", "role"};
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < records[0].fields.size(); ++i) {
    const std::string name = canonicalColumn(records[0].fields[i]);
    if (std::find(known.begin(), known.end(), name) == known.end())
      failAtLine(
          records[0].line, name, "unknown_field",
          "unknown column '" + records[0].fields[i] +
              "' (known: email, name, family_name, given_name, affiliation, topics, min_load, max_load, "
              "role)");
    if (!column.emplace(name, i).second)
      failAtLine(records[0].line, name, "duplicate", "column '" + name + "' appears twice");
  }
  if (!column.count("email"))
    failAtLine(records[0].line, "email", "required", "the header has no email column");
  std::vector<CsvMember> out;
  for (size_t r = 1; r < records.size(); ++r) {
    const Record& rec = records[r];
    if (rec.fields.size() > records[0].fields.size())
      failAtLine(rec.line, "csv", "invalid_csv",
                 std::to_string(rec.fields.size()) + " fields where the header has " +
                     std::to_string(records[0].fields.size()));
    const auto get = [&](const std::string& name) {
      auto it = column.find(name);
      if (it == column.end() || it->second >= rec.fields.size()) return std::string();
      return text::cleanLine(rec.fields[it->second], "line[" + std::to_string(rec.line) + "]." + name);
    };
    CsvMember m;
    m.line = rec.line;
    m.email = get("email");
    m.familyName = get("family_name");
    m.givenName = get("given_name");
    if (const std::string name = get("name"); !name.empty() && m.familyName.empty() && m.givenName.empty()) {
      const bool givenFirst = language == "en";
      const size_t space = givenFirst ? name.rfind(' ') : name.find(' ');
      if (space == std::string::npos) {
        m.familyName = name;
      } else if (givenFirst) {
        m.givenName = name.substr(0, space);
        m.familyName = name.substr(space + 1);
      } else {
        m.familyName = name.substr(0, space);
        m.givenName = name.substr(space + 1);
      }
      if (givenFirst) m.nameOrder = "given_first";
    }
    m.affiliation = get("affiliation");
    if (column.count("topics")) {
      const std::string topics = get("topics");
      m.topics.emplace();
      for (size_t from = 0; from < topics.size();) {
        size_t to = topics.find(';', from);
        if (to == std::string::npos) to = topics.size();
        std::string topic = text::cleanLine(topics.substr(from, to - from), "topics");
        if (!topic.empty()) m.topics->push_back(std::move(topic));
        from = to + 1;
      }
    }
    m.minLoad = loadValue(get("min_load"), rec.line, "min_load");
    m.maxLoad = loadValue(get("max_load"), rec.line, "max_load");
    m.role = roleValue(get("role"), rec.line);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace confpress::committee
