#include "store/PeopleRepository.h"

#include "core/Time.h"
#include "store/Rows.h"

using namespace Poco::Data::Keywords;

namespace confpress::store {

namespace {

const char* kPersonColumns =
    "p.id, p.email, p.family_name, p.given_name, p.name_order, p.affiliation, p.country, p.orcid, p.locale";

PersonRecord readPerson(Poco::Data::RecordSet& rs) {
  PersonRecord p;
  p.id = integer(rs, "id");
  p.email = text(rs, "email");
  p.familyName = text(rs, "family_name");
  p.givenName = text(rs, "given_name");
  p.nameOrder = text(rs, "name_order");
  p.affiliation = text(rs, "affiliation");
  p.country = text(rs, "country");
  p.orcid = optionalText(rs, "orcid");
  p.locale = text(rs, "locale");
  return p;
}

}  // namespace

template <class Key>
std::optional<PersonRecord> PeopleRepository::findPerson(const std::string& where, const Key& key) {
  Poco::Data::Statement select(s_);
  select << "SELECT " << kPersonColumns << " FROM people p WHERE " << where, bind(key), now;
  Poco::Data::RecordSet rs(select);
  if (!rs.moveFirst()) return std::nullopt;
  return readPerson(rs);
}

std::optional<PersonRecord> PeopleRepository::findPersonByEmail(const std::string& email) {
  return findPerson("p.email = ?", email);
}

std::optional<PersonRecord> PeopleRepository::findPersonById(int64_t id) {
  return findPerson("p.id = ?", static_cast<Poco::Int64>(id));
}

int64_t PeopleRepository::insertPerson(const PersonRecord& p) {
  std::string at = nowUtc();
  Poco::Int64 id = 0;
  s_ << "INSERT INTO people(email, family_name, given_name, name_order, affiliation, country, orcid, locale,"
        " created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      bind(p.email), bind(p.familyName), bind(p.givenName), bind(p.nameOrder), bind(p.affiliation),
      bind(p.country), bind(nullable(p.orcid)), bind(p.locale), bind(at), bind(at), into(id), now;
  return id;
}

void PeopleRepository::updatePerson(const PersonRecord& p) {
  std::string at = nowUtc();
  s_ << "UPDATE people SET family_name = ?, given_name = ?, name_order = ?, affiliation = ?, country = ?,"
        " orcid = ?, locale = ?, updated_at = ? WHERE id = ?",
      bind(p.familyName), bind(p.givenName), bind(p.nameOrder), bind(p.affiliation), bind(p.country),
      bind(nullable(p.orcid)), bind(p.locale), bind(at), bind(static_cast<Poco::Int64>(p.id)), now;
}

template <class Key>
std::optional<AccountRecord> PeopleRepository::findAccount(const std::string& where, const Key& key) {
  Poco::Data::Statement select(s_);
  select << "SELECT " << kPersonColumns
         << ", a.password_hash, a.is_admin, a.disabled FROM people p JOIN accounts a ON a.person_id = p.id"
            " WHERE "
         << where,
      bind(key), now;
  Poco::Data::RecordSet rs(select);
  if (!rs.moveFirst()) return std::nullopt;
  AccountRecord a;
  a.person = readPerson(rs);
  a.passwordHash = text(rs, "password_hash");
  a.isAdmin = integer(rs, "is_admin") != 0;
  a.disabled = integer(rs, "disabled") != 0;
  return a;
}

std::optional<AccountRecord> PeopleRepository::findAccountByEmail(const std::string& email) {
  return findAccount("p.email = ?", email);
}

std::optional<AccountRecord> PeopleRepository::findAccountById(int64_t personId) {
  return findAccount("p.id = ?", static_cast<Poco::Int64>(personId));
}

void PeopleRepository::insertAccount(int64_t personId, const std::string& passwordHash, bool isAdmin) {
  std::string at = nowUtc();
  int admin = isAdmin ? 1 : 0;
  s_ << "INSERT INTO accounts(person_id, password_hash, is_admin, created_at) VALUES(?, ?, ?, ?)",
      bind(static_cast<Poco::Int64>(personId)), bind(passwordHash), bind(admin), bind(at), now;
}

void PeopleRepository::updatePasswordHash(int64_t personId, const std::string& passwordHash) {
  s_ << "UPDATE accounts SET password_hash = ? WHERE person_id = ?", bind(passwordHash),
      bind(static_cast<Poco::Int64>(personId)), now;
}

void PeopleRepository::setAdmin(int64_t personId, bool isAdmin) {
  int admin = isAdmin ? 1 : 0;
  s_ << "UPDATE accounts SET is_admin = ? WHERE person_id = ?", bind(admin),
      bind(static_cast<Poco::Int64>(personId)), now;
}

void PeopleRepository::recordSignIn(int64_t personId) {
  std::string at = nowUtc();
  s_ << "UPDATE accounts SET last_sign_in_at = ? WHERE person_id = ?", bind(at),
      bind(static_cast<Poco::Int64>(personId)), now;
}

int64_t PeopleRepository::countAccounts() {
  Poco::Int64 n = 0;
  s_ << "SELECT COUNT(*) FROM accounts", into(n), now;
  return n;
}

}  // namespace confpress::store
