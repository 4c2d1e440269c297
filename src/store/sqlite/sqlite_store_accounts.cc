// The SQLite store's clinics, users, sign-in sessions, API tokens and therapist
// profiles: each method takes the writer or a reader connection as its kind
// of call needs and runs the shared record method (store/records/) on it.
#include "store/records/api_token_records.h"
#include "store/records/auth_session_records.h"
#include "store/records/therapist_profile_records.h"
#include "store/records/user_records.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_query.h"

namespace sciaticare::store {

StoreResult<Clinic> SqliteStore::CreateClinic(const Clinic& clinic) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateClinic(s, clinic);
  });
}

StoreResult<Clinic> SqliteStore::GetClinic(Id id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetClinic(s, id);
  });
}

StoreResult<User> SqliteStore::CreateUser(const User& user) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateUser(s, user);
  });
}

StoreResult<User> SqliteStore::GetUser(Id clinic_id, Id id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetUser(s, clinic_id, id);
  });
}

StoreResult<User> SqliteStore::GetUserByEmail(Id clinic_id, std::string_view email) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetUserByEmail(s, clinic_id, email);
  });
}

StoreResult<User> SqliteStore::FindUserByEmail(std::string_view email) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::FindUserByEmail(s, email);
  });
}

StoreResult<std::vector<User>> SqliteStore::ListUsers(Id clinic_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListUsers(s, clinic_id);
  });
}

StoreResult<User> SqliteStore::UpdateUser(Id clinic_id, Id id, const UserUpdate& update) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::UpdateUser(s, clinic_id, id, update);
  });
}

StoreResult<TherapistProfile> SqliteStore::UpsertTherapistProfile(const TherapistProfile& p) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::UpsertTherapistProfile(s, p);
  });
}

StoreResult<TherapistProfile> SqliteStore::GetTherapistProfile(Id clinic_id, Id user_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetTherapistProfile(s, clinic_id, user_id);
  });
}

StoreResult<std::vector<TherapistProfile>> SqliteStore::ListTherapistProfiles(Id clinic_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListTherapistProfiles(s, clinic_id);
  });
}

StoreStatus SqliteStore::CreateAuthSession(const AuthSession& session) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateAuthSession(s, session);
  });
}

StoreResult<SignedInSession> SqliteStore::GetAuthSession(std::string_view token_hash,
                                                         std::string_view now) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetAuthSession(s, token_hash, now);
  });
}

StoreStatus SqliteStore::DeleteAuthSession(std::string_view token_hash) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::DeleteAuthSession(s, token_hash);
  });
}

StoreResult<std::int64_t> SqliteStore::DeleteExpiredAuthSessions(std::string_view now) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::DeleteExpiredAuthSessions(s, now);
  });
}

StoreResult<ApiToken> SqliteStore::CreateApiToken(const ApiToken& token) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateApiToken(s, token);
  });
}

StoreResult<ApiToken> SqliteStore::GetApiTokenByHash(std::string_view token_hash) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetApiTokenByHash(s, token_hash);
  });
}

StoreResult<std::vector<ApiToken>> SqliteStore::ListApiTokens(Id clinic_id, Id user_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListApiTokens(s, clinic_id, user_id);
  });
}

StoreStatus SqliteStore::RevokeApiToken(Id clinic_id, Id id) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::RevokeApiToken(s, clinic_id, id);
  });
}

}  // namespace sciaticare::store
