#pragma once
// XML files read and checked with libxml2: a parsed document that frees itself, and an XSD compiled
// once that validates documents, reporting every problem as "file:line: message". Network access is
// off for both (a schema's imports must be local files or come through an XML catalog). A document or a
// schema is used by one thread at a time.
#include <memory>
#include <string>

typedef struct _xmlDoc xmlDoc;
typedef struct _xmlSchema xmlSchema;

namespace confpress::volume {

/// A parsed XML file. Throws ValidationError("file:line: message") when it is not well-formed.
class XmlDocument {
 public:
  explicit XmlDocument(const std::string& path);
  /// Parses `text` in memory; `label` names it in messages.
  static XmlDocument fromText(const std::string& text, const std::string& label);

  xmlDoc* get() const { return doc_.get(); }
  const std::string& label() const { return label_; }

 private:
  struct Free {
    void operator()(xmlDoc* d) const;
  };
  XmlDocument(std::unique_ptr<xmlDoc, Free> doc, std::string label)
      : doc_(std::move(doc)), label_(std::move(label)) {}
  std::unique_ptr<xmlDoc, Free> doc_;
  std::string label_;
};

/// A compiled W3C XML Schema.
class XmlSchema {
 public:
  /// Compiles the XSD at `path`; throws std::runtime_error with libxml2's reasons when it cannot.
  explicit XmlSchema(const std::string& path);

  /// Throws ValidationError listing the first problems ("volume.xml:12: Element 'x': This element is
  /// not expected.") when `doc` does not conform.
  void validate(const XmlDocument& doc) const;

 private:
  struct Free {
    void operator()(xmlSchema* s) const;
  };
  std::unique_ptr<xmlSchema, Free> schema_;
  std::string path_;
};

}  // namespace confpress::volume
