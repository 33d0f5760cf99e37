#pragma once
// CommonMark text (a preface, a foreword) set as flow items with libcmark: paragraphs justified with the
// Vietnamese line breaker, headings, bullet and numbered lists with hanging indents, block quotes
// indented; *emphasis* in italic, **strong** in bold. Raw HTML and images are left out (an image's alt
// text stays). Stateless; use from one thread per LineBreaker.
#include <string>
#include <vector>

#include "pdf/Flow.h"

namespace confpress::pdf {

struct MarkdownStyles {
  ParagraphStyle body;     // paragraphs (and list items, with an indent)
  ParagraphStyle heading;  // # and ## headings (### and deeper use body's size, bold)
};

/// Appends the blocks of `markdown` to `items` between `left` and `left + width`.
/// Throws std::runtime_error if libcmark cannot parse (it accepts any text, so only on exhaustion).
void appendMarkdown(std::vector<FlowItem>& items, const std::string& markdown, const MarkdownStyles& styles,
                    const LineBreaker& breaker, const FontSet& fonts, double left, double width);

}  // namespace confpress::pdf
