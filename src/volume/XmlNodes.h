#pragma once
// Small read-only helpers over libxml2 element trees for readers of already validated files: child
// elements by name, trimmed NFC text, attributes, line numbers. Private to src/volume/.
#include <libxml/tree.h>

#include <string>
#include <vector>

namespace confpress::volume::xml {

/// The element children of `node` named `name` (all element children when `name` is empty).
std::vector<xmlNode*> children(const xmlNode* node, const char* name = "");
/// The first child element named `name`, or nullptr.
xmlNode* child(const xmlNode* node, const char* name);
/// The element's text content, NFC, trimmed, white space folded (empty for a null node).
std::string text(const xmlNode* node);
/// The text of the child `name`, or "" when there is none.
std::string childText(const xmlNode* node, const char* name);
/// The attribute's value, NFC and trimmed, or `fallback` when absent.
std::string attribute(const xmlNode* node, const char* name, const std::string& fallback = {});
/// The element's text keeping line breaks (for Markdown), NFC.
std::string rawText(const xmlNode* node);
/// "file:line" of the node.
std::string where(const std::string& file, const xmlNode* node);

}  // namespace confpress::volume::xml
