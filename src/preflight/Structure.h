#pragma once
// The structural half of preflight, with qpdf: the file is opened without a password, every object is
// read and every stream decoded (as `qpdf --check` does), every page's content stream is parsed and its
// fonts are checked for embedding.
// Private to src/preflight/ (used by Inspector.cpp). Thread-safe: separate QPDF objects share nothing.
#include <string_view>

#include "preflight/Report.h"
#include "preflight/Rules.h"

namespace confpress::preflight {

/// Adds to `report` what qpdf finds: "encrypted" (a password is needed to open the file), "restricted"
/// (encrypted with an empty user password), "damaged" (unreadable objects, streams or page contents),
/// "invalid_content" (drawing commands PDF does not define), "repaired" (a broken structure qpdf had
/// to reconstruct), "fonts_not_embedded". Returns the page count, or -1 when the file
/// cannot be read far enough for the content checks. Rethrows std::bad_alloc.
int checkStructure(std::string_view bytes, const Rules& rules, Report& report);

}  // namespace confpress::preflight
