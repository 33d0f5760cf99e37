// RFC 2047 words and RFC 5322 mailboxes for mail headers, on top of Poco's encodeWord (see the header).
#include "mail/HeaderEncoding.h"

#include <Poco/Net/MailMessage.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace confpress::mail {

namespace {

// Poco starts a new encoded word once the current one reaches 64 octets after a space, or 72 octets
// anywhere; the prefix "=?UTF-8?q?" counts 10. A call whose encoded payload stays within this many
// octets therefore comes back as one whole encoded word (at most 62 octets with its delimiters).
constexpr size_t kMaxPayload = 50;
// Fold a header line before it grows past this many octets (RFC 5322 recommends 78).
constexpr size_t kFoldColumn = 76;
constexpr const char* kFold = "\r\n ";
// The longest header names that come before the text on its first line: "Subject: ", "From: ".
constexpr size_t kSubjectName = 9;
constexpr size_t kFromName = 6;

bool isAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// RFC 5322 atext: what an unquoted word of a display name may contain.
bool isAtext(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         (c != '\0' && std::strchr("!#$%&'*+-/=?^_`{|}~", c) != nullptr);
}

// Octets in the UTF-8 sequence that `lead` starts (1 for ASCII and for octets that start nothing).
size_t sequenceLength(unsigned char lead) {
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

// Octets Poco's "Q" encoding spends on one octet (see MailMessage::encodeWord).
size_t encodedSize(unsigned char c) {
  if (c == ' ') return 1;
  if (c > 32 && c < 127 && std::strchr("=?_()[]<>,;:.@", c) == nullptr) return 1;
  return 3;
}

std::vector<std::string> splitWords(const std::string& text) {
  std::vector<std::string> words(1);
  for (char c : text) {
    if (c == ' ')
      words.emplace_back();
    else
      words.back() += c;
  }
  return words;
}

size_t payloadSize(std::string_view text) {
  size_t size = 0;
  for (char c : text) size += encodedSize(static_cast<unsigned char>(c));
  return size;
}

// Cuts `run` into pieces of at most kMaxPayload encoded octets, after a space where it can (the space
// stays at the end of the piece, encoded), else between two characters of a long word. Cutting after a
// space keeps each word whole, which matters to readers that — unlike RFC 2047 — show the fold between
// two encoded words in a display name as a space (Python's email package does).
// A piece without a non-ASCII octet would come back from encodeWord unencoded, so it joins the piece
// before it: any fold Poco then adds falls among its ASCII octets, which is harmless. Only a run that
// opens with some 40 ASCII octets before its first non-ASCII letter can still be folded inside a
// character by Poco; names and subjects do not look like that.
std::vector<std::string> pieces(const std::string& run) {
  std::vector<std::string> out;
  std::string current;
  for (size_t i = 0; i < run.size();) {
    const size_t n = std::min(sequenceLength(static_cast<unsigned char>(run[i])), run.size() - i);
    const std::string_view next(run.data() + i, n);
    while (!current.empty() && payloadSize(current) + payloadSize(next) > kMaxPayload) {
      const size_t space = current.rfind(' ');
      const size_t cut =
          space == std::string::npos || space + 1 == current.size() ? current.size() : space + 1;
      out.push_back(current.substr(0, cut));
      current.erase(0, cut);
    }
    current += next;
    i += n;
  }
  if (!current.empty()) out.push_back(std::move(current));
  std::vector<std::string> merged;
  for (std::string& piece : out) {
    if (isAscii(piece) && !merged.empty())
      merged.back() += piece;
    else if (!merged.empty() && isAscii(merged.back()))
      merged.back() += piece;  // the run opened with an ASCII-only piece
    else
      merged.push_back(std::move(piece));
  }
  return merged;
}

// `run` (containing non-ASCII text) as encoded words separated by folds.
std::string encodeRun(const std::string& run) {
  std::string out;
  for (const std::string& piece : pieces(run)) {
    std::string word = Poco::Net::MailMessage::encodeWord(piece, "UTF-8");
    while (word.size() >= 3 && word.compare(word.size() - 3, 3, kFold) == 0) word.resize(word.size() - 3);
    if (!out.empty()) out += kFold;
    out += word;
  }
  return out;
}

size_t lastLineLength(const std::string& s) {
  const size_t newline = s.rfind('\n');
  return newline == std::string::npos ? s.size() : s.size() - newline - 1;
}

size_t firstLineLength(const std::string& s) {
  const size_t cr = s.find('\r');
  return cr == std::string::npos ? s.size() : cr;
}

// Joins header tokens with a space, folding (CRLF + space, which unfolds back to the space) where a line
// would grow too long; the first line also holds the header's name ("Subject: ", `nameLength` octets).
std::string joinFolded(const std::vector<std::string>& tokens, size_t nameLength) {
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) {
      const size_t used = lastLineLength(out) + (out.find('\n') == std::string::npos ? nameLength : 0);
      const bool fold = !tokens[i].empty() && used + 1 + firstLineLength(tokens[i]) > kFoldColumn;
      out += fold ? kFold : " ";
    }
    out += tokens[i];
  }
  return out;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Line breaks and tabs would end or corrupt the header: they become spaces.
std::string oneLine(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n' || c == '\t'; }, ' ');
  return text;
}

// Splits `text` into words; consecutive words that are not `plain` form one run, encoded when it has
// non-ASCII text and handed to `asciiRun` otherwise; the tokens are joined with folding spaces.
template <class Plain, class AsciiRun>
std::string encodeWords(const std::string& text, size_t nameLength, Plain plain, AsciiRun asciiRun) {
  std::vector<std::string> tokens;
  std::vector<std::string> run;
  auto flush = [&] {
    if (run.empty()) return;
    std::string joined;
    for (size_t i = 0; i < run.size(); ++i) joined += (i > 0 ? " " : "") + run[i];
    tokens.push_back(isAscii(joined) ? asciiRun(joined) : encodeRun(joined));
    run.clear();
  };
  for (std::string& word : splitWords(text)) {
    if (plain(word)) {
      flush();
      tokens.push_back(std::move(word));
    } else {
      run.push_back(std::move(word));
    }
  }
  flush();
  return joinFolded(tokens, nameLength);
}

std::string trimmed(const std::string& s) {
  const size_t begin = s.find_first_not_of(' ');
  if (begin == std::string::npos) return {};
  return s.substr(begin, s.find_last_not_of(' ') - begin + 1);
}

}  // namespace

std::string encodeHeaderText(const std::string& text) {
  const std::string line = oneLine(text);
  if (isAscii(line)) return line;
  // An ASCII word stays as it is, unless it looks like the start of an encoded word.
  auto plain = [](const std::string& w) {
    return !w.empty() && isAscii(w) && w.find("=?") == std::string::npos;
  };
  return encodeWords(line, kSubjectName, plain, [](const std::string& run) { return run; });
}

std::string encodeDisplayName(const std::string& name) {
  std::string line;
  for (char c : trimmed(oneLine(name)))
    if (c != ' ' || (!line.empty() && line.back() != ' ')) line += c;  // single spaces between words
  if (isAscii(line)) {
    const bool atoms = std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || isAtext(c); });
    return atoms ? line : quoted(line);
  }
  std::replace(line.begin(), line.end(), '"', '\'');
  std::replace(line.begin(), line.end(), '\\', '/');
  auto plain = [](const std::string& w) { return std::all_of(w.begin(), w.end(), isAtext); };
  return encodeWords(line, kFromName, plain, quoted);
}

std::string formatMailbox(const std::string& name, const std::string& address) {
  const std::string display = encodeDisplayName(name);
  if (display.empty()) return "<" + address + ">";
  // The address goes on a line of its own when it would not fit.
  const size_t used = lastLineLength(display) + (display.find('\n') == std::string::npos ? kFromName : 0);
  const bool fold = used + 2 + address.size() + 1 > kFoldColumn;
  return display + (fold ? kFold : " ") + "<" + address + ">";
}

bool isDeliverableAddress(const std::string& address) {
  if (address.empty() || address.size() > 254) return false;
  const size_t at = address.find('@');
  if (at == 0 || at == std::string::npos || at + 1 == address.size() ||
      address.find('@', at + 1) != std::string::npos)
    return false;
  return std::all_of(address.begin(), address.end(),
                     [](char c) { return c > 32 && c < 127 && std::strchr("<>()[],;:\\\"", c) == nullptr; });
}

Mailbox parseMailbox(const std::string& text) {
  const std::string value = trimmed(oneLine(text));
  Mailbox box;
  if (!value.empty() && value.back() == '>') {
    const size_t open = value.rfind('<');
    if (open == std::string::npos) throw std::invalid_argument("no address in '" + text + "'");
    box.address = value.substr(open + 1, value.size() - open - 2);
    box.name = trimmed(value.substr(0, open));
    if (box.name.size() >= 2 && box.name.front() == '"' && box.name.back() == '"') {
      std::string unquoted;
      for (size_t i = 1; i + 1 < box.name.size(); ++i) {
        if (box.name[i] == '\\' && i + 2 < box.name.size()) ++i;
        unquoted += box.name[i];
      }
      box.name = unquoted;
    }
  } else {
    box.address = value;
  }
  if (!isDeliverableAddress(box.address))
    throw std::invalid_argument("'" + text +
                                "' is not an address ConfPress can send from or to (local@domain, ASCII)");
  return box;
}

}  // namespace confpress::mail
