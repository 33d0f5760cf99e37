#pragma once
// Checks one PDF against a conference's rules, in this process: structure with qpdf (every object and
// stream read, as `qpdf --check` does; content streams parsed; fonts checked for embedding), content with
// poppler (every page opened and its text extracted: sizes, text, the bottom margin, the authors'
// identities). Untrusted files go through runIsolated() (Sandbox.h) instead, which
// bounds time and memory. Thread-safe (poppler and qpdf objects are per call; poppler's error output is
// silenced once for the process).
#include <string_view>

#include "preflight/Report.h"
#include "preflight/Rules.h"

namespace confpress::preflight {

/// The report on the PDF file `bytes`. Bad files give problems, never exceptions; only std::bad_alloc
/// escapes (the worker turns it into "memory_limit").
Report inspectPdf(std::string_view bytes, const Rules& rules);

}  // namespace confpress::preflight
