#pragma once
// The Mustache templates (pages, partials, e-mails) and the vi/en message catalogs, loaded once from the
// templates directory and rendered with mstch. Immutable after construction, so safe to share between
// threads.
#include <mstch/mstch.hpp>

#include <map>
#include <string>
#include <vector>

namespace confpress::render {

class TemplateLibrary {
 public:
  /// Loads every *.mustache below `directory` (named by relative path without the extension, e.g.
  /// "web/pages/home", "mail/vi/password_reset.subject"), the partials of web/partials/ (named by file
  /// stem) and the catalogs i18n/<lang>.json. Throws std::runtime_error naming the file on a bad catalog.
  explicit TemplateLibrary(std::string directory);

  /// Renders template `name` with `context`. Throws std::out_of_range naming an unknown template.
  std::string render(const std::string& name, const mstch::map& context) const;
  bool has(const std::string& name) const { return templates_.count(name) > 0; }

  /// The catalog of `lang` as a Mustache map (for `{{t.key}}`); English when `lang` is unknown.
  const mstch::map& catalog(const std::string& lang) const;
  /// One message; falls back to English, then to `fallback`.
  std::string message(const std::string& lang, const std::string& key,
                      const std::string& fallback = "") const;

  /// Languages with a catalog, e.g. {"en", "vi"}.
  std::vector<std::string> languages() const;
  const std::string& directory() const { return directory_; }

 private:
  std::string directory_;
  std::map<std::string, std::string> templates_;
  std::map<std::string, std::string> partials_;
  std::map<std::string, std::map<std::string, std::string>> messages_;
  std::map<std::string, mstch::map> catalogs_;
};

}  // namespace confpress::render
