// The Store's clinics, users, sign-in sessions, API tokens and therapist profiles, written once for
// both databases: each runs its shared record method (store/records/) on a session the database
// lends for a read or a write (RecordStore::OnSession).
#include "store/record_store.h"
#include "store/records/api_token_records.h"
#include "store/records/auth_session_records.h"
#include "store/records/therapist_profile_records.h"
#include "store/records/user_records.h"

namespace sciaticare::store {

StoreResult<Clinic> RecordStore::CreateClinic(const Clinic& clinic) {
  return Writing([&](sql::Session& s) { return records::CreateClinic(s, clinic); });
}

StoreResult<Clinic> RecordStore::GetClinic(Id id) {
  return Reading([&](sql::Session& s) { return records::GetClinic(s, id); });
}

StoreResult<User> RecordStore::CreateUser(const User& user) {
  return Writing([&](sql::Session& s) { return records::CreateUser(s, user); });
}

StoreResult<User> RecordStore::GetUser(Id clinic_id, Id id) {
  return Reading([&](sql::Session& s) { return records::GetUser(s, clinic_id, id); });
}

StoreResult<User> RecordStore::GetUserByEmail(Id clinic_id, std::string_view email) {
  return Reading([&](sql::Session& s) { return records::GetUserByEmail(s, clinic_id, email); });
}

StoreResult<User> RecordStore::FindUserByEmail(std::string_view email) {
  return Reading([&](sql::Session& s) { return records::FindUserByEmail(s, email); });
}

StoreResult<std::vector<User>> RecordStore::ListUsers(Id clinic_id) {
  return Reading([&](sql::Session& s) { return records::ListUsers(s, clinic_id); });
}

StoreResult<User> RecordStore::UpdateUser(Id clinic_id, Id id, const UserUpdate& update) {
  return Writing([&](sql::Session& s) { return records::UpdateUser(s, clinic_id, id, update); });
}

StoreResult<TherapistProfile> RecordStore::UpsertTherapistProfile(const TherapistProfile& p) {
  return Writing([&](sql::Session& s) { return records::UpsertTherapistProfile(s, p); });
}

StoreResult<TherapistProfile> RecordStore::GetTherapistProfile(Id clinic_id, Id user_id) {
  return Reading(
      [&](sql::Session& s) { return records::GetTherapistProfile(s, clinic_id, user_id); });
}

StoreResult<std::vector<TherapistProfile>> RecordStore::ListTherapistProfiles(Id clinic_id) {
  return Reading([&](sql::Session& s) { return records::ListTherapistProfiles(s, clinic_id); });
}

StoreStatus RecordStore::CreateAuthSession(const AuthSession& session) {
  return Writing([&](sql::Session& s) { return records::CreateAuthSession(s, session); });
}

StoreResult<SignedInSession> RecordStore::GetAuthSession(std::string_view token_hash,
                                                         std::string_view now) {
  return Reading([&](sql::Session& s) { return records::GetAuthSession(s, token_hash, now); });
}

StoreStatus RecordStore::DeleteAuthSession(std::string_view token_hash) {
  return Writing([&](sql::Session& s) { return records::DeleteAuthSession(s, token_hash); });
}

StoreResult<std::int64_t> RecordStore::DeleteExpiredAuthSessions(std::string_view now) {
  return Writing([&](sql::Session& s) { return records::DeleteExpiredAuthSessions(s, now); });
}

StoreResult<ApiToken> RecordStore::CreateApiToken(const ApiToken& token) {
  return Writing([&](sql::Session& s) { return records::CreateApiToken(s, token); });
}

StoreResult<ApiToken> RecordStore::GetApiTokenByHash(std::string_view token_hash) {
  return Reading([&](sql::Session& s) { return records::GetApiTokenByHash(s, token_hash); });
}

StoreResult<std::vector<ApiToken>> RecordStore::ListApiTokens(Id clinic_id, Id user_id) {
  return Reading([&](sql::Session& s) { return records::ListApiTokens(s, clinic_id, user_id); });
}

StoreStatus RecordStore::RevokeApiToken(Id clinic_id, Id id) {
  return Writing([&](sql::Session& s) { return records::RevokeApiToken(s, clinic_id, id); });
}

}  // namespace sciaticare::store
