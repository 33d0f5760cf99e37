#include "store/Outbox.h"

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

int64_t enqueueMail(Poco::Data::Session& s, const OutgoingMail& m) {
  std::string at = nowUtc();
  Poco::Nullable<Poco::Int64> conference =
      m.conferenceId ? Poco::Nullable<Poco::Int64>(*m.conferenceId) : Poco::Nullable<Poco::Int64>();
  Poco::Int64 id = 0;
  s << "INSERT INTO mail_outbox(to_address, to_name, subject, body_text, template, conference_id,"
       " next_attempt_at, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      bind(m.toAddress), bind(m.toName), bind(m.subject), bind(m.bodyText), bind(m.templateName),
      bind(conference), bind(at), bind(at), into(id), now;
  return id;
}

std::vector<OutgoingMail> mailTo(Poco::Data::Session& s, const std::string& address) {
  Poco::Data::Statement select(s);
  select << "SELECT id, to_address, to_name, subject, body_text, template, state, attempts, last_error"
            " FROM mail_outbox WHERE to_address = ? ORDER BY id",
      bind(address), now;
  Poco::Data::RecordSet rs(select);
  std::vector<OutgoingMail> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    OutgoingMail m;
    m.id = integer(rs, "id");
    m.toAddress = text(rs, "to_address");
    m.toName = text(rs, "to_name");
    m.subject = text(rs, "subject");
    m.bodyText = text(rs, "body_text");
    m.templateName = text(rs, "template");
    m.state = text(rs, "state");
    m.attempts = static_cast<int>(integer(rs, "attempts"));
    m.lastError = text(rs, "last_error");
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace confpress::store
