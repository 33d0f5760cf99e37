#pragma once
// What preflight found in one PDF: the verdict, the page count and size, and each problem with its
// severity and page. Stored with every version and returned to the uploader as JSON.
#include <string>
#include <vector>

namespace confpress::preflight {

struct Problem {
  std::string code;      // not_pdf, empty, encrypted, damaged, repaired, too_many_pages, paper_size, …
  std::string severity;  // "error" or "warning"
  int page = 0;          // 1-based; 0 when the problem concerns the whole file
  std::string message;   // English, for people; the code is for programs and translations
};

struct Report {
  std::string status = "ok";  // ok | warning | error: the worst severity found
  int pages = 0;
  std::string paperSize;  // "A4", "Letter" or "W×H mm"; "" when unknown
  std::vector<Problem> problems;
  std::string text;  // the extracted text, only when Rules::extractTextBytes asked for it

  bool hasErrors() const { return status == "error"; }
  /// Adds a problem (unless its severity is "off") and raises the status.
  void add(Problem problem);
  std::string toJson() const;
  /// Throws std::runtime_error on malformed JSON, or JSON that is not a report (no valid status, no
  /// problems array, a problem without code or severity).
  static Report fromJson(const std::string& json);
};

}  // namespace confpress::preflight
