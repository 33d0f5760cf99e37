// Reading committee lists in CSV: columns in any order, quoted fields, names split by language, and errors
// that name the line and the column.
#include <gtest/gtest.h>

#include "committee/CommitteeCsv.h"
#include "core/Errors.h"

using namespace confpress;

namespace {

std::pair<std::string, std::string> errorOf(const std::string& csv) {
  try {
    committee::readCommitteeCsv(csv, "vi");
  } catch (const ValidationError& e) {
    return {e.field(), e.what()};
  }
  return {"", "no error"};
}

}  // namespace

TEST(CommitteeCsv, ReadsColumnsInAnyOrderWithQuotesAndLineBreaks) {
  const std::string csv =
      "\xEF\xBB\xBFRole,Email,Name,Affiliation,Topics,Min load,max_load\r\n"
      "senior pc,khanh@hcma.example,Đặng Quốc Khánh,\"Học viện Chính trị quốc gia Hồ Chí Minh\",\"Chuyển đổi "
      "số; "
      "Đô thị thông minh\",2,8\r\n"
      "\r\n"
      ",thuy@napa.example,\"Lê Thị\nThanh Thủy\",\"Học viện \"\"Hành chính\"\"\",,,\n"
      "pc,x@y.example,Solo,,,,\n";
  const auto rows = committee::readCommitteeCsv(csv, "vi");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].role, "senior_pc");
  EXPECT_EQ(rows[0].familyName, "Đặng");
  EXPECT_EQ(rows[0].givenName, "Quốc Khánh");
  EXPECT_EQ(*rows[0].topics, (std::vector<std::string>{"Chuyển đổi số", "Đô thị thông minh"}));
  EXPECT_EQ(*rows[0].minLoad, 2);
  EXPECT_EQ(*rows[0].maxLoad, 8);
  EXPECT_EQ(rows[1].line, 4);  // the blank line 3 is skipped
  EXPECT_FALSE(rows[1].role);
  EXPECT_EQ(rows[1].givenName, "Thị Thanh Thủy");  // the line break inside quotes became a space
  EXPECT_EQ(rows[1].affiliation, "Học viện \"Hành chính\"");
  EXPECT_TRUE(rows[1].topics && rows[1].topics->empty());
  EXPECT_FALSE(rows[1].maxLoad);
  EXPECT_EQ(rows[2].line, 6);  // the quoted field spanned lines 4 and 5
  EXPECT_EQ(rows[2].familyName, "Solo");
}

TEST(CommitteeCsv, SplitsEnglishNamesGivenFirst) {
  const auto rows = committee::readCommitteeCsv("email,name\njane@x.example,Jane Mary Smith\n", "en");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].familyName, "Smith");
  EXPECT_EQ(rows[0].givenName, "Jane Mary");
  EXPECT_EQ(rows[0].nameOrder, "given_first");
  EXPECT_FALSE(rows[0].topics);  // no topics column
}

TEST(CommitteeCsv, ErrorsNameTheLineAndTheColumn) {
  EXPECT_EQ(errorOf("email,nickname\n").first, "line[1].nickname");
  EXPECT_EQ(errorOf("name\nA B\n").first, "line[1].email");
  EXPECT_EQ(errorOf("email,max_load\na@x.example,5\nb@x.example,many\n"),
            (std::pair<std::string, std::string>{"line[3].max_load",
                                                 "line 3: max_load must be a whole number from 0 to 1000"}));
  EXPECT_EQ(errorOf("email,role\na@x.example,chair\n").first, "line[2].role");
  EXPECT_EQ(errorOf("email,min_load\na@x.example,1001\n").first, "line[2].min_load");
  EXPECT_EQ(errorOf("email\n\"a@x.example\n").first, "line[2].csv");  // never closed
  EXPECT_EQ(errorOf("email\na@x.example,extra\n").first, "line[2].csv");
  EXPECT_EQ(errorOf("").first, "csv");
  EXPECT_EQ(errorOf("email\n\xC3\n").first, "csv");  // not UTF-8
}
