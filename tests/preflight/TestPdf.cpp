// Builds the test PDFs described in TestPdf.h with PoDoFo, and encrypts them with qpdf.
#include "preflight/TestPdf.h"

#include <podofo/podofo.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <fstream>
#include <memory>
#include <stdexcept>

namespace cptest {

namespace {

constexpr const char* kNotoSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";

PoDoFo::PdfString unicode(const std::string& utf8) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(utf8.c_str()));
}

void setBox(PoDoFo::PdfPage& page, const char* key, const PdfBox& box) {
  PoDoFo::PdfVariant value;
  PoDoFo::PdfRect(box.left, box.bottom, box.right - box.left, box.top - box.bottom).ToVariant(value);
  page.GetObject()->GetDictionary().AddKey(key, value);
}

void drawPage(PoDoFo::PdfMemDocument& doc, const TestPage& spec, PoDoFo::PdfFont* serif,
              PoDoFo::PdfFont*& helvetica) {
  PoDoFo::PdfPage* page = doc.CreatePage(PoDoFo::PdfRect(0, 0, spec.width, spec.height));
  if (spec.rotate != 0)
    page->GetObject()->GetDictionary().AddKey("Rotate", PoDoFo::PdfVariant(PoDoFo::pdf_int64(spec.rotate)));
  if (spec.cropBox) setBox(*page, "CropBox", *spec.cropBox);
  PoDoFo::PdfPainter painter;
  painter.SetPage(page);
  for (const TextRun& run : spec.runs) {
    PoDoFo::PdfFont* font = serif;
    if (run.standardFont) {
      if (!helvetica)
        helvetica = doc.CreateFont("Helvetica", false, false, false,
                                   PoDoFo::PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
                                   PoDoFo::PdfFontCache::eFontCreationFlags_AutoSelectBase14, false);
      font = helvetica;
    }
    font->SetFontSize(static_cast<float>(run.size));
    painter.SetFont(font);
    painter.DrawText(run.x, run.baseline, unicode(run.text));
  }
  painter.FinishPage();
}

std::string encrypt(const std::string& pdf, const TestPdfOptions& options) {
  QPDF in;
  in.processMemoryFile("test.pdf", pdf.data(), pdf.size());
  QPDFWriter writer(in);
  writer.setOutputMemory();
  const std::string owner =
      options.ownerPassword.empty() ? options.userPassword + "-owner" : options.ownerPassword;
  writer.setR6EncryptionParameters(options.userPassword.c_str(), owner.c_str(), true, false, true, true, true,
                                   false, qpdf_r3p_full, true);
  writer.write();
  std::unique_ptr<Buffer> buffer(writer.getBuffer());
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

std::string makePdf(const std::vector<TestPage>& pages, const TestPdfOptions& options) {
  std::string bytes;
  try {
    PoDoFo::PdfMemDocument doc;
    PoDoFo::PdfFont* serif =
        doc.CreateFontSubset("Noto Serif", false, false, false,
                             PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(), kNotoSerif);
    if (!serif) throw std::runtime_error(std::string("cannot load ") + kNotoSerif);
    PoDoFo::PdfFont* helvetica = nullptr;
    for (const TestPage& page : pages) drawPage(doc, page, serif, helvetica);
    PoDoFo::PdfInfo* info = doc.GetInfo();
    if (!options.title.empty()) info->SetTitle(unicode(options.title));
    if (!options.author.empty()) info->SetAuthor(unicode(options.author));
    if (!options.subject.empty()) info->SetSubject(unicode(options.subject));
    if (!options.keywords.empty()) info->SetKeywords(unicode(options.keywords));
    PoDoFo::PdfRefCountedBuffer buffer;
    PoDoFo::PdfOutputDevice device(&buffer);
    doc.Write(&device);
    bytes.assign(buffer.GetBuffer(), device.GetLength());
  } catch (const PoDoFo::PdfError& e) {
    throw std::runtime_error(std::string("PoDoFo: ") + e.what());
  }
  if (!options.userPassword.empty() || !options.ownerPassword.empty()) return encrypt(bytes, options);
  return bytes;
}

TestPage textPage(int number, const std::vector<TextRun>& extra) {
  static const char* const kLines[] = {
      "Chuyển đổi số trong quản lý hành chính công là một quá trình lâu dài và phức tạp,",
      "đòi hỏi sự phối hợp chặt chẽ giữa các cơ quan nhà nước, doanh nghiệp và người dân.",
      "Nghiên cứu này khảo sát mức độ sẵn sàng của các đơn vị cấp xã tại tỉnh Bình Dương",
      "và đề xuất một khung đánh giá gồm năm nhóm tiêu chí: hạ tầng, dữ liệu, nhân lực,",
      "quy trình nghiệp vụ và sự hài lòng của người dân đối với dịch vụ công trực tuyến.",
  };
  TestPage page;
  double baseline = kA4Height - 25 * kPointsPerMm;
  page.runs.push_back({72, baseline, "Trang " + std::to_string(number) + " của bài báo thử nghiệm", 13});
  for (int line = 0; baseline > 55 * kPointsPerMm + 14; ++line) {
    baseline -= 14;
    page.runs.push_back({72, baseline, kLines[line % 5], 10.5});
  }
  page.runs.insert(page.runs.end(), extra.begin(), extra.end());
  return page;
}

std::vector<TestPage> textPages(int count) {
  std::vector<TestPage> pages;
  for (int i = 1; i <= count; ++i) pages.push_back(textPage(i));
  return pages;
}

void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace cptest
