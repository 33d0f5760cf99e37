// Reading the assignment's CSV files into an AssignmentProblem and writing the result.
#include "assign/AssignmentCsv.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "assign/CsvScanner.h"
#include "core/Errors.h"

namespace confpress::assign {

namespace {

bool sameWord(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Calls `row` for each record of the file but an optional header whose first field is `firstColumn`.
template <class Row>
void eachRow(const std::string& path, std::string_view firstColumn, Row&& row) {
  const MappedFile file(path);
  CsvScanner scanner(file.text(), path);
  bool first = true;
  while (scanner.next()) {
    if (std::exchange(first, false) && sameWord(scanner.field(0), firstColumn)) continue;
    row(scanner);
  }
}

std::string pairName(const IdTable& papers, const IdTable& reviewers, int p, int r) {
  return "(" + papers.ids[p] + ", " + reviewers.ids[r] + ")";
}

// Sorts the candidates by paper, then reviewer, in place: an American flag sort by paper (each pair
// swapped straight into its paper's range), then each paper's range by reviewer unless already in order.
// In place because on the virtual machines this runs on, touching fresh memory costs more than the
// sorting itself: a second copy of a 4M-pair file would be 64 MB of new pages.
void sortCandidates(std::vector<Candidate>& candidates, std::size_t papers) {
  auto before = [](const Candidate& a, const Candidate& b) {
    return a.paper != b.paper ? a.paper < b.paper : a.reviewer < b.reviewer;
  };
  if (std::is_sorted(candidates.begin(), candidates.end(), before)) return;
  std::vector<std::size_t> start(papers + 1, 0);
  for (const Candidate& c : candidates) ++start[c.paper + 1];
  for (std::size_t p = 0; p < papers; ++p) start[p + 1] += start[p];
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (std::size_t p = 0; p < papers; ++p)
    while (next[p] < start[p + 1]) {
      Candidate& c = candidates[next[p]];
      const auto home = static_cast<std::size_t>(c.paper);
      if (home == p)
        ++next[p];
      else
        std::swap(c, candidates[next[home]++]);
    }
  for (std::size_t p = 0; p < papers; ++p) {
    const auto from = candidates.begin() + static_cast<std::ptrdiff_t>(start[p]),
               to = candidates.begin() + static_cast<std::ptrdiff_t>(start[p + 1]);
    if (!std::is_sorted(from, to, before)) std::sort(from, to, before);
  }
}

// Rejects a pair listed twice (adjacent once sorted). Only then is the file read again, to name the two
// lines: keeping every pair's line number would cost memory on every run.
void rejectDuplicates(const AssignmentProblem& problem, const IdTable& papers, const IdTable& reviewers,
                      const std::string& path) {
  for (std::size_t i = 1; i < problem.candidates.size(); ++i) {
    const Candidate &a = problem.candidates[i - 1], &b = problem.candidates[i];
    if (a.paper != b.paper || a.reviewer != b.reviewer) continue;
    std::vector<std::size_t> lines;
    eachRow(path, "paper", [&](const CsvScanner& s) {
      if (lines.size() < 2 && papers.find(s.field(0)) == a.paper && reviewers.find(s.field(1)) == a.reviewer)
        lines.push_back(s.line());
    });
    lines.resize(2, 0);
    throw BadRequest(path + ":" + std::to_string(lines[1]) + ": the pair " +
                         pairName(papers, reviewers, a.paper, a.reviewer) +
                         " is listed again (first at line " + std::to_string(lines[0]) + ")",
                     "malformed_csv");
  }
}

void readScores(const std::string& path, AssignmentProblem& problem, IdTable& papers, IdTable& reviewers,
                InputCounts& counts) {
  // A line takes at least 6 bytes ("p,r,1\n"): reserving for the file's size spares the reallocations
  // that otherwise cost a large file more than the parsing; untouched reserved pages take no memory.
  std::error_code error;
  const std::uintmax_t bytes = std::filesystem::file_size(path, error);
  if (!error) problem.candidates.reserve(bytes / 6 + 1);
  eachRow(path, "paper", [&](const CsvScanner& s) {
    s.expectFields(3, "paper,reviewer,score");
    const int p = papers.intern(s.id(0, "paper id"));
    const int r = reviewers.intern(s.id(1, "reviewer id"));
    problem.candidates.push_back({p, r, s.number(2, "score")});
  });
  counts.scoreLines = problem.candidates.size();
  sortCandidates(problem.candidates, papers.size());
  rejectDuplicates(problem, papers, reviewers, path);
}

void readFixed(const std::string& path, AssignmentProblem& problem, IdTable& papers, IdTable& reviewers) {
  std::unordered_map<std::uint64_t, std::size_t> seen;
  eachRow(path, "paper", [&](const CsvScanner& s) {
    s.expectFields(2, "paper,reviewer");
    const int p = papers.intern(s.id(0, "paper id"));
    const int r = reviewers.intern(s.id(1, "reviewer id"));
    const auto [at, added] =
        seen.emplace((static_cast<std::uint64_t>(p) << 32) | static_cast<std::uint32_t>(r), s.line());
    if (!added)
      s.fail("the fixed pair " + pairName(papers, reviewers, p, r) + " is listed again (first at line " +
             std::to_string(at->second) + ")");
    problem.fixed.push_back({p, r});
  });
}

void readConflicts(const std::string& path, AssignmentProblem& problem, const IdTable& papers,
                   const IdTable& reviewers, InputCounts& counts) {
  eachRow(path, "paper", [&](const CsvScanner& s) {
    s.expectFields(2, "paper,reviewer");
    const int p = papers.find(s.id(0, "paper id")), r = reviewers.find(s.id(1, "reviewer id"));
    if (p < 0 || r < 0) return;  // not in the problem: nothing to forbid
    problem.conflicts.push_back({p, r});
    ++counts.conflicts;
  });
}

void readBids(const std::string& path, AssignmentProblem& problem, const IdTable& papers,
              const IdTable& reviewers, InputCounts& counts) {
  // The candidates are sorted by paper, then reviewer (readScores): each paper's range, for binary search.
  std::vector<std::uint32_t> start(papers.size() + 1, 0);
  for (const Candidate& c : problem.candidates) ++start[c.paper + 1];
  for (std::size_t p = 0; p < papers.size(); ++p) start[p + 1] += start[p];
  std::vector<std::uint32_t> bidLine(problem.candidates.size(), 0);
  eachRow(path, "paper", [&](const CsvScanner& s) {
    s.expectFields(3, "paper,reviewer,bid");
    const std::optional<double> weight = bidWeight(s.field(2));
    if (!weight)
      s.fail("the bid '" + std::string(s.field(2)) +
             "' is neither a level (eager, willing, neutral, not_willing) nor a number");
    const int p = papers.find(s.id(0, "paper id")), r = reviewers.find(s.id(1, "reviewer id"));
    if (p < 0 || r < 0) return void(++counts.bidsIgnored);
    const auto first = problem.candidates.begin() + start[p],
               last = problem.candidates.begin() + start[p + 1];
    const auto at = std::partition_point(first, last, [&](const Candidate& c) { return c.reviewer < r; });
    if (at == last || at->reviewer != r) return void(++counts.bidsIgnored);
    const auto found = static_cast<std::size_t>(at - problem.candidates.begin());
    if (bidLine[found] != 0)
      s.fail("a second bid for " + pairName(papers, reviewers, p, r) + " (first at line " +
             std::to_string(bidLine[found]) + ")");
    bidLine[found] = static_cast<std::uint32_t>(s.line());
    problem.candidates[found].score += *weight;
    ++counts.bidsApplied;
  });
}

void readAffiliations(const std::string& path, AssignmentProblem& problem, const IdTable& reviewers) {
  problem.affiliation.assign(reviewers.size(), -1);
  std::vector<std::uint32_t> lineOf(reviewers.size(), 0);
  IdTable names;
  eachRow(path, "reviewer", [&](const CsvScanner& s) {
    s.expectFields(2, "reviewer,affiliation");
    const int r = reviewers.find(s.id(0, "reviewer id"));
    if (r < 0) return;
    if (lineOf[r] != 0)
      s.fail("reviewer " + reviewers.ids[r] + " is listed again (first at line " + std::to_string(lineOf[r]) +
             ")");
    lineOf[r] = static_cast<std::uint32_t>(s.line());
    if (!s.field(1).empty()) problem.affiliation[r] = names.intern(s.field(1));
  });
  problem.affiliationNames = std::move(names.ids);
}

void appendField(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) c == '"' ? out += "\"\"" : out += c;
  out += '"';
}

}  // namespace

std::optional<double> bidWeight(std::string_view bid) {
  // Compared in place (no lower-cased copy): this runs once per line of a million-line bid file.
  auto is = [&](std::string_view level) {
    return bid.size() == level.size() &&
           std::equal(bid.begin(), bid.end(), level.begin(), [](char c, char l) {
             const char folded = c == '-' || c == ' '   ? '_'
                                 : c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                                        : c;
             return folded == l;
           });
  };
  if (is("eager")) return 0.5;
  if (is("willing")) return 0.25;
  if (is("neutral")) return 0.0;
  if (is("not_willing")) return -0.5;
  double value = 0;
  if (parseNumber(bid, value)) return value;
  return std::nullopt;
}

AssignmentProblem readAssignmentFiles(const AssignmentFiles& files, InputCounts* counts) {
  AssignmentProblem problem;
  InputCounts local;
  InputCounts& c = counts != nullptr ? *counts : local;
  IdTable papers, reviewers;
  readScores(files.scores, problem, papers, reviewers, c);
  if (!files.fixed.empty()) readFixed(files.fixed, problem, papers, reviewers);
  if (!files.conflicts.empty()) readConflicts(files.conflicts, problem, papers, reviewers, c);
  if (!files.bids.empty()) readBids(files.bids, problem, papers, reviewers, c);
  if (!files.affiliations.empty()) readAffiliations(files.affiliations, problem, reviewers);
  problem.paperIds = std::move(papers.ids);
  problem.reviewerIds = std::move(reviewers.ids);
  return problem;
}

std::string formatScore(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.6f", value);
  std::string s = text;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

void writeAssignmentCsv(const std::string& path, const AssignmentProblem& problem,
                        const Assignment& assignment) {
  std::string out = "paper,reviewer,score\n";
  out.reserve(out.size() + assignment.pairs.size() * 32);
  for (const Candidate& pair : assignment.pairs) {
    appendField(out, problem.paperIds[pair.paper]);
    out += ',';
    appendField(out, problem.reviewerIds[pair.reviewer]);
    out += ',';
    out += formatScore(pair.score);
    out += '\n';
  }
  const std::string temporary = path + ".tmp";
  {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(temporary.c_str(), "wb"), &std::fclose);
    if (!file) throw std::runtime_error("cannot write " + temporary);
    const bool written = std::fwrite(out.data(), 1, out.size(), file.get()) == out.size();
    if (!written || std::fclose(file.release()) != 0) {
      std::remove(temporary.c_str());
      throw std::runtime_error("cannot write " + temporary);
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw std::runtime_error("cannot write " + path);
  }
}

}  // namespace confpress::assign
