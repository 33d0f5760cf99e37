#include "store/BidRepository.h"

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {

constexpr const char* kOfConference = "SELECT id FROM submissions WHERE conference_id = ?";

}  // namespace

void BidRepository::set(int64_t submissionId, int64_t personId, const std::string& level) {
  const std::string at = nowUtc();
  s_ << "INSERT INTO bids(submission_id, person_id, level, updated_at) VALUES(?, ?, ?, ?)"
        " ON CONFLICT(submission_id, person_id) DO UPDATE SET level = excluded.level,"
        " updated_at = excluded.updated_at",
      bind(static_cast<Poco::Int64>(submissionId)), bind(static_cast<Poco::Int64>(personId)), bind(level),
      bind(at), now;
}

void BidRepository::remove(int64_t submissionId, int64_t personId) {
  s_ << "DELETE FROM bids WHERE submission_id = ? AND person_id = ?",
      bind(static_cast<Poco::Int64>(submissionId)), bind(static_cast<Poco::Int64>(personId)), now;
}

std::map<int64_t, std::string> BidRepository::bidsOf(int64_t conferenceId, int64_t personId) {
  Poco::Data::Statement q(s_);
  q << "SELECT submission_id, level FROM bids WHERE person_id = ? AND submission_id IN (" << kOfConference
    << ")",
      bind(static_cast<Poco::Int64>(personId)), bind(static_cast<Poco::Int64>(conferenceId)), now;
  Poco::Data::RecordSet rs(q);
  std::map<int64_t, std::string> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out[integer(rs, "submission_id")] = text(rs, "level");
  return out;
}

std::vector<BidRecord> BidRepository::all(int64_t conferenceId) {
  Poco::Data::Statement q(s_);
  q << "SELECT submission_id, person_id, level FROM bids WHERE submission_id IN (" << kOfConference << ")",
      bind(static_cast<Poco::Int64>(conferenceId)), now;
  Poco::Data::RecordSet rs(q);
  std::vector<BidRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out.push_back({integer(rs, "submission_id"), integer(rs, "person_id"), text(rs, "level")});
  return out;
}

void BidRepository::replaceAffinities(int64_t conferenceId, const std::vector<AffinityRecord>& pairs) {
  Poco::Int64 conference = conferenceId;
  s_ << "DELETE FROM affinities WHERE submission_id IN (" << kOfConference << ")", bind(conference), now;
  Poco::Data::Statement insert(s_);
  Poco::Int64 submission = 0, person = 0;
  double score = 0;
  insert << "INSERT INTO affinities(submission_id, person_id, score) VALUES(?, ?, ?)", use(submission),
      use(person), use(score);
  for (const AffinityRecord& a : pairs) {
    submission = a.submissionId;
    person = a.personId;
    score = a.score;
    insert.execute();
  }
}

std::map<int64_t, double> BidRepository::affinitiesOf(int64_t conferenceId, int64_t personId) {
  Poco::Data::Statement q(s_);
  q << "SELECT submission_id, score FROM affinities WHERE person_id = ? AND submission_id IN ("
    << kOfConference << ")",
      bind(static_cast<Poco::Int64>(personId)), bind(static_cast<Poco::Int64>(conferenceId)), now;
  Poco::Data::RecordSet rs(q);
  std::map<int64_t, double> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out[integer(rs, "submission_id")] = rs["score"].convert<double>();
  return out;
}

std::vector<AffinityRecord> BidRepository::affinities(int64_t conferenceId) {
  Poco::Data::Statement q(s_);
  q << "SELECT submission_id, person_id, score FROM affinities WHERE submission_id IN (" << kOfConference
    << ")",
      bind(static_cast<Poco::Int64>(conferenceId)), now;
  Poco::Data::RecordSet rs(q);
  std::vector<AffinityRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out.push_back({integer(rs, "submission_id"), integer(rs, "person_id"), rs["score"].convert<double>()});
  return out;
}

void BidRepository::removeMember(int64_t conferenceId, int64_t personId) {
  for (const char* table : {"bids", "affinities"}) {
    Poco::Data::Statement q(s_);
    q << "DELETE FROM " << table << " WHERE person_id = ? AND submission_id IN (" << kOfConference << ")",
        bind(static_cast<Poco::Int64>(personId)), bind(static_cast<Poco::Int64>(conferenceId));
    q.execute();
  }
}

int BidRepository::assignmentCount(int64_t conferenceId, int64_t personId) {
  int n = 0;
  s_ << "SELECT COUNT(*) FROM assignments WHERE person_id = ? AND submission_id IN (" << kOfConference << ")",
      into(n), bind(static_cast<Poco::Int64>(personId)), bind(static_cast<Poco::Int64>(conferenceId)), now;
  return n;
}

}  // namespace confpress::store
