// PostgreSQL store: clinics, users, therapist profiles, login sessions and API tokens.
#include "store/postgres_query.h"
#include "store/sql_columns.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

using Kind = PgTx::Kind;

const std::string& SelectUsers() {
  static const std::string sql = "SELECT " + kPgUserColumns + " FROM users ";
  return sql;
}

std::optional<TherapistProfile> ReadProfile(PgTx& tx, Id clinic_id, Id user_id) {
  auto profile = One(tx.Exec("SELECT user_id, clinic_id, years_experience, "
                             "sciatica_experience_years, bio FROM therapist_profiles WHERE "
                             "clinic_id = $1 AND user_id = $2",
                             clinic_id, user_id),
                     [](const pqxx::row& r) {
                       TherapistProfile p;
                       p.user_id = r[0].as<std::int64_t>();
                       p.clinic_id = r[1].as<std::int64_t>();
                       p.years_experience = r[2].as<int>();
                       p.sciatica_experience_years = r[3].as<int>();
                       p.bio = r[4].c_str();
                       return p;
                     });
  if (profile) {
    profile->modalities =
        All(tx.Exec("SELECT technique_id FROM therapist_modalities WHERE user_id = $1 ORDER BY "
                    "position",
                    user_id),
            [](const pqxx::row& r) { return std::string(r[0].c_str()); });
  }
  return profile;
}

}  // namespace

StoreResult<Clinic> PostgresStore::CreateClinic(const Clinic& clinic) {
  if (auto problem = ValidateClinic(clinic)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<Clinic> {
    PgTx tx(c, Kind::kWrite);
    Id id = Scalar(tx.Exec("INSERT INTO clinics (name) VALUES ($1) RETURNING id", clinic.name));
    tx.Commit();
    return Clinic{id, clinic.name};
  });
}

StoreResult<Clinic> PostgresStore::GetClinic(Id id) {
  return Run([&](PgConnection& c) -> StoreResult<Clinic> {
    PgTx tx(c, Kind::kRead);
    auto row = One(tx.Exec("SELECT " + kPgClinicColumns + " FROM clinics WHERE id = $1", id),
                   PgReadClinic);
    if (!row) return NotFound("id", "no such clinic");
    return *row;
  });
}

StoreResult<User> PostgresStore::CreateUser(const User& user) {
  if (auto problem = ValidateUser(user)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<User> {
    PgTx tx(c, Kind::kWrite);
    if (auto e = PgCheckClinic(tx, user.clinic_id)) return *e;
    if (user.patient_id) {
      if (auto e =
              PgCheckInClinic(tx, "patients", "patient_id", user.clinic_id, *user.patient_id)) {
        return *e;
      }
    }
    User out = user;
    out.id = Scalar(tx.Exec(
        "INSERT INTO users (clinic_id, email, display_name, role, password_hash, patient_id, "
        "active) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        user.clinic_id, user.email, user.display_name, ToString(user.role), user.password_hash,
        user.patient_id, user.active));
    tx.Commit();
    return out;
  });
}

StoreResult<User> PostgresStore::GetUser(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) -> StoreResult<User> {
    PgTx tx(c, Kind::kRead);
    auto row =
        One(tx.Exec(SelectUsers() + "WHERE clinic_id = $1 AND id = $2", clinic_id, id), PgReadUser);
    if (!row) return NotFound("id", "no such user in this clinic");
    return *row;
  });
}

StoreResult<User> PostgresStore::GetUserByEmail(Id clinic_id, std::string_view email) {
  return Run([&](PgConnection& c) -> StoreResult<User> {
    PgTx tx(c, Kind::kRead);
    auto row = One(tx.Exec(SelectUsers() + "WHERE clinic_id = $1 AND lower(email) = lower($2)",
                           clinic_id, email),
                   PgReadUser);
    if (!row) return NotFound("email", "no such user in this clinic");
    return *row;
  });
}

StoreResult<User> PostgresStore::FindUserByEmail(std::string_view email) {
  return Run([&](PgConnection& c) -> StoreResult<User> {
    PgTx tx(c, Kind::kRead);
    auto row = One(tx.Exec(SelectUsers() + "WHERE lower(email) = lower($1)", email), PgReadUser);
    if (!row) return NotFound("email", "no such user");
    return *row;
  });
}

StoreResult<std::vector<User>> PostgresStore::ListUsers(Id clinic_id) {
  return Run([&](PgConnection& c) -> StoreResult<std::vector<User>> {
    PgTx tx(c, Kind::kRead);
    return All(tx.Exec(SelectUsers() + "WHERE clinic_id = $1 ORDER BY id", clinic_id), PgReadUser);
  });
}

StoreResult<User> PostgresStore::UpdateUser(Id clinic_id, Id id, const UserUpdate& update) {
  if (update.password_hash && update.password_hash->empty()) {
    return Invalid("password_hash", "must not be empty");
  }
  return Run([&](PgConnection& c) -> StoreResult<User> {
    PgTx tx(c, Kind::kWrite);
    auto user = One(tx.Exec(SelectUsers() + "WHERE clinic_id = $1 AND id = $2 FOR NO KEY UPDATE",
                            clinic_id, id),
                    PgReadUser);
    if (!user) return NotFound("id", "no such user in this clinic");
    if (update.role && (*update.role == Role::kPatient) != (user->role == Role::kPatient)) {
      return Invalid("role", "a patient login cannot change role, nor become one");
    }
    auto role =
        update.role ? std::optional<std::string_view>(ToString(*update.role)) : std::nullopt;
    auto updated =
        One(tx.Exec("UPDATE users SET role = COALESCE($1, role), active = COALESCE($2, active), "
                    "password_hash = COALESCE($3, password_hash) WHERE clinic_id = $4 AND id = $5 "
                    "RETURNING " +
                        kPgUserColumns,
                    role, update.active, update.password_hash, clinic_id, id),
            PgReadUser);
    // A new password or a deactivated account ends every login of that user.
    if (update.password_hash || (update.active && !*update.active)) {
      tx.Exec("DELETE FROM auth_sessions WHERE clinic_id = $1 AND user_id = $2", clinic_id, id);
    }
    tx.Commit();
    return *updated;
  });
}

StoreResult<TherapistProfile> PostgresStore::UpsertTherapistProfile(const TherapistProfile& p) {
  if (auto problem = ValidateTherapistProfile(p)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<TherapistProfile> {
    PgTx tx(c, Kind::kWrite);
    // The lock on the user makes concurrent upserts of one profile take turns,
    // so their modality lists do not interleave.
    if (auto e = PgCheckTherapist(tx, "user_id", p.clinic_id, p.user_id, /*lock=*/true)) {
      return *e;
    }
    tx.Exec(
        "INSERT INTO therapist_profiles (user_id, clinic_id, years_experience, "
        "sciatica_experience_years, bio) VALUES ($1, $2, $3, $4, $5) "
        "ON CONFLICT (user_id) DO UPDATE SET years_experience = excluded.years_experience, "
        "sciatica_experience_years = excluded.sciatica_experience_years, bio = excluded.bio",
        p.user_id, p.clinic_id, p.years_experience, p.sciatica_experience_years, p.bio);
    tx.Exec("DELETE FROM therapist_modalities WHERE user_id = $1", p.user_id);
    for (std::size_t i = 0; i < p.modalities.size(); ++i) {
      tx.Exec(
          "INSERT INTO therapist_modalities (user_id, position, technique_id) VALUES ($1, $2, $3)",
          p.user_id, static_cast<int>(i), p.modalities[i]);
    }
    auto stored = ReadProfile(tx, p.clinic_id, p.user_id);
    tx.Commit();
    return *stored;
  });
}

StoreResult<TherapistProfile> PostgresStore::GetTherapistProfile(Id clinic_id, Id user_id) {
  return Run([&](PgConnection& c) -> StoreResult<TherapistProfile> {
    PgTx tx(c, Kind::kSnapshot);  // The profile and its modalities from one snapshot.
    auto profile = ReadProfile(tx, clinic_id, user_id);
    if (!profile) return NotFound("user_id", "no therapist profile for this user in this clinic");
    tx.Commit();
    return *profile;
  });
}

StoreResult<std::vector<TherapistProfile>> PostgresStore::ListTherapistProfiles(Id clinic_id) {
  return Run([&](PgConnection& c) -> StoreResult<std::vector<TherapistProfile>> {
    PgTx tx(c, Kind::kSnapshot);  // One snapshot for the list and its modalities.
    auto ids = All(tx.Exec("SELECT user_id FROM therapist_profiles WHERE clinic_id = $1 ORDER BY "
                           "user_id",
                           clinic_id),
                   [](const pqxx::row& r) { return r[0].as<std::int64_t>(); });
    std::vector<TherapistProfile> out;
    for (Id id : ids) out.push_back(*ReadProfile(tx, clinic_id, id));
    tx.Commit();
    return out;
  });
}

StoreStatus PostgresStore::CreateAuthSession(const AuthSession& session) {
  if (auto problem = ValidateAuthSession(session)) return *problem;
  return Run([&](PgConnection& c) -> StoreStatus {
    PgTx tx(c, Kind::kWrite);
    if (auto e = PgCheckInClinic(tx, "users", "user_id", session.clinic_id, session.user_id)) {
      return *e;
    }
    tx.Exec("INSERT INTO auth_sessions (" + kPgAuthSessionColumns +
                ") VALUES ($1, $2, $3, $4, $5, $6, $7)",
            session.token_hash, session.user_id, session.clinic_id, session.csrf_token,
            session.created_at, session.expires_at,
            session.last_seen_at.empty() ? session.created_at : session.last_seen_at);
    tx.Commit();
    return Done{};
  });
}

StoreResult<SignedInSession> PostgresStore::GetAuthSession(std::string_view token_hash,
                                                           std::string_view now) {
  if (auto problem = CheckUtcTime("now", now)) return *problem;
  static const std::string sql =
      "SELECT " + QualifiedColumns(kPgUserColumns, "u") + ", " +
      QualifiedColumns(kPgAuthSessionColumns, "s") +
      " FROM auth_sessions s JOIN users u ON u.id = s.user_id AND u.clinic_id = s.clinic_id "
      "WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active";
  static const int user_columns = ColumnCount(kPgUserColumns);
  return Run([&](PgConnection& c) -> StoreResult<SignedInSession> {
    PgTx tx(c, Kind::kRead);
    auto row = One(tx.Exec(sql, token_hash, now), [](const pqxx::row& r) {
      return SignedInSession{PgReadAuthSession(r, user_columns), PgReadUser(r)};
    });
    if (!row) return NotFound("token", "no such session, or it has ended");
    return *row;
  });
}

StoreStatus PostgresStore::DeleteAuthSession(std::string_view token_hash) {
  return Run([&](PgConnection& c) -> StoreStatus {
    PgTx tx(c, Kind::kWrite);
    tx.Exec("DELETE FROM auth_sessions WHERE token_hash = $1", token_hash);
    tx.Commit();
    return Done{};
  });
}

StoreResult<std::int64_t> PostgresStore::DeleteExpiredAuthSessions(std::string_view now) {
  if (auto problem = CheckUtcTime("now", now)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<std::int64_t> {
    PgTx tx(c, Kind::kWrite);
    auto deleted = tx.Exec("DELETE FROM auth_sessions WHERE expires_at <= $1", now).affected_rows();
    tx.Commit();
    return static_cast<std::int64_t>(deleted);
  });
}

StoreResult<ApiToken> PostgresStore::CreateApiToken(const ApiToken& token) {
  if (auto problem = ValidateApiToken(token)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<ApiToken> {
    PgTx tx(c, Kind::kWrite);
    if (auto e = PgCheckInClinic(tx, "users", "user_id", token.clinic_id, token.user_id)) {
      return *e;
    }
    ApiToken out = token;
    out.id = Scalar(
        tx.Exec("INSERT INTO api_tokens (user_id, clinic_id, name, token_hash, created_at, "
                "revoked) VALUES ($1, $2, $3, $4, $5, false) RETURNING id",
                token.user_id, token.clinic_id, token.name, token.token_hash, token.created_at));
    out.revoked = false;
    tx.Commit();
    return out;
  });
}

StoreResult<ApiToken> PostgresStore::GetApiTokenByHash(std::string_view token_hash) {
  return Run([&](PgConnection& c) -> StoreResult<ApiToken> {
    PgTx tx(c, Kind::kRead);
    auto row = One(tx.Exec("SELECT " + kPgApiTokenColumns +
                               " FROM api_tokens WHERE token_hash = $1 AND NOT revoked AND "
                               "user_id IN (SELECT id FROM users WHERE active)",
                           token_hash),
                   PgReadApiToken);
    if (!row) return NotFound("token", "no such token, or it was revoked");
    return *row;
  });
}

StoreResult<std::vector<ApiToken>> PostgresStore::ListApiTokens(Id clinic_id, Id user_id) {
  return Run([&](PgConnection& c) -> StoreResult<std::vector<ApiToken>> {
    PgTx tx(c, Kind::kRead);
    return All(tx.Exec("SELECT " + kPgApiTokenColumns +
                           " FROM api_tokens WHERE clinic_id = $1 AND user_id = $2 ORDER BY id",
                       clinic_id, user_id),
               PgReadApiToken);
  });
}

StoreStatus PostgresStore::RevokeApiToken(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) -> StoreStatus {
    PgTx tx(c, Kind::kWrite);
    auto changed = tx.Exec("UPDATE api_tokens SET revoked = true WHERE clinic_id = $1 AND id = $2",
                           clinic_id, id)
                       .affected_rows();
    if (changed == 0) return NotFound("id", "no such token in this clinic");
    tx.Commit();
    return Done{};
  });
}

}  // namespace sciaticare::store
