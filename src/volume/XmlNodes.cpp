// libxml2 tree access for the manifest and style readers.
#include "volume/XmlNodes.h"

#include <cstring>
#include <memory>

#include "text/Unicode.h"

namespace confpress::volume::xml {

namespace {

std::string content(const xmlNode* node) {
  if (node == nullptr) return {};
  std::unique_ptr<xmlChar, decltype(xmlFree)> raw(xmlNodeGetContent(node), xmlFree);
  return raw ? std::string(reinterpret_cast<const char*>(raw.get())) : std::string();
}

}  // namespace

std::vector<xmlNode*> children(const xmlNode* node, const char* name) {
  std::vector<xmlNode*> out;
  if (node == nullptr) return out;
  for (xmlNode* c = node->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE &&
        (*name == '\0' || std::strcmp(reinterpret_cast<const char*>(c->name), name) == 0))
      out.push_back(c);
  return out;
}

xmlNode* child(const xmlNode* node, const char* name) {
  const auto all = children(node, name);
  return all.empty() ? nullptr : all.front();
}

std::string text(const xmlNode* node) {
  return text::cleanLine(content(node), node ? reinterpret_cast<const char*>(node->name) : "text");
}

std::string childText(const xmlNode* node, const char* name) {
  return text(child(node, name));
}

std::string attribute(const xmlNode* node, const char* name, const std::string& fallback) {
  if (node == nullptr) return fallback;
  std::unique_ptr<xmlChar, decltype(xmlFree)> raw(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)),
                                                  xmlFree);
  if (!raw) return fallback;
  return text::cleanLine(reinterpret_cast<const char*>(raw.get()), name);
}

std::string rawText(const xmlNode* node) {
  return text::cleanText(content(node), "text");
}

std::string where(const std::string& file, const xmlNode* node) {
  return file + ":" + std::to_string(node ? xmlGetLineNo(node) : 0);
}

}  // namespace confpress::volume::xml
