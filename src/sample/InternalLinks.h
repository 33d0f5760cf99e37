#pragma once
// Gives a generated paper the internal links a LaTeX paper has (hyperref): named destinations
// "page.1", "page.2", … and "sec.refs" (the last page) in the /Names tree, and link annotations that use
// them by name (/Dest and a GoTo action) and by explicit page. Every paper made this way has the same
// names, as real papers do — the case a volume must keep apart. Done with qpdf on the finished file.
// Stateless; thread-safe for separate inputs.
#include <string>

namespace confpress::sample {

/// `pdf` with named destinations and internal links added. Throws std::runtime_error from qpdf.
std::string addInternalLinks(const std::string& pdf);

}  // namespace confpress::sample
