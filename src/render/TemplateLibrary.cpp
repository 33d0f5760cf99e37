#include "render/TemplateLibrary.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/RecursiveDirectoryIterator.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace confpress::render {

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TemplateLibrary::TemplateLibrary(std::string directory) : directory_(std::move(directory)) {
  const Poco::Path root = Poco::Path(directory_).makeAbsolute();
  if (!Poco::File(root).exists()) throw std::runtime_error("templates directory not found: " + directory_);
  const std::string rootText = root.toString();
  for (Poco::SimpleRecursiveDirectoryIterator it(root), end; it != end; ++it) {
    if (!it->isFile()) continue;
    Poco::Path path(it->path());
    const std::string full = path.toString();
    std::string relative = full.substr(rootText.size());
    if (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
    if (path.getExtension() == "mustache") {
      const std::string name = relative.substr(0, relative.size() - std::string(".mustache").size());
      std::string body = readFile(full);
      if (name.rfind("web/partials/", 0) == 0) partials_[path.getBaseName()] = body;
      templates_[name] = std::move(body);
    } else if (path.getExtension() == "json" && relative.rfind("i18n/", 0) == 0) {
      Poco::JSON::Object::Ptr object;
      try {
        object = Poco::JSON::Parser().parse(readFile(full)).extract<Poco::JSON::Object::Ptr>();
      } catch (const Poco::Exception& e) {
        throw std::runtime_error(full + ": not a JSON object of messages: " + e.displayText());
      }
      auto& messages = messages_[path.getBaseName()];
      mstch::map& catalog = catalogs_[path.getBaseName()];
      for (const auto& [key, value] : *object) {
        messages[key] = value.toString();
        catalog[key] = value.toString();
      }
    }
  }
  if (!catalogs_.count("en")) throw std::runtime_error(rootText + "/i18n/en.json is missing");
}

std::string TemplateLibrary::render(const std::string& name, const mstch::map& context) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::out_of_range("no template " + name + " in " + directory_);
  return mstch::render(it->second, context, partials_);
}

const mstch::map& TemplateLibrary::catalog(const std::string& lang) const {
  auto it = catalogs_.find(lang);
  return it != catalogs_.end() ? it->second : catalogs_.at("en");
}

std::string TemplateLibrary::message(const std::string& lang, const std::string& key,
                                     const std::string& fallback) const {
  for (const std::string& l : {lang, std::string("en")}) {
    auto table = messages_.find(l);
    if (table == messages_.end()) continue;
    auto it = table->second.find(key);
    if (it != table->second.end()) return it->second;
  }
  return fallback;
}

std::vector<std::string> TemplateLibrary::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, messages] : messages_) out.push_back(lang);
  return out;
}

}  // namespace confpress::render
