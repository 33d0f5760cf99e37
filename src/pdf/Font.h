#pragma once
// Fonts for the typesetting layer: finding a serif family with every Vietnamese letter (Noto Serif,
// else Liberation Serif), loading it into a PoDoFo document as embedded, subset CID TrueType fonts with
// Identity-H encoding and a ToUnicode map (so every glyph is extractable as the text it shows), and
// measuring text. A Font belongs to one document and is not safe to share between threads.
#include <string>
#include <string_view>
#include <unordered_map>

namespace PoDoFo {
class PdfDocument;
class PdfFont;
}  // namespace PoDoFo

namespace confpress::pdf {

enum class FontStyle { Regular, Bold, Italic };

/// Paths of the TrueType files of one family.
struct FontFiles {
  std::string regular;
  std::string bold;
  std::string italic;

  /// Noto Serif from /usr/share/fonts/truetype/noto (Debian fonts-noto-core), else Liberation Serif
  /// (fonts-liberation2 or fonts-liberation). Throws std::runtime_error naming both packages when
  /// neither family is complete.
  static FontFiles serif();
};

/// A font of one document with the advance widths it has measured so far. The PdfFont is owned by the
/// document; the Font must not outlive it.
class Font {
 public:
  explicit Font(PoDoFo::PdfFont* font) : font_(font) {}

  /// Advance width of valid UTF-8 text at `size` points, without kerning.
  double width(std::string_view utf8, double size) const;
  /// False for the standard-14 fonts that readers substitute (the "non-embedded font" defect).
  bool embedded() const { return embedded_; }

  /// The PoDoFo font, with its size set to `size` for the next drawing call.
  PoDoFo::PdfFont* at(double size) const;

  /// The hexadecimal PDF string ("<0041…>") that shows valid UTF-8 `utf8` with this font in a content
  /// stream written by someone else (stamps set with qpdf), its glyphs marked for the embedded subset as
  /// if the text were drawn. Call before the document is written.
  std::string encode(std::string_view utf8) const;
  /// Object number of the font dictionary in the written file, so another tool can refer to it.
  unsigned objectNumber() const;

 private:
  friend Font loadStandardFont(PoDoFo::PdfDocument& doc, const std::string& name);
  double advance(char32_t codePoint) const;

  PoDoFo::PdfFont* font_;
  bool embedded_ = true;
  mutable std::unordered_map<char32_t, double> advances_;  // per point of font size
};

/// The three styles of one family loaded into one document.
class FontSet {
 public:
  /// Loads `files` into `doc` as subset, embedded Identity-H fonts. Throws std::runtime_error naming the
  /// file that is missing or that FreeType cannot read.
  FontSet(PoDoFo::PdfDocument& doc, const FontFiles& files);

  const Font& operator[](FontStyle style) const;

 private:
  Font regular_, bold_, italic_;
};

/// One of PoDoFo's standard-14 fonts ("Helvetica", "Times-Roman", …), WinAnsi-encoded and not embedded:
/// readers substitute it, and it shows only Latin-1 text. Only for provoking preflight warnings.
/// Throws std::invalid_argument for any other name.
Font loadStandardFont(PoDoFo::PdfDocument& doc, const std::string& name);

}  // namespace confpress::pdf
