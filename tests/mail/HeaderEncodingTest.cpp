// Mail header text: RFC 2047 encoded words that each hold whole UTF-8 characters and fit on a line, and
// mailboxes read from and written to "Name <address>". (How readers decode the result is checked end to
// end, with Python's email package, in OutboxSenderTest.)
#include <gtest/gtest.h>

#include <regex>

#include "mail/HeaderEncoding.h"

using namespace confpress;

namespace {

// The octets one "=?UTF-8?q?…?=" word stands for.
std::string decodeWord(const std::string& word) {
  const std::string payload = word.substr(10, word.size() - 12);
  std::string out;
  for (size_t i = 0; i < payload.size(); ++i) {
    if (payload[i] == '_')
      out += ' ';
    else if (payload[i] == '=') {
      out += static_cast<char>(std::stoi(payload.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else
      out += payload[i];
  }
  return out;
}

bool isValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80             ? 1
                     : (c & 0xE0) == 0xC0 ? 2
                     : (c & 0xF0) == 0xE0 ? 3
                     : (c & 0xF8) == 0xF0 ? 4
                                          : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

std::vector<std::string> encodedWords(const std::string& header) {
  static const std::regex word(R"(=\?UTF-8\?q\?[^?\s]*\?=)");
  std::vector<std::string> words;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), word); it != std::sregex_iterator(); ++it)
    words.push_back(it->str());
  return words;
}

void expectWellFormed(const std::string& header, size_t firstLineRoom, const std::string& text) {
  SCOPED_TRACE(text);
  EXPECT_TRUE(std::all_of(header.begin(), header.end(), [](char c) { return (c & 0x80) == 0; }));
  EXPECT_FALSE(header.ends_with("\r\n ")) << header;
  size_t start = 0;
  for (size_t line = 0;; ++line) {
    const size_t end = header.find("\r\n", start);
    const size_t length = (end == std::string::npos ? header.size() : end) - start;
    EXPECT_LE(length, line == 0 ? firstLineRoom : 78u) << header;
    if (end == std::string::npos) break;
    EXPECT_EQ(header[end + 2], ' ') << "a fold goes on with a space";
    start = end + 2;
  }
  for (const std::string& word : encodedWords(header)) {
    EXPECT_LE(word.size(), 75u) << word;
    EXPECT_TRUE(isValidUtf8(decodeWord(word))) << "a character split between words: " << word;
  }
}

}  // namespace

TEST(MailHeaders, AsciiTextStaysAsItIs) {
  EXPECT_EQ(mail::encodeHeaderText("Paper #7 received"), "Paper #7 received");
  EXPECT_EQ(mail::encodeHeaderText("two\nlines"), "two lines");
  EXPECT_EQ(mail::encodeDisplayName("Lan Nguyen"), "Lan Nguyen");
  EXPECT_EQ(mail::encodeDisplayName("O'Brien, Patrick"), "\"O'Brien, Patrick\"");
  EXPECT_EQ(mail::encodeDisplayName("  "), "");
}

TEST(MailHeaders, EveryEncodedWordHoldsWholeCharactersAndEveryLineFits) {
  // Lengths and mixes that put Poco's fixed fold points in every position of a multi-octet character.
  const std::vector<std::string> letters = {"Đ", "ệ", "₫", "🎓", "a", " ", "ộ ", "Ư."};
  for (size_t pattern = 0; pattern < letters.size(); ++pattern) {
    for (size_t n = 1; n <= 90; ++n) {
      std::string text = "Thông báo ";
      for (size_t i = 0; i < n; ++i) text += letters[(pattern + i * (i % 3 + 1)) % letters.size()];
      expectWellFormed(mail::encodeHeaderText(text), 78 - 9, text);   // "Subject: " comes first
      expectWellFormed(mail::encodeDisplayName(text), 78 - 4, text);  // "To: "
    }
  }
}

TEST(MailHeaders, TheTestSubjectBecomesWholeEncodedWords) {
  const std::string encoded = mail::encodeHeaderText("Đã nhận bài báo số 7 – Hội thảo Bình Dương");
  expectWellFormed(encoded, 69, encoded);
  EXPECT_EQ(encoded.rfind("=?UTF-8?q?", 0), 0u) << encoded;
  EXPECT_NE(encoded.find("?= 7\r\n =?UTF-8?q?"), std::string::npos)
      << "ASCII words stay readable: " << encoded;
}

TEST(MailHeaders, MailboxesAreReadAndWritten) {
  mail::Mailbox box = mail::parseMailbox("Hội thảo Bình Dương <hoithao@binhduong.example>");
  EXPECT_EQ(box.name, "Hội thảo Bình Dương");
  EXPECT_EQ(box.address, "hoithao@binhduong.example");
  box = mail::parseMailbox("\"Ban tổ chức, \\\"ICT\\\"\" <bantochuc@x.example>");
  EXPECT_EQ(box.name, "Ban tổ chức, \"ICT\"");
  box = mail::parseMailbox("  no-reply@x.example ");
  EXPECT_EQ(box.name, "");
  EXPECT_EQ(box.address, "no-reply@x.example");
  for (const char* bad :
       {"nobody", "Name <>", "a b@x.example", "Ngô <ngô@x.example>", "<a@b@c>", "@x.example"})
    EXPECT_THROW(mail::parseMailbox(bad), std::invalid_argument) << bad;

  EXPECT_EQ(mail::formatMailbox("", "a@x.example"), "<a@x.example>");
  EXPECT_EQ(mail::formatMailbox("Lan Nguyen", "a@x.example"), "Lan Nguyen <a@x.example>");
  EXPECT_EQ(mail::formatMailbox("Hà", "a@x.example"), "=?UTF-8?q?H=C3=A0?= <a@x.example>");
  EXPECT_TRUE(mail::isDeliverableAddress("lan.nguyen+cfp@tdmu.edu.vn"));
  EXPECT_FALSE(mail::isDeliverableAddress("lan nguyen@tdmu.edu.vn"));
  EXPECT_FALSE(mail::isDeliverableAddress("lan@tdmu.edu.vn>\r\nBcc: x@y"));
}
