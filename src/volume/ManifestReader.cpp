// volume.xml → VolumeSpec, with file:line in every error.
#include "volume/ManifestReader.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "auth/Identity.h"
#include "core/Errors.h"
#include "text/Unicode.h"
#include "volume/Isbn.h"
#include "volume/XmlFile.h"
#include "volume/XmlNodes.h"

namespace confpress::volume {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& code, const std::string& message) {
  throw ValidationError("manifest", code, where + ": " + message);
}

class Reader {
 public:
  Reader(std::string path) : path_(std::move(path)), base_(fs::path(path_).parent_path()) {}

  VolumeSpec read(const xmlNode* root) {
    VolumeSpec spec;
    readMetadata(xml::child(root, "metadata"), spec.metadata);
    if (const xmlNode* front = xml::child(root, "front-matter")) readFront(front, spec.front);
    for (const xmlNode* s : xml::children(root, "section")) {
      Section section{xml::attribute(s, "title"), {}};
      for (const xmlNode* p : xml::children(s, "paper")) section.papers.push_back(readPaper(p));
      spec.sections.push_back(std::move(section));
    }
    return spec;
  }

 private:
  PersonName name(const xmlNode* n) const {
    return {xml::childText(n, "family"), xml::childText(n, "given"),
            xml::attribute(n, "name-order", "family-first") == "family-first"};
  }

  void readMetadata(const xmlNode* m, VolumeMetadata& out) const {
    out.title = xml::childText(m, "title");
    out.subtitle = xml::childText(m, "subtitle");
    out.shortTitle = xml::childText(m, "short-title");
    if (xml::child(m, "language")) out.language = xml::childText(m, "language");
    for (const xmlNode* e : xml::children(xml::child(m, "editors"), "editor")) out.editors.push_back(name(e));
    out.publisher = xml::childText(m, "publisher");
    out.city = xml::childText(m, "city");
    out.year = std::stoi(xml::childText(m, "year"));
    if (const xmlNode* isbn = xml::child(m, "isbn")) {
      out.isbn = xml::text(isbn);
      if (!isValidIsbn(out.isbn))
        fail(xml::where(path_, isbn), "bad_isbn",
             "the ISBN " + out.isbn + " is not a valid ISBN-10 or ISBN-13 (wrong check digit or length)");
    }
    out.issn = xml::childText(m, "issn");
    out.doiPrefix = xml::childText(m, "doi-prefix");
    out.doiSuffix = xml::childText(m, "doi-suffix");
    out.url = xml::childText(m, "url");
    while (!out.url.empty() && out.url.back() == '/') out.url.pop_back();
    out.licence = xml::childText(m, "licence");
    out.copyright = xml::childText(m, "copyright");
    if (const xmlNode* c = xml::child(m, "conference")) {
      out.conferenceName = xml::childText(c, "name");
      out.conferenceAcronym = xml::childText(c, "acronym");
      out.conferenceLocation = xml::childText(c, "location");
      out.conferenceDate = xml::childText(c, "date");
    }
    if (const xmlNode* d = xml::child(m, "depositor")) {
      out.depositorName = xml::attribute(d, "name");
      out.depositorEmail = xml::attribute(d, "email");
    }
  }

  void readFront(const xmlNode* f, FrontMatter& out) const {
    if (const xmlNode* preface = xml::child(f, "preface")) {
      out.prefaceTitle = xml::attribute(preface, "title");
      const std::string src = xml::attribute(preface, "src");
      out.prefaceMarkdown = src.empty() ? xml::rawText(preface) : readText(src, preface);
    }
    for (const xmlNode* c : xml::children(f, "committee")) {
      Committee committee{xml::attribute(c, "title"), {}};
      for (const xmlNode* m : xml::children(c, "member"))
        committee.members.push_back({name(m), xml::childText(m, "affiliation"), xml::attribute(m, "role")});
      out.committees.push_back(std::move(committee));
    }
  }

  std::string readText(const std::string& relative, const xmlNode* node) const {
    const fs::path file = base_ / relative;
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(xml::where(path_, node), "file_missing", "cannot read " + file.string());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    try {
      return text::cleanText(bytes.str(), relative);
    } catch (const std::exception& e) {
      fail(xml::where(path_, node), "bad_text", file.string() + ": " + e.what());
    }
  }

  Paper readPaper(const xmlNode* p) {
    Paper paper;
    paper.origin = xml::where(path_, p);
    paper.title = xml::childText(p, "title");
    for (const xmlNode* a : xml::children(p, "author")) {
      std::optional<std::string> orcid;
      try {
        orcid = auth::normaliseOrcid(xml::attribute(a, "orcid"));
      } catch (const std::exception& e) {
        fail(xml::where(path_, a), "bad_orcid", "the ORCID iD " + xml::attribute(a, "orcid") + " is invalid");
      }
      paper.authors.push_back({name(a), xml::childText(a, "affiliation"), orcid.value_or("")});
    }
    paper.doiSuffix = xml::attribute(p, "doi-suffix");
    const fs::path pdf = xml::attribute(p, "pdf");
    paper.pdfPath = (pdf.is_absolute() ? pdf : base_ / pdf).lexically_normal().string();
    paper.slug = xml::attribute(p, "slug");
    if (paper.slug.empty()) paper.slug = slugOf(paper.title);
    checkUnique(byPdf_, paper.pdfPath, paper.origin, "the PDF " + paper.pdfPath);
    checkUnique(byTitle_, text::foldForMatch(paper.title), paper.origin, "the title \"" + paper.title + "\"");
    return paper;
  }

  static void checkUnique(std::map<std::string, std::string>& seen, const std::string& key,
                          const std::string& origin, const std::string& what) {
    const auto [it, fresh] = seen.emplace(key, origin);
    if (!fresh)
      fail(origin, "duplicate_paper", "duplicate paper: " + what + " is already listed at " + it->second);
  }

  std::string path_;
  fs::path base_;
  std::map<std::string, std::string> byPdf_, byTitle_;
};

}  // namespace

std::string slugOf(const std::string& title) {
  const std::string folded = text::foldForMatch(title);
  std::string slug;
  bool gap = false;
  for (char c : folded) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum) {
      gap = !slug.empty();
      continue;
    }
    if (gap) {
      if (slug.size() >= 60) break;
      slug += '-';
    }
    gap = false;
    slug += c;
  }
  return slug.empty() ? "paper" : slug;
}

VolumeSpec readManifest(const std::string& path, const std::string& xsdPath) {
  const XmlDocument doc(path);
  XmlSchema(xsdPath).validate(doc);
  return Reader(path).read(xmlDocGetRootElement(doc.get()));
}

}  // namespace confpress::volume
