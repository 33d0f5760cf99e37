#pragma once
// Checks one PDF against a conference's rules, in this process: structure with qpdf (every object and
// stream read, as `qpdf --check` does), content with poppler (pages, sizes, fonts, text, the bottom
// margin, the authors' identities). Untrusted files go through runIsolated() (Sandbox.h) instead, which
// bounds time and memory. Thread-safe.
#include <string_view>

#include "preflight/Report.h"
#include "preflight/Rules.h"

namespace confpress::preflight {

Report inspectPdf(std::string_view bytes, const Rules& rules);

}  // namespace confpress::preflight
