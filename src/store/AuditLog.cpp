#include "store/AuditLog.h"

#include <Poco/JSON/Object.h>

#include <sstream>

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {
Poco::Nullable<Poco::Int64> nullableId(const std::optional<int64_t>& id) {
  return id ? Poco::Nullable<Poco::Int64>(*id) : Poco::Nullable<Poco::Int64>();
}
}  // namespace

std::string auditDetail(std::initializer_list<std::pair<std::string, std::string>> fields) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [key, value] : fields) o.set(key, value);
  std::ostringstream s;
  o.stringify(s);
  return s.str();
}

void appendAudit(Poco::Data::Session& s, const AuditEntry& e) {
  std::string at = nowUtc();
  s << "INSERT INTO audit_log(at, actor_id, ip, action, object_type, object_id, conference_id, detail_json)"
       " VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
      bind(at), bind(nullableId(e.actorId)), bind(e.ip), bind(e.action), bind(e.objectType), bind(e.objectId),
      bind(nullableId(e.conferenceId)), bind(e.detailJson), now;
}

std::vector<AuditRecord> recentAudit(Poco::Data::Session& s, std::optional<int64_t> conferenceId, int limit) {
  Poco::Data::Statement select(s);
  select
      << "SELECT at, actor_id, ip, action, object_type, object_id, conference_id, detail_json FROM audit_log"
      << (conferenceId ? " WHERE conference_id = ?" : "") << " ORDER BY id DESC LIMIT ?";
  if (conferenceId) select, bind(static_cast<Poco::Int64>(*conferenceId));
  select, bind(limit), now;
  Poco::Data::RecordSet rs(select);
  std::vector<AuditRecord> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    AuditEntry e;
    if (!rs["actor_id"].isEmpty()) e.actorId = integer(rs, "actor_id");
    e.ip = text(rs, "ip");
    e.action = text(rs, "action");
    e.objectType = text(rs, "object_type");
    e.objectId = text(rs, "object_id");
    if (!rs["conference_id"].isEmpty()) e.conferenceId = integer(rs, "conference_id");
    e.detailJson = text(rs, "detail_json");
    out.push_back({text(rs, "at"), std::move(e)});
  }
  return out;
}

}  // namespace confpress::store
