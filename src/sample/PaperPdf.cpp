// Typesets a sample paper with src/pdf/ and reaches the page count by adding pool paragraphs; reads
// papers.json.
#include "sample/PaperPdf.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "pdf/Document.h"
#include "pdf/Figures.h"
#include "pdf/Flow.h"
#include "text/Unicode.h"

namespace confpress::sample {

namespace {

using pdf::Align;
using pdf::FlowItem;
using pdf::FontStyle;
using pdf::ParagraphStyle;
using LinesPtr = std::shared_ptr<const std::vector<pdf::Line>>;

constexpr int kMaxPages = 40;
constexpr size_t kMaxFillers = 600;

struct Styles {
  ParagraphStyle venue, title, names, affiliation, emails, abstract, heading, body, reference;
};

Styles paperStyles() {
  Styles s;
  s.venue = {FontStyle::Italic, 9, 11, Align::Center, 0, 0, 0, 0, false, false};
  s.title = {FontStyle::Bold, 16, 20, Align::Center, 0, 20, 20, 14, false, true};
  s.names = {FontStyle::Bold, 11, 14, Align::Center, 0, 0, 0, 10, false, false};
  s.affiliation = {FontStyle::Italic, 10, 13, Align::Center, 0, 0, 0, 0, false, false};
  s.emails = {FontStyle::Regular, 9, 12, Align::Center, 0, 0, 0, 0, false, false};
  s.abstract = {FontStyle::Regular, 10.5, 14, Align::Justify, 0, 20, 20, 16, false, false};
  s.heading = {FontStyle::Bold, 12.5, 16, Align::Left, 0, 0, 0, 14, true, true};
  s.body = {FontStyle::Regular, 12, 17, Align::Justify, pdf::mm(10), 0, 0, 3, false, false};
  s.reference = {FontStyle::Regular, 10, 13, Align::Justify, -20, 20, 0, 2, false, false};
  return s;
}

// splitmix64: the same sequence on every platform, unlike the std distributions.
class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
  }

 private:
  uint64_t state_;
};

// For each fill kind, the pool paragraphs in the order a paper uses them: its own topics first, then
// the others, each group shuffled by the seed. A kind with no paragraphs of its own borrows all.
std::map<std::string, std::vector<size_t>> poolQueues(const std::vector<PoolParagraph>& pool,
                                                      const std::vector<std::string>& topics,
                                                      SeededRandom& random) {
  std::map<std::string, std::vector<size_t>> preferred, others;
  for (size_t i = 0; i < pool.size(); ++i) {
    const bool mine =
        pool[i].topic.empty() || std::find(topics.begin(), topics.end(), pool[i].topic) != topics.end();
    (mine ? preferred : others)[""].push_back(i);
    if (!pool[i].fill.empty()) (mine ? preferred : others)[pool[i].fill].push_back(i);
  }
  std::map<std::string, std::vector<size_t>> queues;
  for (auto* group : {&preferred, &others})
    for (auto& [kind, indices] : *group) {
      random.shuffle(indices);
      queues[kind].insert(queues[kind].end(), indices.begin(), indices.end());
    }
  return queues;
}

// "a, b, c" with no line break inside a, b or c (names, e-mail addresses).
std::vector<pdf::TextRun> keptApart(const std::vector<std::string>& parts, FontStyle style) {
  std::vector<pdf::TextRun> runs;
  for (const std::string& p : parts) {
    if (!runs.empty()) runs.push_back({", ", style});
    runs.push_back({p, style, true});
  }
  return runs;
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

// The paper's parts, measured once; flow() assembles them with n pool paragraphs added and the last
// `dropped` own paragraphs left out, so the page count can be searched without measuring again.
class PaperLayout {
 public:
  PaperLayout(const PaperContent& paper, const PaperPdfOptions& options, pdf::Document& doc,
              const pdf::LineBreaker& breaker)
      : paper_(paper), doc_(doc), breaker_(breaker), content_(doc.geometry().content()) {
    buildFrontMatter(options.anonymous);
    for (size_t s = 0; s < paper.sections.size(); ++s) {
      const PaperSection& section = paper.sections[s];
      headings_.push_back(
          lines({{std::to_string(s + 1) + ". " + section.heading, FontStyle::Bold}}, styles_.heading));
      std::vector<LinesPtr> own;
      for (const std::string& p : section.paragraphs) own.push_back(lines({{p}}, styles_.body));
      for (size_t k = section.paragraphs.size(); k-- > 1;) droppable_.push_back({s, k});
      ownParagraphs_.push_back(std::move(own));
    }
    std::sort(droppable_.begin(), droppable_.end(), std::greater<>());
    buildFigures();
    buildFillPlan(options);
    referencesHeading_ = lines({{"Tài liệu tham khảo", FontStyle::Bold}}, styles_.heading);
    for (size_t r = 0; r < paper.references.size(); ++r)
      references_.push_back(
          lines({{"[" + std::to_string(r + 1) + "] " + paper.references[r]}}, styles_.reference));
  }

  size_t maxFillers() const { return fillPlan_.size(); }
  size_t maxDropped() const { return droppable_.size(); }

  std::vector<FlowItem> flow(size_t fillers, size_t dropped) const {
    std::vector<FlowItem> items = frontMatter_;
    std::vector<std::vector<size_t>> added(paper_.sections.size());
    for (size_t k = 0; k < fillers && k < fillPlan_.size(); ++k)
      added[fillPlan_[k].first].push_back(fillPlan_[k].second);
    const std::vector<std::pair<size_t, size_t>> skip(droppable_.begin(),
                                                      droppable_.begin() + static_cast<long>(dropped));
    for (size_t s = 0; s < paper_.sections.size(); ++s) {
      append(items, headings_[s], styles_.heading, std::to_string(s + 1) + ". " + paper_.sections[s].heading);
      for (size_t k = 0; k < ownParagraphs_[s].size(); ++k)
        if (std::find(skip.begin(), skip.end(), std::make_pair(s, k)) == skip.end())
          append(items, ownParagraphs_[s][k], styles_.body);
      for (const auto& [after, figure] : figures_)
        if (after == s) items.push_back(figure);
      for (size_t p : added[s]) append(items, poolLines(p), styles_.body);
    }
    if (!references_.empty()) {
      append(items, referencesHeading_, styles_.heading, "Tài liệu tham khảo");
      for (const LinesPtr& r : references_) append(items, r, styles_.reference);
    }
    return items;
  }

 private:
  LinesPtr lines(const std::vector<pdf::TextRun>& runs, const ParagraphStyle& style) const {
    return pdf::breakParagraph(runs, style, breaker_, content_.width);
  }

  void append(std::vector<FlowItem>& items, const LinesPtr& l, const ParagraphStyle& style,
              const std::string& outline = {}) const {
    pdf::appendLines(items, l, style, doc_.fonts(), content_.x, content_.width, outline);
  }

  LinesPtr poolLines(size_t index) const {
    auto it = poolCache_.find(index);
    if (it == poolCache_.end())
      it = poolCache_.emplace(index, lines({{(*pool_)[index].text}}, styles_.body)).first;
    return it->second;
  }

  void buildFrontMatter(bool anonymous) {
    if (!paper_.venue.empty())
      append(frontMatter_, lines({{paper_.venue, FontStyle::Italic}}, styles_.venue), styles_.venue);
    append(frontMatter_, lines({{paper_.title, FontStyle::Bold}}, styles_.title), styles_.title,
           paper_.title);
    if (!anonymous) {
      // One block per affiliation, in the order the authors are listed.
      std::vector<std::string> affiliations;
      for (const PaperAuthor& a : paper_.authors)
        if (std::find(affiliations.begin(), affiliations.end(), a.affiliation) == affiliations.end())
          affiliations.push_back(a.affiliation);
      for (const std::string& affiliation : affiliations) {
        std::vector<std::string> names, emails;
        for (const PaperAuthor& a : paper_.authors)
          if (a.affiliation == affiliation) {
            names.push_back(a.name);
            if (!a.email.empty()) emails.push_back(a.email);
          }
        append(frontMatter_, lines(keptApart(names, FontStyle::Bold), styles_.names), styles_.names);
        if (!affiliation.empty())
          append(frontMatter_, lines({{affiliation, FontStyle::Italic}}, styles_.affiliation),
                 styles_.affiliation);
        if (!emails.empty())
          append(frontMatter_, lines(keptApart(emails, FontStyle::Regular), styles_.emails), styles_.emails);
      }
    }
    if (!paper_.abstract.empty())
      append(frontMatter_, lines({{"Tóm tắt: ", FontStyle::Bold}, {paper_.abstract}}, styles_.abstract),
             styles_.abstract);
    if (!paper_.keywords.empty()) {
      ParagraphStyle keywords = styles_.abstract;
      keywords.spaceBefore = 5;
      append(frontMatter_,
             lines({{"Từ khóa: ", FontStyle::Bold}, {joined(paper_.keywords, "; "), FontStyle::Italic}},
                   keywords),
             keywords);
    }
  }

  void buildFigures() {
    int number = 0;
    for (const PaperFigure& f : paper_.figures) {
      const std::vector<pdf::TextRun> caption{{"Hình " + std::to_string(++number) + ". ", FontStyle::Bold},
                                              {f.caption, FontStyle::Italic}};
      FlowItem item = f.kind == PaperFigure::Kind::BarChart
                          ? pdf::barChartFigure({f.labels, f.values, f.unit, f.decimals, f.axisMax}, caption,
                                                doc_.fonts(), breaker_, content_.x, content_.width)
                          : pdf::boxDiagramFigure({f.labels, f.kind == PaperFigure::Kind::Layers}, caption,
                                                  doc_.fonts(), breaker_, content_.x, content_.width);
      if (paper_.sections.empty())
        frontMatter_.push_back(std::move(item));
      else
        figures_.emplace_back(std::min(f.afterSection, paper_.sections.size() - 1), std::move(item));
    }
  }

  // The k-th added paragraph goes to the k-th fillable section in turn, within each section's limit.
  // A section takes the next paragraph of its kind that the paper has not used yet; when its kind is
  // used up, one of the kinds of the other bulk sections (limit above 1); only then does it repeat.
  void buildFillPlan(const PaperPdfOptions& options) {
    if (!options.pool || options.pool->empty()) return;
    pool_ = options.pool;
    SeededRandom random(options.seed);
    auto queues = poolQueues(*pool_, paper_.topics, random);
    std::vector<size_t> bulk;  // the paragraphs of the bulk sections' kinds, in queue order
    for (const PaperSection& section : paper_.sections)
      if (section.fillLimit > 1 && queues.count(section.fill))
        for (size_t p : queues[section.fill])
          if (std::find(bulk.begin(), bulk.end(), p) == bulk.end()) bulk.push_back(p);
    std::vector<bool> taken(pool_->size(), false);
    std::map<std::string, size_t> cycled;
    const auto next = [&](const std::string& kind) {
      const std::vector<size_t>& own = queues.count(kind) ? queues[kind] : queues[""];
      for (const std::vector<size_t>* queue : std::initializer_list<const std::vector<size_t>*>{&own, &bulk})
        for (size_t p : *queue)
          if (!taken[p]) {
            taken[p] = true;
            return p;
          }
      return own[cycled[kind]++ % own.size()];
    };
    std::vector<size_t> count(paper_.sections.size(), 0);
    for (bool progress = true; progress && fillPlan_.size() < kMaxFillers;) {
      progress = false;
      for (size_t s = 0; s < paper_.sections.size() && fillPlan_.size() < kMaxFillers; ++s) {
        const PaperSection& section = paper_.sections[s];
        if (section.fill.empty() || count[s] >= section.fillLimit) continue;
        fillPlan_.emplace_back(s, next(section.fill));
        ++count[s];
        progress = true;
      }
    }
  }

  const PaperContent& paper_;
  pdf::Document& doc_;
  const pdf::LineBreaker& breaker_;
  const pdf::Rect content_;
  const Styles styles_ = paperStyles();
  std::shared_ptr<const std::vector<PoolParagraph>> pool_;
  std::vector<FlowItem> frontMatter_;
  std::vector<LinesPtr> headings_;
  std::vector<std::vector<LinesPtr>> ownParagraphs_;
  std::vector<std::pair<size_t, size_t>> droppable_;  // (section, paragraph), the first dropped first
  std::vector<std::pair<size_t, FlowItem>> figures_;  // after which section
  std::vector<std::pair<size_t, size_t>> fillPlan_;   // (section, pool paragraph)
  LinesPtr referencesHeading_;
  std::vector<LinesPtr> references_;
  mutable std::map<size_t, LinesPtr> poolCache_;
};

struct Fit {
  std::vector<FlowItem> items;
  std::vector<pdf::PagePlan> pages;
};

// Drops own paragraphs only while the paper is too long without any pool paragraph; among the
// numbers of pool paragraphs that give exactly `target` pages, takes the one whose last page is
// nearest a fill chosen by the seed, so last pages vary from half to nearly full.
Fit fitToPages(const PaperLayout& layout, const pdf::PageGeometry& geometry, int target, uint64_t seed) {
  const double wantedFill = 0.45 + 0.5 * SeededRandom(seed ^ 0x5eedULL).unit();
  const auto pages = [&](size_t fillers, size_t dropped) {
    return static_cast<int>(pdf::paginate(layout.flow(fillers, dropped), geometry).size());
  };
  for (size_t dropped = 0; dropped <= layout.maxDropped(); ++dropped) {
    if (pages(0, dropped) > target) continue;
    // The smallest number of pool paragraphs that reaches the target (page count grows with them).
    size_t low = 0, high = layout.maxFillers();
    while (low < high) {
      const size_t mid = (low + high) / 2;
      if (pages(mid, dropped) >= target)
        high = mid;
      else
        low = mid + 1;
    }
    std::optional<Fit> best;
    double bestDistance = 2;
    for (size_t n = low; n <= layout.maxFillers(); ++n) {
      Fit fit{layout.flow(n, dropped), {}};
      fit.pages = pdf::paginate(fit.items, geometry);
      if (static_cast<int>(fit.pages.size()) != target) break;
      const double distance = std::abs(pdf::lastPageFill(fit.pages, fit.items, geometry) - wantedFill);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = std::move(fit);
      }
    }
    if (best) return std::move(*best);
    break;
  }
  throw std::invalid_argument(
      "the paper cannot be set on exactly " + std::to_string(target) +
      " pages (its own text is too long, or the pool has too little for its sections)");
}

void decorate(pdf::Document& doc, pdf::Canvas& canvas, int page, int pages, const PaperPdfOptions& options) {
  const pdf::PageGeometry& g = doc.geometry();
  if (options.defects.count(PaperDefect::FooterInBottomMargin))
    canvas.textAligned(0, g.height - pdf::mm(10), g.width,
                       "Trang " + std::to_string(page + 1) + "/" + std::to_string(pages),
                       doc.fonts()[FontStyle::Regular], 9, Align::Center);
  if (options.defects.count(PaperDefect::NonEmbeddedFont) && page == 0)
    canvas.textAligned(g.margins.left, pdf::mm(12), g.width - g.margins.left - g.margins.right,
                       "Preprint - submitted for review, please do not distribute",
                       doc.standardFont("Helvetica"), 8, Align::Right);
}

// papers.json, read with a path and a paper number in every error.
class JsonReader {
 public:
  explicit JsonReader(std::string path) : path_(std::move(path)) {}

  Poco::JSON::Object::Ptr root() const {
    std::ifstream in(path_, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path_);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    try {
      return Poco::JSON::Parser().parse(bytes.str()).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
      throw std::runtime_error(path_ + ": " + e.displayText());
    }
  }

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw std::runtime_error(path_ + ": " + where + ": " + what);
  }

  std::string line(const Poco::JSON::Object::Ptr& o, const std::string& key, const std::string& where) const {
    if (!o->has(key) || o->isNull(key)) return {};
    try {
      return text::cleanLine(o->getValue<std::string>(key), key);
    } catch (const std::exception& e) {
      fail(where, key + ": " + e.what());
    }
  }

  std::vector<std::string> lines(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                 const std::string& where) const {
    std::vector<std::string> out;
    auto array = o->getArray(key);
    try {
      for (unsigned i = 0; array && i < array->size(); ++i)
        out.push_back(text::cleanLine(array->getElement<std::string>(i), key));
    } catch (const std::exception& e) {
      fail(where, key + ": " + e.what());
    }
    return out;
  }

  std::vector<double> numbers(const Poco::JSON::Object::Ptr& o, const std::string& key) const {
    std::vector<double> out;
    auto array = o->getArray(key);
    for (unsigned i = 0; array && i < array->size(); ++i) out.push_back(array->getElement<double>(i));
    return out;
  }

 private:
  std::string path_;
};

std::shared_ptr<const std::vector<PoolParagraph>> readPool(const JsonReader& json,
                                                           const Poco::JSON::Object::Ptr& root) {
  auto pool = std::make_shared<std::vector<PoolParagraph>>();
  auto array = root->getArray("pool");
  for (unsigned i = 0; array && i < array->size(); ++i) {
    auto p = array->getObject(i);
    const std::string where = "pool[" + std::to_string(i) + "]";
    pool->push_back({json.line(p, "fill", where), json.line(p, "topic", where), json.line(p, "text", where)});
    if (pool->back().text.empty()) json.fail(where, "empty text");
  }
  return pool;
}

PaperFigure readFigure(const JsonReader& json, const Poco::JSON::Object::Ptr& f, const std::string& where) {
  PaperFigure figure;
  const std::string kind = json.line(f, "kind", where);
  if (kind == "bar")
    figure.kind = PaperFigure::Kind::BarChart;
  else if (kind == "flow")
    figure.kind = PaperFigure::Kind::Flow;
  else if (kind == "layers")
    figure.kind = PaperFigure::Kind::Layers;
  else
    json.fail(where, "figure kind must be bar, flow or layers");
  figure.caption = json.line(f, "caption", where);
  figure.labels = json.lines(f, "labels", where);
  figure.values = json.numbers(f, "values");
  figure.unit = json.line(f, "unit", where);
  figure.decimals = f->optValue<int>("decimals", 0);
  figure.axisMax = f->optValue<double>("axis_max", 0);
  figure.afterSection = f->optValue<unsigned>("after_section", 0);
  if (figure.labels.empty() ||
      (figure.kind == PaperFigure::Kind::BarChart && figure.values.size() != figure.labels.size()))
    json.fail(where, "a figure needs labels (and as many values for a bar chart)");
  return figure;
}

SampleAuthor readAuthor(const JsonReader& json, const Poco::JSON::Object::Ptr& a, const std::string& where) {
  SampleAuthor author{json.line(a, "family_name", where), json.line(a, "given_name", where),
                      json.line(a, "name_order", where) != "given_first", json.line(a, "email", where),
                      json.line(a, "affiliation", where)};
  if (a->has("country")) author.country = json.line(a, "country", where);
  if (author.familyName.empty() || author.email.empty())
    json.fail(where, "an author needs family_name and email");
  return author;
}

SamplePaper readPaper(const JsonReader& json, const Poco::JSON::Object::Ptr& p,
                      const Poco::JSON::Object::Ptr& root) {
  SamplePaper paper;
  paper.number = p->optValue<int>("number", 0);
  const std::string where = "paper " + std::to_string(paper.number);
  PaperContent& c = paper.content;
  c.venue = json.line(root, "venue", "venue");
  c.title = json.line(p, "title", where);
  c.abstract = json.line(p, "abstract", where);
  c.keywords = json.lines(p, "keywords", where);
  paper.topics = c.topics = json.lines(p, "topics", where);
  auto authors = p->getArray("authors");
  for (unsigned i = 0; authors && i < authors->size(); ++i) {
    paper.authors.push_back(
        readAuthor(json, authors->getObject(i), where + " author " + std::to_string(i + 1)));
    const SampleAuthor& a = paper.authors.back();
    c.authors.push_back({a.displayName(), a.affiliation, a.email});
  }
  auto sections = p->getArray("sections");
  for (unsigned i = 0; sections && i < sections->size(); ++i) {
    auto s = sections->getObject(i);
    c.sections.push_back({json.line(s, "heading", where), json.lines(s, "paragraphs", where),
                          json.line(s, "fill", where), s->optValue<size_t>("fill_limit", 1000)});
  }
  auto figures = p->getArray("figures");
  for (unsigned i = 0; figures && i < figures->size(); ++i)
    c.figures.push_back(readFigure(json, figures->getObject(i), where + " figure " + std::to_string(i + 1)));
  auto shared = root->getObject("references");
  for (const std::string& r : json.lines(p, "references", where))
    c.references.push_back(shared && shared->has(r) ? json.line(shared, r, "references") : r);
  paper.withdrawn = p->optValue<bool>("withdrawn", false);
  paper.withdrawalReason = json.line(p, "withdrawal_reason", where);
  for (const std::string& d : json.lines(p, "defects", where)) try {
      paper.defects.insert(parseDefect(d));
    } catch (const std::invalid_argument& e) {
      json.fail(where, e.what());
    }
  paper.targetPages = p->optValue<int>("pages", 8);
  if (paper.number <= 0 || c.title.empty() || paper.authors.empty() || c.sections.empty())
    json.fail(where, "a paper needs a positive number, a title, authors and sections");
  if (paper.targetPages < 1 || paper.targetPages > kMaxPages) json.fail(where, "pages out of range");
  if (paper.withdrawn && paper.withdrawalReason.empty())
    json.fail(where, "a withdrawn paper needs a withdrawal_reason");
  return paper;
}

}  // namespace

std::string defectName(PaperDefect defect) {
  switch (defect) {
    case PaperDefect::FooterInBottomMargin:
      return "footer_in_margin";
    case PaperDefect::NonEmbeddedFont:
      return "non_embedded_font";
    case PaperDefect::LetterPaper:
      return "letter_paper";
  }
  return "unknown";
}

PaperDefect parseDefect(const std::string& name) {
  for (PaperDefect d :
       {PaperDefect::FooterInBottomMargin, PaperDefect::NonEmbeddedFont, PaperDefect::LetterPaper})
    if (defectName(d) == name) return d;
  throw std::invalid_argument("unknown defect \"" + name +
                              "\" (expected footer_in_margin, non_embedded_font or letter_paper)");
}

std::string renderPaperPdf(const PaperContent& paper, const PaperPdfOptions& options) {
  if (options.targetPages < 1 || options.targetPages > kMaxPages)
    throw std::invalid_argument("targetPages must be between 1 and " + std::to_string(kMaxPages));
  if (paper.title.empty()) throw std::invalid_argument("a paper needs a title");
  const pdf::PaperSize size =
      options.defects.count(PaperDefect::LetterPaper) ? pdf::PaperSize::Letter : options.paperSize;
  pdf::Document doc(pdf::PageGeometry::forPaper(size), pdf::FontFiles::serif());
  const pdf::LineBreaker breaker(doc.fonts(), "vi");
  const PaperLayout layout(paper, options, doc, breaker);
  const Fit fit = fitToPages(layout, doc.geometry(), options.targetPages, options.seed);
  pdf::render(doc, fit.items, fit.pages,
              [&](pdf::Canvas& canvas, int page, int pages) { decorate(doc, canvas, page, pages, options); });

  pdf::DocumentInfo info;
  info.title = paper.title;
  info.subject = paper.venue;
  info.keywords = joined(paper.keywords, ", ");
  info.creator = "ConfPress sample paper generator";
  if (!options.anonymous) {
    std::vector<std::string> names;
    for (const PaperAuthor& a : paper.authors) names.push_back(a.name);
    info.author = joined(names, ", ");
  }
  doc.setInfo(info);
  return doc.bytes();
}

std::string SampleAuthor::displayName() const {
  if (givenName.empty()) return familyName;
  return familyFirst ? familyName + " " + givenName : givenName + " " + familyName;
}

PaperPdfOptions SamplePaper::options() const {
  PaperPdfOptions o;
  o.seed = static_cast<uint64_t>(number);
  o.targetPages = targetPages;
  o.defects = defects;
  o.pool = pool;
  return o;
}

std::vector<SamplePaper> readSamplePapers(const std::string& papersJsonPath) {
  const JsonReader json(papersJsonPath);
  const Poco::JSON::Object::Ptr root = json.root();
  auto pool = readPool(json, root);
  std::vector<SamplePaper> papers;
  auto array = root->getArray("papers");
  if (!array || array->size() == 0) json.fail("papers", "no papers");
  for (unsigned i = 0; i < array->size(); ++i) {
    papers.push_back(readPaper(json, array->getObject(i), root));
    papers.back().pool = pool;
    for (size_t k = 0; k + 1 < papers.size(); ++k)
      if (papers[k].number == papers.back().number)
        json.fail("paper " + std::to_string(papers.back().number), "the number is used twice");
  }
  return papers;
}

}  // namespace confpress::sample
