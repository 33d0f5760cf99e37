// PaperSource, the pread reader behind qpdf: line ends, seeks, reads across cache blocks, and whole PDFs
// read identically with the file kept open and reopened per read.
#include <gtest/gtest.h>

#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include "preflight/TestPdf.h"
#include "support/TempDir.h"
#include "volume/PaperSource.h"

using confpress::volume::PaperSource;

TEST(PaperSource, FindsAndSkipsLineEnds) {
  cptest::TempDir dir;
  cptest::writeFile(dir.file("lines"), "abc\r\n\r\ndef\nghi");
  for (bool keepOpen : {true, false}) {
    PaperSource source(dir.file("lines"), keepOpen);
    EXPECT_EQ(source.findAndSkipNextEOL(), 3);
    EXPECT_EQ(source.tell(), 7);
    char text[4] = {};
    EXPECT_EQ(source.read(text, 3), 3u);
    EXPECT_STREQ(text, "def");
    EXPECT_EQ(source.getLastOffset(), 7);
    source.seek(-1, SEEK_END);
    EXPECT_EQ(source.read(text, 3), 1u);
    EXPECT_EQ(text[0], 'i');
    EXPECT_EQ(source.findAndSkipNextEOL(), 14);
    source.rewind();
    source.unreadCh('x');
    EXPECT_EQ(source.tell(), 0);
  }
}

TEST(PaperSource, ReadsAcrossBlocksAsTheFileIs) {
  cptest::TempDir dir;
  std::string bytes(200 * 1024, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 131) % 251);
  cptest::writeFile(dir.file("data"), bytes);
  PaperSource source(dir.file("data"), true);
  for (size_t offset : {0ul, 65530ul, 65536ul, 131000ul, 199000ul})
    for (size_t length : {1ul, 10ul, 7000ul, 70000ul}) {
      source.seek(static_cast<qpdf_offset_t>(offset), SEEK_SET);
      std::string got(length, '\0');
      const size_t n = source.read(got.data(), length);
      got.resize(n);
      EXPECT_EQ(got, bytes.substr(offset, length)) << offset << "+" << length;
    }
}

TEST(PaperSource, QpdfReadsAWholePdfThroughIt) {
  cptest::TempDir dir;
  cptest::writeFile(dir.file("paper.pdf"), cptest::makePdf(cptest::textPages(3)));
  for (bool keepOpen : {true, false}) {
    QPDF pdf;
    pdf.processInputSource(std::make_shared<PaperSource>(dir.file("paper.pdf"), keepOpen));
    EXPECT_EQ(pdf.getAllPages().size(), 3u);
    QPDFWriter writer(pdf);
    Pl_Discard discard;
    writer.setOutputPipeline(&discard);
    writer.setDecodeLevel(qpdf_dl_specialized);
    writer.write();
    EXPECT_FALSE(pdf.anyWarnings());
  }
  EXPECT_THROW(PaperSource(dir.file("missing.pdf"), true), std::runtime_error);
}
