#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/Errors.h"
#include "text/Collation.h"
#include "text/Unicode.h"

using namespace confpress;

TEST(Unicode, AcceptsValidAndRejectsBrokenUtf8) {
  EXPECT_TRUE(text::isValidUtf8("Nguyễn Thị Thu Hà"));
  EXPECT_FALSE(text::isValidUtf8("abc\xC3"));       // truncated sequence
  EXPECT_FALSE(text::isValidUtf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(text::isValidUtf8("\xED\xA0\x80"));  // UTF-16 surrogate
  EXPECT_FALSE(text::isValidUtf8("\xFF"));
}

TEST(Unicode, NormalisesDecomposedVietnameseToNfc) {
  // "ễ" written as e + circumflex + tilde (decomposed), in either mark order.
  const std::string decomposed = "Nguy\x65\xCC\x82\xCC\x83n";
  const std::string otherOrder = "Nguy\x65\xCC\x83\xCC\x82n";
  EXPECT_EQ(text::toNfc(decomposed), "Nguyễn");
  EXPECT_EQ(text::cleanLine(decomposed, "name"), "Nguyễn");
  EXPECT_NE(text::toNfc(otherOrder), decomposed);
}

TEST(Unicode, CleanLineTrimsAndFoldsWhiteSpace) {
  EXPECT_EQ(text::cleanLine("  Trần \t  Văn\n Bình  ", "name"), "Trần Văn Bình");
  EXPECT_EQ(text::cleanText("Đoạn một.\r\n\r\n\r\nĐoạn  hai.\n", "abstract"), "Đoạn một.\n\nĐoạn hai.");
}

TEST(Unicode, CleanLineNamesTheFieldOnBadInput) {
  try {
    text::cleanLine("ab\xC3", "family_name");
    FAIL() << "no exception";
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.field(), "family_name");
    EXPECT_EQ(e.code(), "invalid_utf8");
  }
  EXPECT_THROW(text::cleanLine(std::string("a\x01") + "b", "title"), ValidationError);
}

TEST(Unicode, FoldsCaseAndDiacriticsForMatching) {
  EXPECT_EQ(text::foldForMatch("Đặng Thị Hồng"), "dang thi hong");
  EXPECT_EQ(text::foldForMatch("TRƯỜNG ĐẠI HỌC THỦ DẦU MỘT"), "truong dai hoc thu dau mot");
  EXPECT_EQ(text::foldForMatch("Trường Đại học Thủ Dầu Một"),
            text::foldForMatch("truong dai hoc thu dau mot"));
}

TEST(Collation, SortsVietnameseNamesAsAVietnameseReaderExpects) {
  std::vector<std::string> names = {"Zhou", "Đặng", "Dương", "Ân", "An", "Bùi", "Đỗ", "Diệp", "Ăn"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return text::compareVietnamese(a, b) < 0; });
  // Đ is a letter of its own after D; Ă and Â follow A; Zhou comes last, not before Đ.
  const std::vector<std::string> expected = {"An", "Ăn", "Ân", "Bùi", "Diệp", "Dương", "Đặng", "Đỗ", "Zhou"};
  EXPECT_EQ(names, expected);
}
