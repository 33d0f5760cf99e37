// Reading a volume manifest: the shipped sample, ISBN and ORCID checks, schema errors and semantic errors
// with their line, slugs, and the arabic numbering of papers with odd starts.
#include <gtest/gtest.h>

#include <fstream>

#include "core/Errors.h"
#include "support/TempDir.h"
#include "volume/Isbn.h"
#include "volume/ManifestReader.h"
#include "volume/VolumePlan.h"
#include "volume/VolumeStyle.h"

using namespace confpress::volume;

namespace {

const std::string kTemplates = std::string(CONFPRESS_SOURCE_DIR) + "/templates/volume/";

std::string manifest(const std::string& metadataExtra, const std::string& papers) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                   // 1
         "<volume>\n"                                                     // 2
         "  <metadata>\n"                                                 // 3
         "    <title>Kỷ yếu</title>\n"                                    // 4
         "    <short-title>KY</short-title>\n"                            // 5
         "    <editors><editor><family>Đỗ</family></editor></editors>\n"  // 6
         "    <publisher>NXB</publisher>\n"                               // 7
         "    <city>Huế</city>\n"                                         // 8
         "    <year>2024</year>\n" +                                      // 9
         metadataExtra +                                                  // 10…
         "  </metadata>\n"
         "  <section title=\"Một\">\n" +
         papers + "  </section>\n</volume>\n";
}

const std::string kPaper =
    "    <paper pdf=\"a.pdf\"><title>Bài A</title><author><family>Lê</family></author></paper>\n";

std::string errorOf(const std::string& text) {
  cptest::TempDir dir;
  std::ofstream(dir.file("volume.xml")) << text;
  try {
    readManifest(dir.file("volume.xml"), kTemplates + "manifest.xsd");
  } catch (const confpress::ValidationError& e) {
    const std::string message = e.what();
    return message.substr(message.find("volume.xml"));
  }
  return "no error";
}

}  // namespace

TEST(Isbn, ChecksTheCheckDigit) {
  EXPECT_TRUE(isValidIsbn("978-3-16-148410-0"));
  EXPECT_TRUE(isValidIsbn("9786047399994"));
  EXPECT_TRUE(isValidIsbn("0-306-40615-2"));
  EXPECT_TRUE(isValidIsbn("0-8044-2957-X"));
  EXPECT_FALSE(isValidIsbn("978-3-16-148410-1"));
  EXPECT_FALSE(isValidIsbn("0-306-40615-3"));
  EXPECT_FALSE(isValidIsbn("978-3-16-148410"));
  EXPECT_FALSE(isValidIsbn("97X-3-16-148410-0"));
}

TEST(Manifest, ReadsTheShippedSample) {
  const VolumeSpec spec = readManifest(std::string(CONFPRESS_SOURCE_DIR) + "/samples/manifest/volume.xml",
                                       kTemplates + "manifest.xsd");
  EXPECT_EQ(spec.paperCount(), 31u);
  EXPECT_EQ(spec.sections.size(), 7u);
  EXPECT_EQ(spec.metadata.isbn, "978-604-73-9999-4");
  EXPECT_EQ(spec.metadata.editors.size(), 2u);
  EXPECT_EQ(spec.metadata.editors[0].display(), "Nguyễn Thanh Tùng");
  EXPECT_NE(spec.front.prefaceMarkdown.find("Chuyển đổi số"), std::string::npos);
  EXPECT_EQ(spec.front.committees.size(), 2u);
  const Paper& first = spec.sections[0].papers[0];
  EXPECT_EQ(first.slug.substr(0, 24), "xay-dung-chinh-quyen-so-");
  EXPECT_NE(first.origin.find("volume.xml:"), std::string::npos);
  EXPECT_TRUE(first.pdfPath.ends_with("samples/manifest/papers/01.pdf"));
}

TEST(Manifest, UnknownFieldIsAnErrorWithItsLine) {
  const std::string message = errorOf(manifest("    <colour>red</colour>\n", kPaper));
  EXPECT_EQ(message.substr(0, 14), "volume.xml:10:") << message;
  EXPECT_NE(message.find("colour"), std::string::npos) << message;
}

TEST(Manifest, MalformedXmlIsAnErrorWithItsLine) {
  const std::string message = errorOf(manifest("    <isbn>978-3-16-148410-0</isb>\n", kPaper));
  EXPECT_EQ(message.substr(0, 14), "volume.xml:10:") << message;
}

TEST(Manifest, BadIsbnIsAnErrorWithItsLine) {
  const std::string message = errorOf(manifest("    <isbn>978-3-16-148410-9</isbn>\n", kPaper));
  EXPECT_EQ(message.substr(0, 14), "volume.xml:10:") << message;
  EXPECT_NE(message.find("ISBN 978-3-16-148410-9"), std::string::npos) << message;
}

TEST(Manifest, DuplicatePaperIsAnErrorWithBothLines) {
  const std::string other =
      "    <paper pdf=\"b.pdf\"><title>Bài  a</title><author><family>Lê</family></author></paper>\n";
  std::string message = errorOf(manifest("", kPaper + other));
  EXPECT_EQ(message.substr(0, 14), "volume.xml:13:") << message;
  EXPECT_NE(message.find("duplicate paper"), std::string::npos) << message;
  EXPECT_NE(message.find("volume.xml:12"), std::string::npos) << message;
  message = errorOf(manifest("", kPaper + kPaper));
  EXPECT_NE(message.find("duplicate paper: the PDF"), std::string::npos) << message;
}

TEST(Manifest, BadOrcidIsAnErrorWithItsLine) {
  const std::string paper =
      "    <paper pdf=\"a.pdf\"><title>A</title>\n"
      "      <author orcid=\"0000-0002-1825-0098\"><family>Lê</family></author></paper>\n";
  const std::string message = errorOf(manifest("", paper));
  EXPECT_EQ(message.substr(0, 14), "volume.xml:13:") << message;
  EXPECT_NE(message.find("ORCID"), std::string::npos) << message;
}

TEST(Manifest, SlugsAreAsciiWords) {
  EXPECT_EQ(slugOf("Đặng Văn An: Chính quyền số – lý luận"), "dang-van-an-chinh-quyen-so-ly-luan");
  EXPECT_EQ(slugOf("!!!"), "paper");
  EXPECT_LE(slugOf(std::string(300, 'a') + " b").size(), 300u);
}

TEST(VolumeStyle, ShippedStylesValidate) {
  const VolumeStyle def = VolumeStyle::read(kTemplates + "default.xml", kTemplates + "style.xsd");
  EXPECT_TRUE(def.oddPageStarts);
  EXPECT_FALSE(def.runningHead.top);
  const VolumeStyle en = VolumeStyle::read(kTemplates + "english.xml", kTemplates + "style.xsd");
  EXPECT_FALSE(en.oddPageStarts);
  EXPECT_TRUE(en.runningHead.top);
  EXPECT_EQ(en.citation.format, "In: {volume}, pp. {first}–{last}");
}

TEST(VolumePlan, OddStartsInsertBlankPages) {
  VolumePlan plan = VolumePlan::number({3, 2, 1, 4}, true);
  ASSERT_EQ(plan.papers.size(), 4u);
  EXPECT_EQ(plan.papers[0].first, 1);
  EXPECT_EQ(plan.papers[0].last, 3);
  EXPECT_TRUE(plan.papers[1].blankBefore);
  EXPECT_EQ(plan.papers[1].first, 5);
  EXPECT_EQ(plan.papers[2].first, 7);
  EXPECT_FALSE(plan.papers[2].blankBefore);
  EXPECT_EQ(plan.papers[3].first, 9);
  EXPECT_EQ(plan.papers[3].last, 12);
  EXPECT_FALSE(plan.blankBeforeIndex);
  EXPECT_EQ(plan.indexFirst, 13);
  plan.setFrontPages(7, true);
  EXPECT_EQ(plan.romanPages(), 8);
  EXPECT_EQ(plan.physical(1), 8);
  const VolumePlan plain = VolumePlan::number({3, 2}, false);
  EXPECT_EQ(plain.papers[1].first, 4);
  EXPECT_EQ(plain.indexFirst, 6);
}
