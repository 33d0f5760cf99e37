#include "affinity/Bm25.h"

#include <cmath>
#include <unordered_set>

namespace confpress::affinity {

Bm25Index::Bm25Index(const std::vector<std::vector<std::string>>& documents, Bm25Parameters parameters)
    : parameters_(parameters) {
  double total = 0;
  for (size_t d = 0; d < documents.size(); ++d) {
    std::unordered_map<std::string, uint32_t> counts;
    for (const std::string& term : documents[d]) ++counts[term];
    for (const auto& [term, n] : counts) postings_[term].push_back({static_cast<uint32_t>(d), n});
    lengths_.push_back(static_cast<uint32_t>(documents[d].size()));
    total += static_cast<double>(documents[d].size());
  }
  averageLength_ = documents.empty() ? 0 : total / static_cast<double>(documents.size());
}

double Bm25Index::idf(const std::string& term) const {
  auto it = postings_.find(term);
  if (it == postings_.end()) return 0;
  const double n = static_cast<double>(it->second.size()), all = static_cast<double>(lengths_.size());
  return std::log(1.0 + (all - n + 0.5) / (n + 0.5));
}

std::vector<double> Bm25Index::scores(const std::vector<std::string>& query) const {
  std::vector<double> out(lengths_.size(), 0.0);
  if (averageLength_ <= 0) return out;
  const double k1 = parameters_.k1, b = parameters_.b;
  std::unordered_set<std::string> seen;
  for (const std::string& term : query) {
    if (!seen.insert(term).second) continue;
    auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    const double weight = idf(term);
    for (const Posting& p : it->second) {
      const double tf = p.frequency, norm = 1 - b + b * lengths_[p.document] / averageLength_;
      out[p.document] += weight * tf * (k1 + 1) / (tf + k1 * norm);
    }
  }
  return out;
}

}  // namespace confpress::affinity
