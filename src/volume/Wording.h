#pragma once
// The fixed words of a volume's front matter and index in its language ("vi" or "en"). Plain values.
#include <string>

namespace confpress::volume {

struct Wording {
  std::string preface, contents, authorIndex, editors, editedBy, publisher, isbn, issn, doi, licence, etAl,
      and_;

  static Wording forLanguage(const std::string& language) {
    if (language == "en")
      return {"Preface", "Contents", "Author index", "Editors", "Edited by", "Publisher",
              "ISBN",    "ISSN",     "DOI",          "Licence", "et al.",    "and"};
    return {"Lời nói đầu", "Mục lục", "Chỉ mục tác giả", "Ban biên tập", "Biên tập", "Nhà xuất bản", "ISBN",
            "ISSN",        "DOI",     "Giấy phép",       "và cs.",       "và"};
  }
};

}  // namespace confpress::volume
