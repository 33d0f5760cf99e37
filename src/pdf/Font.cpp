// Loading embedded subset fonts into a PoDoFo document and measuring UTF-8 text with them.
#include "pdf/Font.h"

#include <podofo/podofo.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace confpress::pdf {

namespace {

constexpr double kMeasureSize = 1000;  // widths are read at this size and scaled, for precision

bool complete(const FontFiles& f) {
  namespace fs = std::filesystem;
  return fs::is_regular_file(f.regular) && fs::is_regular_file(f.bold) && fs::is_regular_file(f.italic);
}

PoDoFo::PdfFont* loadSubset(PoDoFo::PdfDocument& doc, const std::string& path, bool bold, bool italic) {
  // PoDoFo falls back to some other font when it cannot open a file, so check first.
  if (!std::filesystem::is_regular_file(path)) throw std::runtime_error("font file not found: " + path);
  const std::string name = std::filesystem::path(path).stem().string();
  try {
    PoDoFo::PdfFont* font =
        doc.CreateFontSubset(name.c_str(), bold, italic, false,
                             PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(), path.c_str());
    if (font == nullptr) throw std::runtime_error("PoDoFo cannot load the font " + path);
    return font;
  } catch (const PoDoFo::PdfError& e) {
    throw std::runtime_error("cannot load the font " + path + ": " + e.what());
  }
}

}  // namespace

FontFiles FontFiles::serif() {
  const FontFiles noto{"/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
                       "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf",
                       "/usr/share/fonts/truetype/noto/NotoSerif-Italic.ttf"};
  if (complete(noto)) return noto;
  for (const char* dir :
       {"/usr/share/fonts/truetype/liberation2/", "/usr/share/fonts/truetype/liberation/"}) {
    const std::string d(dir);
    const FontFiles liberation{d + "LiberationSerif-Regular.ttf", d + "LiberationSerif-Bold.ttf",
                               d + "LiberationSerif-Italic.ttf"};
    if (complete(liberation)) return liberation;
  }
  throw std::runtime_error(
      "no serif font with Vietnamese letters found: install fonts-noto-core or fonts-liberation2");
}

double Font::advance(char32_t codePoint) const {
  if (auto it = advances_.find(codePoint); it != advances_.end()) return it->second;
  // PoDoFo 0.9.8 measures only the Basic Multilingual Plane, which holds every Vietnamese letter.
  const unsigned short unit = codePoint <= 0xFFFF ? static_cast<unsigned short>(codePoint) : 0xFFFD;
  const float previous = font_->GetFontSize();
  font_->SetFontSize(static_cast<float>(kMeasureSize));
  const double width = font_->GetFontMetrics()->UnicodeCharWidth(unit) / kMeasureSize;
  font_->SetFontSize(previous);
  advances_.emplace(codePoint, width);
  return width;
}

double Font::width(std::string_view utf8, double size) const {
  double total = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    total += advance(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return total * size;
}

PoDoFo::PdfFont* Font::at(double size) const {
  font_->SetFontSize(static_cast<float>(size));
  return font_;
}

std::string Font::encode(std::string_view utf8) const {
  const std::string copy(utf8);
  const PoDoFo::PdfString text(reinterpret_cast<const PoDoFo::pdf_utf8*>(copy.c_str()));
  if (font_->IsSubsetting())
    font_->AddUsedSubsettingGlyphs(text, static_cast<long>(text.ToUnicode().GetCharacterLength()));
  const PoDoFo::PdfRefCountedBuffer bytes = font_->GetEncoding()->ConvertToEncoding(text, font_);
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "<";
  out.reserve(bytes.GetSize() * 2 + 2);
  for (size_t i = 0; i < bytes.GetSize(); ++i) {
    const auto b = static_cast<unsigned char>(bytes.GetBuffer()[i]);
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out + ">";
}

unsigned Font::objectNumber() const {
  return font_->GetObject()->Reference().ObjectNumber();
}

FontSet::FontSet(PoDoFo::PdfDocument& doc, const FontFiles& files)
    : regular_(loadSubset(doc, files.regular, false, false)),
      bold_(loadSubset(doc, files.bold, true, false)),
      italic_(loadSubset(doc, files.italic, false, true)) {}

const Font& FontSet::operator[](FontStyle style) const {
  switch (style) {
    case FontStyle::Bold:
      return bold_;
    case FontStyle::Italic:
      return italic_;
    case FontStyle::Regular:
      break;
  }
  return regular_;
}

Font loadStandardFont(PoDoFo::PdfDocument& doc, const std::string& name) {
  // Any other name would make PoDoFo look the font up on the system and maybe embed it.
  static const char* const kStandard14[] = {
      "Courier",     "Courier-Bold",   "Courier-Oblique",   "Courier-BoldOblique",
      "Helvetica",   "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
      "Times-Roman", "Times-Bold",     "Times-Italic",      "Times-BoldItalic",
      "Symbol",      "ZapfDingbats"};
  if (std::find(std::begin(kStandard14), std::end(kStandard14), name) == std::end(kStandard14))
    throw std::invalid_argument("not one of the 14 standard PDF fonts: " + name);
  PoDoFo::PdfFont* font = doc.CreateFont(name.c_str(), false, false, false,
                                         PoDoFo::PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
                                         PoDoFo::PdfFontCache::eFontCreationFlags_AutoSelectBase14, false);
  if (font == nullptr) throw std::runtime_error("PoDoFo has no standard font named " + name);
  Font result(font);
  result.embedded_ = false;
  return result;
}

}  // namespace confpress::pdf
