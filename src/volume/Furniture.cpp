// Front matter, contents and author index set with src/pdf/ on PoDoFo; stamps encoded in its fonts.
#include "volume/Furniture.h"

#include "pdf/Canvas.h"
#include "pdf/Document.h"
#include "pdf/LineBreaker.h"

namespace confpress::volume {

namespace {

void renderPart(pdf::Document& doc, const std::vector<pdf::FlowItem>& items,
                const std::function<std::string(int physical)>& folio) {
  if (items.empty()) return;
  const auto pages = pdf::paginate(items, doc.geometry());
  const pdf::PageGeometry& g = doc.geometry();
  pdf::render(doc, items, pages, [&](pdf::Canvas& canvas, int, int) {
    const std::string text = folio ? folio(doc.pageCount() - 1) : std::string();
    if (!text.empty())
      canvas.textAligned(0, g.height - pdf::mm(12), g.width, text, doc.fonts()[pdf::FontStyle::Regular], 9,
                         pdf::Align::Center);
  });
}

}  // namespace

std::string roman(int n) {
  static const std::pair<int, const char*> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, digits] : kDigits)
    for (; n >= value; n -= value) out += digits;
  return out;
}

TypesetFurniture typesetFurniture(const VolumeSpec& spec, const VolumeStyle& style,
                                  const std::vector<OpenPaper>& papers, VolumePlan& plan) {
  const pdf::FontFiles fonts = style.fonts.regular.empty() ? pdf::FontFiles::serif() : style.fonts;
  pdf::Document doc(style.page, fonts);
  const pdf::LineBreaker breaker(doc.fonts(), "vi");
  const Wording words = Wording::forLanguage(spec.metadata.language);
  TypesetFurniture out;
  out.pageHeight = style.page.height;
  const PartContext ctx{doc, breaker, words, out.links};

  const auto romanFolio = [](int physical) { return roman(physical + 1); };
  renderPart(doc, titlePage(ctx, spec.metadata), {});
  renderPart(doc, imprintPage(ctx, spec.metadata), {});
  renderPart(doc, prefacePages(ctx, spec.front), romanFolio);
  renderPart(doc, committeePages(ctx, spec.front), romanFolio);
  renderPart(doc, contentsPages(ctx, papers, plan), romanFolio);
  out.frontPages = doc.pageCount();
  plan.setFrontPages(out.frontPages, style.oddPageStarts);

  const int indexStart = doc.pageCount();
  renderPart(doc, authorIndexPages(ctx, papers, plan),
             [&](int physical) { return std::to_string(plan.indexFirst + physical - indexStart); });
  out.indexPages = doc.pageCount() - indexStart;

  const StampSetter stamps(style, words, spec.metadata, doc.fonts());
  for (size_t i = 0; i < papers.size(); ++i) out.stamps.push_back(stamps.forPaper(papers[i], plan.papers[i]));
  out.regularFont = doc.fonts()[pdf::FontStyle::Regular].objectNumber();
  out.italicFont = doc.fonts()[pdf::FontStyle::Italic].objectNumber();
  out.pdf = doc.bytes();
  return out;
}

}  // namespace confpress::volume
