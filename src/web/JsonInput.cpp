#include "web/JsonInput.h"

#include <Poco/JSON/Array.h>

#include "core/Errors.h"

namespace confpress::web {

JsonInput::JsonInput(Poco::JSON::Object::Ptr object, std::string prefix)
    : object_(std::move(object)), prefix_(std::move(prefix)) {}

std::optional<Poco::Dynamic::Var> JsonInput::optionalValue(const std::string& name) {
  read_.insert(name);
  if (!object_->has(name) || object_->isNull(name)) return std::nullopt;
  return object_->get(name);
}

std::string JsonInput::requiredString(const std::string& name) {
  auto value = optionalString(name);
  if (!value) throw ValidationError(fieldName(name), "required", fieldName(name) + " is required");
  return *value;
}

std::optional<std::string> JsonInput::optionalString(const std::string& name) {
  auto value = optionalValue(name);
  if (!value) return std::nullopt;
  if (!value->isString())
    throw ValidationError(fieldName(name), "invalid_type", fieldName(name) + " must be a string");
  return value->extract<std::string>();
}

std::optional<bool> JsonInput::optionalBool(const std::string& name) {
  auto value = optionalValue(name);
  if (!value) return std::nullopt;
  if (!value->isBoolean())
    throw ValidationError(fieldName(name), "invalid_type", fieldName(name) + " must be true or false");
  return value->extract<bool>();
}

std::optional<int64_t> JsonInput::optionalInt(const std::string& name, int64_t min, int64_t max) {
  auto value = optionalValue(name);
  if (!value) return std::nullopt;
  const std::string range = " between " + std::to_string(min) + " and " + std::to_string(max);
  if (!value->isInteger())
    throw ValidationError(fieldName(name), "invalid_type",
                          fieldName(name) + " must be a whole number" + range);
  int64_t n = 0;
  try {
    n = value->convert<Poco::Int64>();
  } catch (const Poco::Exception&) {
    throw ValidationError(fieldName(name), "out_of_range", fieldName(name) + " must be" + range);
  }
  if (n < min || n > max)
    throw ValidationError(fieldName(name), "out_of_range", fieldName(name) + " must be" + range);
  return n;
}

Poco::JSON::Object::Ptr JsonInput::optionalObject(const std::string& name) {
  auto value = optionalValue(name);
  if (!value) return nullptr;
  if (value->type() != typeid(Poco::JSON::Object::Ptr))
    throw ValidationError(fieldName(name), "invalid_type", fieldName(name) + " must be an object");
  return value->extract<Poco::JSON::Object::Ptr>();
}

std::optional<std::vector<std::string>> JsonInput::optionalStringArray(const std::string& name) {
  auto value = optionalValue(name);
  if (!value) return std::nullopt;
  if (value->type() != typeid(Poco::JSON::Array::Ptr))
    throw ValidationError(fieldName(name), "invalid_type", fieldName(name) + " must be an array of strings");
  std::vector<std::string> out;
  auto array = value->extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < array->size(); ++i) {
    Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
    if (!item.isString())
      throw ValidationError(fieldName(name) + "[" + std::to_string(i) + "]", "invalid_type",
                            "must be a string");
    out.push_back(item.extract<std::string>());
  }
  return out;
}

std::optional<std::vector<Poco::JSON::Object::Ptr>> JsonInput::optionalObjectArray(const std::string& name) {
  auto value = optionalValue(name);
  if (!value) return std::nullopt;
  if (value->type() != typeid(Poco::JSON::Array::Ptr))
    throw ValidationError(fieldName(name), "invalid_type", fieldName(name) + " must be an array of objects");
  std::vector<Poco::JSON::Object::Ptr> out;
  auto array = value->extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < array->size(); ++i) {
    Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
    if (item.type() != typeid(Poco::JSON::Object::Ptr))
      throw ValidationError(fieldName(name) + "[" + std::to_string(i) + "]", "invalid_type",
                            "must be an object");
    out.push_back(item.extract<Poco::JSON::Object::Ptr>());
  }
  return out;
}

void JsonInput::finish() const {
  for (const auto& [key, value] : *object_)
    if (!read_.count(key))
      throw ValidationError(fieldName(key), "unknown_field", "unknown field " + fieldName(key));
}

}  // namespace confpress::web
