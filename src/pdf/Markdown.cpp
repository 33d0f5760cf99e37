// libcmark's tree walked into TextRuns and paragraphs.
#include "pdf/Markdown.h"

#include <cmark.h>

#include <memory>
#include <stdexcept>

namespace confpress::pdf {

namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

class MarkdownSetter {
 public:
  MarkdownSetter(std::vector<FlowItem>& items, const MarkdownStyles& styles, const LineBreaker& breaker,
                 const FontSet& fonts, double left, double width)
      : items_(items), styles_(styles), breaker_(breaker), fonts_(fonts), left_(left), width_(width) {}

  void blocks(cmark_node* parent, double indent) {
    int number = 0;
    for (cmark_node* n = cmark_node_first_child(parent); n != nullptr; n = cmark_node_next(n)) {
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
          paragraph(inlines(n), styles_.body, indent, 0);
          break;
        case CMARK_NODE_HEADING: {
          ParagraphStyle style = cmark_node_get_heading_level(n) <= 2 ? styles_.heading : styles_.body;
          style.font = FontStyle::Bold;
          style.align = Align::Left;
          style.keepWithNext = true;
          style.spaceBefore = styles_.heading.spaceBefore;
          std::vector<TextRun> runs = inlines(n);
          for (TextRun& r : runs) r.style = FontStyle::Bold;
          paragraph(runs, style, indent, 0);
          break;
        }
        case CMARK_NODE_LIST:
          number = cmark_node_get_list_start(n);
          for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
            const bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            listItem(item, ordered ? std::to_string(number++) + ". " : "• ", indent);
          }
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          blocks(n, indent + 20);
          break;
        case CMARK_NODE_CODE_BLOCK:
          paragraph({{cmark_node_get_literal(n) ? cmark_node_get_literal(n) : ""}}, styles_.body, indent, 0);
          break;
        default:
          break;  // thematic breaks, raw HTML
      }
    }
  }

 private:
  // The item's first paragraph carries the marker in a hanging indent; later blocks are indented.
  void listItem(cmark_node* item, const std::string& marker, double indent) {
    const double hang = 18;
    bool first = true;
    for (cmark_node* b = cmark_node_first_child(item); b; b = cmark_node_next(b)) {
      if (first && cmark_node_get_type(b) == CMARK_NODE_PARAGRAPH) {
        std::vector<TextRun> runs = inlines(b);
        runs.insert(runs.begin(), {marker, FontStyle::Regular, true});
        paragraph(runs, styles_.body, indent + hang, -hang);
      } else if (cmark_node_get_type(b) == CMARK_NODE_LIST) {
        cmark_node* wrapper = b;
        int number = cmark_node_get_list_start(wrapper);
        for (cmark_node* sub = cmark_node_first_child(wrapper); sub; sub = cmark_node_next(sub))
          listItem(sub,
                   cmark_node_get_list_type(wrapper) == CMARK_ORDERED_LIST ? std::to_string(number++) + ". "
                                                                           : "– ",
                   indent + hang);
      } else {
        paragraph(inlines(b), styles_.body, indent + hang, 0);
      }
      first = false;
    }
  }

  void paragraph(const std::vector<TextRun>& runs, ParagraphStyle style, double indent, double hang) {
    if (runs.empty()) return;
    style.leftIndent += indent;
    if (hang != 0) style.firstIndent = hang;
    appendParagraph(items_, runs, style, breaker_, fonts_, left_, width_);
  }

  std::vector<TextRun> inlines(cmark_node* parent) {
    std::vector<TextRun> runs;
    collect(parent, FontStyle::Regular, runs);
    return runs;
  }

  void collect(cmark_node* parent, FontStyle style, std::vector<TextRun>& runs) {
    for (cmark_node* n = cmark_node_first_child(parent); n != nullptr; n = cmark_node_next(n)) {
      const char* literal = cmark_node_get_literal(n);
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          runs.push_back({literal ? literal : "", style});
          break;
        case CMARK_NODE_SOFTBREAK:
          runs.push_back({" ", style});
          break;
        case CMARK_NODE_LINEBREAK:
          runs.push_back({"\n", style});
          break;
        case CMARK_NODE_EMPH:
          collect(n, style == FontStyle::Bold ? FontStyle::Bold : FontStyle::Italic, runs);
          break;
        case CMARK_NODE_STRONG:
          collect(n, FontStyle::Bold, runs);
          break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          collect(n, style, runs);
          break;
        default:
          break;  // raw HTML
      }
    }
  }

  std::vector<FlowItem>& items_;
  const MarkdownStyles& styles_;
  const LineBreaker& breaker_;
  const FontSet& fonts_;
  double left_, width_;
};

}  // namespace

void appendMarkdown(std::vector<FlowItem>& items, const std::string& markdown, const MarkdownStyles& styles,
                    const LineBreaker& breaker, const FontSet& fonts, double left, double width) {
  std::unique_ptr<cmark_node, NodeFree> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  if (!doc) throw std::runtime_error("libcmark cannot parse the Markdown text");
  MarkdownSetter(items, styles, breaker, fonts, left, width).blocks(doc.get(), 0);
}

}  // namespace confpress::pdf
