// The PostgreSQL store's clinics, users, sign-in sessions, API tokens and
// therapist profiles: each method borrows a pooled connection (Run: retries,
// error mapping) and runs the shared record method (store/records/) on it.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/api_token_records.h"
#include "store/records/auth_session_records.h"
#include "store/records/therapist_profile_records.h"
#include "store/records/user_records.h"

namespace sciaticare::store {

StoreResult<Clinic> PostgresStore::CreateClinic(const Clinic& clinic) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateClinic(s, clinic);
  });
}

StoreResult<Clinic> PostgresStore::GetClinic(Id id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetClinic(s, id);
  });
}

StoreResult<User> PostgresStore::CreateUser(const User& user) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateUser(s, user);
  });
}

StoreResult<User> PostgresStore::GetUser(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetUser(s, clinic_id, id);
  });
}

StoreResult<User> PostgresStore::GetUserByEmail(Id clinic_id, std::string_view email) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetUserByEmail(s, clinic_id, email);
  });
}

StoreResult<User> PostgresStore::FindUserByEmail(std::string_view email) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::FindUserByEmail(s, email);
  });
}

StoreResult<std::vector<User>> PostgresStore::ListUsers(Id clinic_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListUsers(s, clinic_id);
  });
}

StoreResult<User> PostgresStore::UpdateUser(Id clinic_id, Id id, const UserUpdate& update) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::UpdateUser(s, clinic_id, id, update);
  });
}

StoreResult<TherapistProfile> PostgresStore::UpsertTherapistProfile(const TherapistProfile& p) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::UpsertTherapistProfile(s, p);
  });
}

StoreResult<TherapistProfile> PostgresStore::GetTherapistProfile(Id clinic_id, Id user_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetTherapistProfile(s, clinic_id, user_id);
  });
}

StoreResult<std::vector<TherapistProfile>> PostgresStore::ListTherapistProfiles(Id clinic_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListTherapistProfiles(s, clinic_id);
  });
}

StoreStatus PostgresStore::CreateAuthSession(const AuthSession& session) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateAuthSession(s, session);
  });
}

StoreResult<SignedInSession> PostgresStore::GetAuthSession(std::string_view token_hash,
                                                           std::string_view now) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetAuthSession(s, token_hash, now);
  });
}

StoreStatus PostgresStore::DeleteAuthSession(std::string_view token_hash) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::DeleteAuthSession(s, token_hash);
  });
}

StoreResult<std::int64_t> PostgresStore::DeleteExpiredAuthSessions(std::string_view now) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::DeleteExpiredAuthSessions(s, now);
  });
}

StoreResult<ApiToken> PostgresStore::CreateApiToken(const ApiToken& token) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateApiToken(s, token);
  });
}

StoreResult<ApiToken> PostgresStore::GetApiTokenByHash(std::string_view token_hash) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetApiTokenByHash(s, token_hash);
  });
}

StoreResult<std::vector<ApiToken>> PostgresStore::ListApiTokens(Id clinic_id, Id user_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListApiTokens(s, clinic_id, user_id);
  });
}

StoreStatus PostgresStore::RevokeApiToken(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::RevokeApiToken(s, clinic_id, id);
  });
}

}  // namespace sciaticare::store
