// Title page, imprint, preface and committees as flow items.
#include "volume/FrontMatter.h"

#include "pdf/Markdown.h"

namespace confpress::volume {

using pdf::Align;
using pdf::FlowItem;
using pdf::FontStyle;
using pdf::ParagraphStyle;

namespace {

FlowItem spacer(double height) {
  FlowItem item;
  item.height = height;
  return item;
}

void paragraph(const PartContext& ctx, std::vector<FlowItem>& items, const std::string& text,
               const ParagraphStyle& style) {
  if (text.empty()) return;
  pdf::appendParagraph(items, {{text, style.font}}, style, ctx.breaker, ctx.doc.fonts(), ctx.left(),
                       ctx.width());
}

ParagraphStyle centred(FontStyle font, double size, double spaceBefore = 0) {
  return {font, size, size * 1.3, Align::Center, 0, 0, 0, spaceBefore, false, false};
}

std::string names(const std::vector<PersonName>& people) {
  std::string out;
  for (const PersonName& p : people) out += (out.empty() ? "" : ", ") + p.display();
  return out;
}

}  // namespace

std::vector<FlowItem> titlePage(const PartContext& ctx, const VolumeMetadata& m) {
  std::vector<FlowItem> items;
  items.push_back(spacer(40));
  paragraph(ctx, items, m.conferenceName, centred(FontStyle::Italic, 12));
  items.push_back(spacer(110));
  paragraph(ctx, items, m.title, centred(FontStyle::Bold, 22));
  paragraph(ctx, items, m.subtitle, centred(FontStyle::Regular, 15, 12));
  items.push_back(spacer(70));
  if (!m.editors.empty()) {
    paragraph(ctx, items, ctx.words.editedBy, centred(FontStyle::Italic, 11));
    paragraph(ctx, items, names(m.editors), centred(FontStyle::Bold, 13, 4));
  }
  items.push_back(spacer(150));
  paragraph(ctx, items, m.publisher, centred(FontStyle::Bold, 12));
  paragraph(ctx, items, m.city + (m.year ? ", " + std::to_string(m.year) : ""),
            centred(FontStyle::Regular, 11, 4));
  return items;
}

std::vector<FlowItem> imprintPage(const PartContext& ctx, const VolumeMetadata& m) {
  std::vector<FlowItem> items;
  items.push_back(spacer(ctx.doc.geometry().content().height * 0.55));
  const ParagraphStyle small{FontStyle::Regular, 9.5, 13, Align::Left, 0, 0, 0, 3, false, false};
  ParagraphStyle title = small;
  title.font = FontStyle::Bold;
  paragraph(ctx, items, m.title + (m.subtitle.empty() ? "" : ": " + m.subtitle), title);
  if (!m.editors.empty()) paragraph(ctx, items, ctx.words.editors + ": " + names(m.editors), small);
  paragraph(ctx, items,
            ctx.words.publisher + ": " + m.publisher + ", " + m.city + ", " + std::to_string(m.year), small);
  if (!m.isbn.empty()) paragraph(ctx, items, ctx.words.isbn + " " + m.isbn, small);
  if (!m.issn.empty()) paragraph(ctx, items, ctx.words.issn + " " + m.issn, small);
  if (!m.doiPrefix.empty() && !m.doiSuffix.empty())
    paragraph(ctx, items, ctx.words.doi + " " + m.doiPrefix + "/" + m.doiSuffix, small);
  if (!m.licence.empty()) paragraph(ctx, items, ctx.words.licence + ": " + m.licence, small);
  paragraph(ctx, items, m.copyright, small);
  return items;
}

std::vector<FlowItem> prefacePages(const PartContext& ctx, const FrontMatter& front) {
  std::vector<FlowItem> items;
  if (front.prefaceMarkdown.empty()) return items;
  ParagraphStyle heading = centred(FontStyle::Bold, 16);
  heading.outline = false;
  heading.keepWithNext = true;
  paragraph(ctx, items, front.prefaceTitle.empty() ? ctx.words.preface : front.prefaceTitle, heading);
  items.push_back(spacer(12));
  pdf::MarkdownStyles styles;
  styles.body = {FontStyle::Regular, 11.5, 16, Align::Justify, pdf::mm(8), 0, 0, 5, false, false};
  styles.heading = {FontStyle::Bold, 12.5, 17, Align::Left, 0, 0, 0, 12, true, false};
  pdf::appendMarkdown(items, front.prefaceMarkdown, styles, ctx.breaker, ctx.doc.fonts(), ctx.left(),
                      ctx.width());
  return items;
}

std::vector<FlowItem> committeePages(const PartContext& ctx, const FrontMatter& front) {
  std::vector<FlowItem> items;
  for (const Committee& c : front.committees) {
    ParagraphStyle heading = centred(FontStyle::Bold, 13, items.empty() ? 0 : 18);
    heading.keepWithNext = true;
    paragraph(ctx, items, c.title, heading);
    items.push_back(spacer(6));
    for (const CommitteeMember& member : c.members) {
      std::vector<pdf::TextRun> runs;
      if (!member.role.empty()) runs.push_back({member.role + ": ", FontStyle::Italic});
      runs.push_back({member.name.display(), FontStyle::Bold, true});
      if (!member.affiliation.empty()) runs.push_back({" — " + member.affiliation, FontStyle::Regular});
      const ParagraphStyle line{FontStyle::Regular, 10.5, 14, Align::Left, -12, 12, 0, 2, false, false};
      pdf::appendParagraph(items, runs, line, ctx.breaker, ctx.doc.fonts(), ctx.left(), ctx.width());
    }
  }
  return items;
}

}  // namespace confpress::volume
