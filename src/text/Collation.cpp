#include "text/Collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <memory>
#include <stdexcept>

namespace confpress::text {

int compareVietnamese(std::string_view a, std::string_view b) {
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU Vietnamese collator unavailable");
    return c;
  }();
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = collator->compareUTF8(icu::StringPiece(a.data(), a.size()),
                                             icu::StringPiece(b.data(), b.size()), status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU collation failed");
  return r == UCOL_LESS ? -1 : (r == UCOL_EQUAL ? 0 : 1);
}

}  // namespace confpress::text
