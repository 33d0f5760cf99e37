#pragma once
// People (anyone known by e-mail) and their accounts (sign-in credentials). Works inside the caller's
// session, so several repositories can share one transaction.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>

namespace confpress::store {

struct PersonRecord {
  int64_t id = 0;
  std::string email;  // normalised
  std::string familyName;
  std::string givenName;
  std::string nameOrder = "family_first";  // or "given_first"
  std::string affiliation;
  std::string country;
  std::optional<std::string> orcid;
  std::string locale = "vi";
};

struct AccountRecord {
  PersonRecord person;
  std::string passwordHash;
  bool isAdmin = false;
  bool disabled = false;
};

class PeopleRepository {
 public:
  explicit PeopleRepository(Poco::Data::Session& session) : s_(session) {}

  std::optional<PersonRecord> findPersonByEmail(const std::string& email);
  std::optional<PersonRecord> findPersonById(int64_t id);
  /// Inserts the person and returns the new id.
  int64_t insertPerson(const PersonRecord& person);
  /// Updates every field but id and email.
  void updatePerson(const PersonRecord& person);

  std::optional<AccountRecord> findAccountByEmail(const std::string& email);
  std::optional<AccountRecord> findAccountById(int64_t personId);
  void insertAccount(int64_t personId, const std::string& passwordHash, bool isAdmin);
  void updatePasswordHash(int64_t personId, const std::string& passwordHash);
  void setAdmin(int64_t personId, bool isAdmin);
  void recordSignIn(int64_t personId);
  int64_t countAccounts();

 private:
  template <class Key>
  std::optional<PersonRecord> findPerson(const std::string& where, const Key& key);
  template <class Key>
  std::optional<AccountRecord> findAccount(const std::string& where, const Key& key);
  Poco::Data::Session& s_;
};

}  // namespace confpress::store
