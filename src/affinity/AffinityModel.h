#pragma once
// How well a reviewer suits a paper, in [0, 1], computed for every (paper, reviewer) pair and kept sparse.
//
//   affinity(p, r) = textWeight · text(p, r) + topicWeight · topics(p, r)        (defaults 0.7 and 0.3)
//   text(p, r)     = bm25(p, r) / max over reviewers r' of bm25(p, r')           (0 when that max is 0)
//   topics(p, r)   = |topics(p) ∩ topics(r)| / |topics(p)|                        (0 for a paper without
//   topics)
//
// bm25(p, r) is Okapi BM25 (Bm25.h) with the reviewers' profiles as the documents (free text plus the text
// of their past papers) and the paper's title, abstract and keywords as the query, both as
// text::matchTerms (Vietnamese syllables with and without diacritics, and syllable pairs). Reviewers are the
// documents so that idf measures how rare a term is among the committee: a word every member uses tells
// nothing about who suits the paper. Dividing by the paper's best score puts every paper on the same scale
// (each paper's best-matching reviewer gets the full text share), so the assignment does not favour papers
// that happen to have long abstracts. Topics are the chairs' categories, which members choose themselves:
// the share of the paper's topics a reviewer covers is a second, independent signal.
//
// Sparse: only a pair among the K best reviewers of its paper, or among the K best papers of its reviewer,
// with a score above 0, is kept (K = topK, default 50). Ties are broken by id. Pure function of its
// arguments (thread-safe).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "affinity/Bm25.h"

namespace confpress::affinity {

struct AffinityOptions {
  size_t topK = 50;          // pairs kept per paper and per reviewer
  double textWeight = 0.7;   // the share of the (normalised) BM25 text match
  double topicWeight = 0.3;  // the share of topic overlap
  Bm25Parameters bm25;
};

/// A paper (title + abstract + keywords) or a reviewer (profile text + past papers), with its topics.
struct AffinityDocument {
  int64_t id = 0;
  std::string text;
  std::vector<int64_t> topics;
};

struct AffinityPair {
  int64_t paperId = 0;
  int64_t reviewerId = 0;
  double score = 0;
};

/// Pairs for which `excluded(paperId, reviewerId)` holds (conflicts) are neither scored nor kept, and take
/// no place among the K best. The result is sorted by paper id, then reviewer id.
std::vector<AffinityPair> computeAffinities(const std::vector<AffinityDocument>& papers,
                                            const std::vector<AffinityDocument>& reviewers,
                                            const AffinityOptions& options = {},
                                            const std::function<bool(int64_t, int64_t)>& excluded = {});

}  // namespace confpress::affinity
