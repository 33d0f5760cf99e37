#pragma once
// Reads the fields of a JSON request object strictly: each read names its field, a value of the wrong
// type is a ValidationError naming it, and finish() rejects any field nobody asked for, so a typo in a
// client never passes silently.
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace confpress::web {

class JsonInput {
 public:
  /// `prefix` names nested objects in errors: "authors[2]." gives "authors[2].email".
  explicit JsonInput(Poco::JSON::Object::Ptr object, std::string prefix = "");

  /// A string field that must be present (ValidationError "required" otherwise).
  std::string requiredString(const std::string& name);
  /// A string field that may be absent or null.
  std::optional<std::string> optionalString(const std::string& name);
  std::optional<bool> optionalBool(const std::string& name);
  /// A whole number within [min, max] (ValidationError naming the field otherwise).
  std::optional<int64_t> optionalInt(const std::string& name, int64_t min, int64_t max);
  /// A nested object (absent: nullptr); read it with another JsonInput prefixed "name.".
  Poco::JSON::Object::Ptr optionalObject(const std::string& name);
  /// An array of strings (absent: nullopt).
  std::optional<std::vector<std::string>> optionalStringArray(const std::string& name);
  /// An array of objects (absent: nullopt); each element must be an object.
  std::optional<std::vector<Poco::JSON::Object::Ptr>> optionalObjectArray(const std::string& name);
  /// The raw value, for fields that accept several shapes.
  std::optional<Poco::Dynamic::Var> optionalValue(const std::string& name);

  /// Throws ValidationError "unknown_field" for the first field that was never read.
  void finish() const;

  std::string fieldName(const std::string& name) const { return prefix_ + name; }

 private:
  Poco::JSON::Object::Ptr object_;
  std::string prefix_;
  std::set<std::string> read_;
};

}  // namespace confpress::web
