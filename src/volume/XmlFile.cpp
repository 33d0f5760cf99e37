// libxml2 behind XmlDocument and XmlSchema: structured error callbacks collect "file:line: message".
#include "volume/XmlFile.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <stdexcept>
#include <vector>

#include "core/Errors.h"

namespace confpress::volume {

namespace {

constexpr size_t kMaxReported = 5;

// Collects libxml2's structured errors with their line numbers.
struct ErrorList {
  std::string label;
  std::vector<std::string> messages;

  static void collect(void* self, const xmlError* error) {
    auto* list = static_cast<ErrorList*>(self);
    if (error == nullptr || list->messages.size() >= kMaxReported) return;
    std::string message = error->message ? error->message : "unknown error";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    list->messages.push_back(list->label + ":" + std::to_string(error->line) + ": " + message);
  }

  std::string joined() const {
    std::string out;
    for (const std::string& m : messages) out += (out.empty() ? "" : "\n") + m;
    return out;
  }
};

// xmlSchemaSetValidStructuredErrors wants a non-const xmlError in libxml2 2.9.
void collectMutable(void* self, xmlError* error) {
  ErrorList::collect(self, error);
}

constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOBLANKS;

}  // namespace

void XmlDocument::Free::operator()(xmlDoc* d) const {
  xmlFreeDoc(d);
}

XmlDocument::XmlDocument(const std::string& path) : label_(path) {
  ErrorList errors{path, {}};
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(xmlNewParserCtxt(), xmlFreeParserCtxt);
  if (!ctxt) throw std::runtime_error("libxml2 cannot create a parser");
  xmlSetStructuredErrorFunc(&errors, collectMutable);
  doc_.reset(xmlCtxtReadFile(ctxt.get(), path.c_str(), nullptr, kParseOptions));
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (!doc_ || !ctxt->wellFormed) {
    doc_.reset();
    if (errors.messages.empty()) errors.messages.push_back(path + ": cannot read the file");
    throw ValidationError("manifest", "malformed_xml", errors.joined());
  }
}

XmlDocument XmlDocument::fromText(const std::string& text, const std::string& label) {
  ErrorList errors{label, {}};
  xmlSetStructuredErrorFunc(&errors, collectMutable);
  std::unique_ptr<xmlDoc, Free> doc(
      xmlReadMemory(text.data(), static_cast<int>(text.size()), label.c_str(), nullptr, kParseOptions));
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (!doc) throw ValidationError("xml", "malformed_xml", errors.joined());
  return XmlDocument(std::move(doc), label);
}

void XmlSchema::Free::operator()(xmlSchema* s) const {
  xmlSchemaFree(s);
}

XmlSchema::XmlSchema(const std::string& path) : path_(path) {
  ErrorList errors{path, {}};
  std::unique_ptr<xmlSchemaParserCtxt, void (*)(xmlSchemaParserCtxtPtr)> parser(
      xmlSchemaNewParserCtxt(path.c_str()), xmlSchemaFreeParserCtxt);
  if (!parser) throw std::runtime_error("libxml2 cannot read the schema " + path);
  xmlSchemaSetParserStructuredErrors(parser.get(), collectMutable, &errors);
  schema_.reset(xmlSchemaParse(parser.get()));
  if (!schema_) throw std::runtime_error("cannot compile the schema " + path + ": " + errors.joined());
}

void XmlSchema::validate(const XmlDocument& doc) const {
  ErrorList errors{doc.label(), {}};
  std::unique_ptr<xmlSchemaValidCtxt, void (*)(xmlSchemaValidCtxtPtr)> ctxt(
      xmlSchemaNewValidCtxt(schema_.get()), xmlSchemaFreeValidCtxt);
  if (!ctxt) throw std::runtime_error("libxml2 cannot create a validation context");
  xmlSchemaSetValidStructuredErrors(ctxt.get(), collectMutable, &errors);
  const int result = xmlSchemaValidateDoc(ctxt.get(), doc.get());
  if (result != 0) {
    if (errors.messages.empty()) errors.messages.push_back(doc.label() + ": does not conform to " + path_);
    throw ValidationError("manifest", "schema", errors.joined());
  }
}

}  // namespace confpress::volume
