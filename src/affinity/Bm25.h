#pragma once
// Okapi BM25 over a small corpus held in memory: the documents are bags of terms (text::matchTerms), a
// query is scored against every document at once through an inverted index.
//
//   score(q, d) = Σ over the distinct terms t of q:  idf(t) · tf(t,d) · (k1 + 1) / (tf(t,d) + k1 · (1 − b + b
//   · |d| / avgdl)) idf(t)      = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))
// with N documents, n(t) of them containing t, |d| the number of terms of d and avgdl their mean. This idf
// (Lucene's) is never negative, so a term found in most documents adds little instead of subtracting.
// A query term counts once however often the query repeats it. Immutable after construction (thread-safe).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace confpress::affinity {

struct Bm25Parameters {
  double k1 = 1.2;  // how fast repeated occurrences of a term saturate
  double b = 0.75;  // how much longer documents are penalised (0: not at all, 1: fully)
};

class Bm25Index {
 public:
  explicit Bm25Index(const std::vector<std::vector<std::string>>& documents, Bm25Parameters parameters = {});

  size_t size() const { return lengths_.size(); }
  double averageLength() const { return averageLength_; }
  /// 0 for a term no document contains.
  double idf(const std::string& term) const;
  /// The query's score against each document (indexed like the constructor's documents).
  std::vector<double> scores(const std::vector<std::string>& query) const;

 private:
  struct Posting {
    uint32_t document = 0;
    uint32_t frequency = 0;
  };
  Bm25Parameters parameters_;
  std::unordered_map<std::string, std::vector<Posting>> postings_;
  std::vector<uint32_t> lengths_;
  double averageLength_ = 0;
};

}  // namespace confpress::affinity
