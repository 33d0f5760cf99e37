#pragma once
// What a proceedings volume is made of, as plain data: the volume's metadata, its front matter, its
// sections and their papers in order. The manifest reader (ManifestReader) fills it from volume.xml;
// the database path (accepted papers and their camera-ready files) is meant to fill the same struct, so
// everything after it — typesetting, merging, exports — never knows where the volume came from.
// Text is UTF-8 in NFC. Plain values: safe to copy and to share read-only between threads.
#include <string>
#include <vector>

namespace confpress::volume {

/// A person's name as the volume prints and sorts it.
struct PersonName {
  std::string family;
  std::string given;
  bool familyFirst = true;  // Vietnamese order ("Nguyễn Văn Hùng"); false for "Katrin Schmidt"

  /// As printed in running text: "Nguyễn Văn Hùng", "Katrin Schmidt".
  std::string display() const;
  /// As an index lists it: "Nguyễn, Văn Hùng", "Schmidt, Katrin".
  std::string inverted() const;
};

struct Author {
  PersonName name;
  std::string affiliation;
  std::string orcid;  // "0000-0002-1825-0097", checksum verified by the reader; empty for none
};

struct Paper {
  std::string title;
  std::vector<Author> authors;
  std::string doiSuffix;  // the DOI is VolumeMetadata::doiPrefix + "/" + doiSuffix; empty for none
  std::string pdfPath;    // absolute, or relative to the working directory
  std::string slug;       // for papers/NNN-slug.pdf; ASCII letters, digits and hyphens
  std::string origin;     // where it was described ("volume.xml:57"), for messages
};

struct Section {
  std::string title;
  std::vector<Paper> papers;
};

struct CommitteeMember {
  PersonName name;
  std::string affiliation;
  std::string role;  // "Trưởng ban", "Chair"; empty for a plain member
};

struct Committee {
  std::string title;  // "Ban tổ chức", "Programme committee"
  std::vector<CommitteeMember> members;
};

struct VolumeMetadata {
  std::string title;
  std::string subtitle;
  std::string shortTitle;       // in citation lines and running heads
  std::string language = "vi";  // ISO 639-1; chooses the words of the front matter ("vi" or "en")
  std::vector<PersonName> editors;
  std::string publisher;
  std::string city;
  int year = 0;
  std::string isbn;  // checksum verified; as written (with or without hyphens)
  std::string issn;
  std::string doiPrefix;  // "10.55555"; empty: no DOIs
  std::string doiSuffix;  // the volume's own DOI suffix; empty for none
  std::string url;        // landing page of the volume; papers get url + "/" + slug
  std::string licence;    // "CC BY 4.0"
  std::string copyright;  // "© 2022 Trường Chính trị tỉnh Bình Dương"
  std::string conferenceName;
  std::string conferenceAcronym;
  std::string conferenceLocation;
  std::string conferenceDate;  // as printed ("25/11/2022")
  std::string depositorName;   // for the Crossref deposit
  std::string depositorEmail;
};

struct FrontMatter {
  std::string prefaceTitle;     // empty: the language's default ("Lời nói đầu", "Preface")
  std::string prefaceMarkdown;  // CommonMark; empty for no preface
  std::vector<Committee> committees;
};

struct VolumeSpec {
  VolumeMetadata metadata;
  FrontMatter front;
  std::vector<Section> sections;

  size_t paperCount() const {
    size_t n = 0;
    for (const Section& s : sections) n += s.papers.size();
    return n;
  }
};

}  // namespace confpress::volume
