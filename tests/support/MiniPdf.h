#pragma once
// Tiny, valid PDFs written by hand for tests that need many distinct files fast: N pages of a given size,
// each with a few lines of ASCII text in Helvetica (not embedded) at chosen heights. The cross-reference
// table is computed, so qpdf and poppler read them without repair.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace cptest {

struct MiniPdfOptions {
  int pages = 1;
  double width = 595.28, height = 841.89;  // A4 in points
  std::vector<std::string> lines = {"A test paper about digital government in Binh Duong province.",
                                    "It has enough words on each page for text extraction to find them,",
                                    "and nothing in the bottom margin that is kept for page numbers."};
  double firstLineY = 760;   // from the bottom, in points
  std::string footer{};      // when set, written at y = 20 (inside the bottom 15 mm)
  std::string infoAuthor{};  // /Author in the document information
  size_t padBytes = 0;       // adds an (undrawn) image of about this many bytes to page 1, for big files
  unsigned padSeed = 1;      // varies the image bytes, so that padded files differ
};

inline std::string miniPdf(const MiniPdfOptions& o) {
  std::vector<std::string> objects;  // object i+1
  const int pages = o.pages;
  // 1 catalog, 2 pages, 3 font, 4 info, then per page: page object, content stream.
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back("<< /Producer (confpress tests) /Author (" + o.infoAuthor + ") >>");
  char box[128];
  std::snprintf(box, sizeof box, "[0 0 %.2f %.2f]", o.width, o.height);
  const int imageObject = 5 + 2 * pages;  // after the catalog, pages, font, info and the page pairs
  for (int i = 0; i < pages; ++i) {
    std::string content = "BT /F1 11 Tf 72 " + std::to_string(static_cast<int>(o.firstLineY)) + " Td 14 TL\n";
    for (const auto& line : o.lines) content += "(" + line + ") Tj T*\n";
    content += "(Page " + std::to_string(i + 1) + " of the paper.) Tj ET\n";
    if (!o.footer.empty()) content += "BT /F1 9 Tf 72 20 Td (" + o.footer + ") Tj ET\n";
    const std::string image =
        i == 0 && o.padBytes > 0 ? " /XObject << /Im1 " + std::to_string(imageObject) + " 0 R >>" : "";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox " + std::string(box) +
                      " /Resources << /Font << /F1 3 0 R >>" + image + " >> /Contents " +
                      std::to_string(6 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
  }
  if (o.padBytes > 0) {
    const size_t side = static_cast<size_t>(std::sqrt(static_cast<double>(o.padBytes) / 3)) + 1;
    std::string pixels(side * side * 3, '\0');
    unsigned state = o.padSeed * 2654435761u + 1;
    for (char& c : pixels) {
      state = state * 1664525u + 1013904223u;
      c = static_cast<char>(state >> 24);
    }
    objects.push_back("<< /Type /XObject /Subtype /Image /Width " + std::to_string(side) + " /Height " +
                      std::to_string(side) + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length " +
                      std::to_string(pixels.size()) + " >>\nstream\n" + pixels + "\nendstream");
  }
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R /Info 4 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace cptest
