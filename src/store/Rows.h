#pragma once
// Small helpers for reading RecordSet rows and binding optional values; private to store/.
#include <Poco/Data/RecordSet.h>
#include <Poco/Nullable.h>

#include <cstdint>
#include <optional>
#include <string>

namespace confpress::store {

inline std::string text(Poco::Data::RecordSet& rs, const std::string& column) {
  const Poco::Dynamic::Var& v = rs[column];
  return v.isEmpty() ? std::string() : v.convert<std::string>();
}

inline std::optional<std::string> optionalText(Poco::Data::RecordSet& rs, const std::string& column) {
  const Poco::Dynamic::Var& v = rs[column];
  if (v.isEmpty()) return std::nullopt;
  return v.convert<std::string>();
}

inline int64_t integer(Poco::Data::RecordSet& rs, const std::string& column) {
  const Poco::Dynamic::Var& v = rs[column];
  return v.isEmpty() ? 0 : v.convert<Poco::Int64>();
}

inline Poco::Nullable<std::string> nullable(const std::optional<std::string>& value) {
  return value ? Poco::Nullable<std::string>(*value) : Poco::Nullable<std::string>();
}

}  // namespace confpress::store
