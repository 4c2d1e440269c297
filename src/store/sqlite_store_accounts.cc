// SQLite store: clinics, users, therapist profiles, login sessions and API tokens.
#include "store/sql_columns.h"
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

const std::string& SelectUsers() {
  static const std::string sql = "SELECT " + kUserColumns + " FROM users ";
  return sql;
}

}  // namespace

StoreResult<Clinic> SqliteStore::CreateClinic(const Clinic& clinic) {
  if (auto problem = ValidateClinic(clinic)) return *problem;
  return Writing([&]() -> StoreResult<Clinic> {
    Prepare("INSERT INTO clinics (name) VALUES (:name)").Bind(":name", clinic.name).Exec();
    return Clinic{Db().getLastInsertRowid(), clinic.name};
  });
}

StoreResult<Clinic> SqliteStore::GetClinic(Id id) {
  return Reading([&]() -> StoreResult<Clinic> {
    auto row = Prepare("SELECT " + kClinicColumns + " FROM clinics WHERE id = :id")
                   .Bind(":id", id)
                   .One(ReadClinic);
    if (!row) return NotFound("id", "no such clinic");
    return *row;
  });
}

StoreResult<User> SqliteStore::CreateUser(const User& user) {
  if (auto problem = ValidateUser(user)) return *problem;
  return Writing([&]() -> StoreResult<User> {
    if (Prepare("SELECT 1 FROM clinics WHERE id = :id").Bind(":id", user.clinic_id).Scalar() == 0) {
      return NotFound("clinic_id", "no such clinic");
    }
    if (user.patient_id) {
      if (auto e = CheckInClinic("patients", "patient_id", user.clinic_id, *user.patient_id)) {
        return *e;
      }
    }
    Prepare(
        "INSERT INTO users (clinic_id, email, display_name, role, password_hash, patient_id, "
        "active) VALUES (:clinic, :email, :name, :role, :hash, :patient, :active)")
        .Bind(":clinic", user.clinic_id)
        .Bind(":email", user.email)
        .Bind(":name", user.display_name)
        .Bind(":role", ToString(user.role))
        .Bind(":hash", user.password_hash)
        .Bind(":patient", user.patient_id)
        .BindBool(":active", user.active)
        .Exec();
    User out = user;
    out.id = Db().getLastInsertRowid();
    return out;
  });
}

StoreResult<User> SqliteStore::GetUser(Id clinic_id, Id id) {
  return Reading([&]() -> StoreResult<User> {
    auto row = Prepare(SelectUsers() + "WHERE clinic_id = :clinic AND id = :id")
                   .Bind(":clinic", clinic_id)
                   .Bind(":id", id)
                   .One(ReadUser);
    if (!row) return NotFound("id", "no such user in this clinic");
    return *row;
  });
}

StoreResult<User> SqliteStore::GetUserByEmail(Id clinic_id, std::string_view email) {
  return Reading([&]() -> StoreResult<User> {
    auto row = Prepare(SelectUsers() + "WHERE clinic_id = :clinic AND email = :email")
                   .Bind(":clinic", clinic_id)
                   .Bind(":email", email)
                   .One(ReadUser);
    if (!row) return NotFound("email", "no such user in this clinic");
    return *row;
  });
}

StoreResult<User> SqliteStore::FindUserByEmail(std::string_view email) {
  return Reading([&]() -> StoreResult<User> {
    auto row = Prepare(SelectUsers() + "WHERE email = :email").Bind(":email", email).One(ReadUser);
    if (!row) return NotFound("email", "no such user");
    return *row;
  });
}

StoreResult<std::vector<User>> SqliteStore::ListUsers(Id clinic_id) {
  return Reading([&]() -> StoreResult<std::vector<User>> {
    return Prepare(SelectUsers() + "WHERE clinic_id = :clinic ORDER BY id")
        .Bind(":clinic", clinic_id)
        .All(ReadUser);
  });
}

StoreResult<User> SqliteStore::UpdateUser(Id clinic_id, Id id, const UserUpdate& update) {
  if (update.password_hash && update.password_hash->empty()) {
    return Invalid("password_hash", "must not be empty");
  }
  return Writing([&]() -> StoreResult<User> {
    SqliteTransaction tx(SqliteTransaction::Kind::kImmediate);
    auto user = Prepare(SelectUsers() + "WHERE clinic_id = :clinic AND id = :id")
                    .Bind(":clinic", clinic_id)
                    .Bind(":id", id)
                    .One(ReadUser);
    if (!user) return NotFound("id", "no such user in this clinic");
    if (update.role && (*update.role == Role::kPatient) != (user->role == Role::kPatient)) {
      return Invalid("role", "a patient login cannot change role, nor become one");
    }
    Prepare(
        "UPDATE users SET role = COALESCE(:role, role), active = COALESCE(:active, active), "
        "password_hash = COALESCE(:hash, password_hash) WHERE clinic_id = :clinic AND id = :id")
        .Bind(":role",
              update.role ? std::optional<std::string_view>(ToString(*update.role)) : std::nullopt)
        .Bind(":active", update.active ? std::optional<int>(*update.active ? 1 : 0) : std::nullopt)
        .Bind(":hash", update.password_hash)
        .Bind(":clinic", clinic_id)
        .Bind(":id", id)
        .Exec();
    // A new password or a deactivated account ends every login of that user.
    if (update.password_hash || (update.active && !*update.active)) {
      Prepare("DELETE FROM auth_sessions WHERE user_id = :id").Bind(":id", id).Exec();
    }
    auto updated = Prepare(SelectUsers() + "WHERE id = :id").Bind(":id", id).One(ReadUser);
    tx.commit();
    return *updated;
  });
}

std::optional<TherapistProfile> SqliteStore::ReadProfile(Id clinic_id, Id user_id) {
  auto profile =
      Prepare(
          "SELECT user_id, clinic_id, years_experience, sciatica_experience_years, bio FROM "
          "therapist_profiles WHERE clinic_id = :clinic AND user_id = :user")
          .Bind(":clinic", clinic_id)
          .Bind(":user", user_id)
          .One([](SQLite::Statement& s) {
            TherapistProfile p;
            p.user_id = s.getColumn(0).getInt64();
            p.clinic_id = s.getColumn(1).getInt64();
            p.years_experience = s.getColumn(2).getInt();
            p.sciatica_experience_years = s.getColumn(3).getInt();
            p.bio = s.getColumn(4).getString();
            return p;
          });
  if (profile) {
    profile->modalities =
        Prepare(
            "SELECT technique_id FROM therapist_modalities WHERE user_id = :user ORDER BY "
            "position")
            .Bind(":user", user_id)
            .All([](SQLite::Statement& s) { return s.getColumn(0).getString(); });
  }
  return profile;
}

StoreResult<TherapistProfile> SqliteStore::UpsertTherapistProfile(const TherapistProfile& p) {
  if (auto problem = ValidateTherapistProfile(p)) return *problem;
  return Writing([&]() -> StoreResult<TherapistProfile> {
    SqliteTransaction tx(SqliteTransaction::Kind::kImmediate);
    if (auto e = CheckTherapist("user_id", p.clinic_id, p.user_id)) return *e;
    Prepare(
        "INSERT INTO therapist_profiles (user_id, clinic_id, years_experience, "
        "sciatica_experience_years, bio) VALUES (:user, :clinic, :years, :sciatica, :bio) "
        "ON CONFLICT (user_id) DO UPDATE SET years_experience = excluded.years_experience, "
        "sciatica_experience_years = excluded.sciatica_experience_years, bio = excluded.bio")
        .Bind(":user", p.user_id)
        .Bind(":clinic", p.clinic_id)
        .Bind(":years", p.years_experience)
        .Bind(":sciatica", p.sciatica_experience_years)
        .Bind(":bio", p.bio)
        .Exec();
    Prepare("DELETE FROM therapist_modalities WHERE user_id = :user")
        .Bind(":user", p.user_id)
        .Exec();
    for (std::size_t i = 0; i < p.modalities.size(); ++i) {
      Prepare(
          "INSERT INTO therapist_modalities (user_id, position, technique_id) VALUES (:user, "
          ":position, :technique)")
          .Bind(":user", p.user_id)
          .Bind(":position", static_cast<int>(i))
          .Bind(":technique", p.modalities[i])
          .Exec();
    }
    auto stored = ReadProfile(p.clinic_id, p.user_id);
    tx.commit();
    return *stored;
  });
}

StoreResult<TherapistProfile> SqliteStore::GetTherapistProfile(Id clinic_id, Id user_id) {
  return Reading([&]() -> StoreResult<TherapistProfile> {
    auto profile = ReadProfile(clinic_id, user_id);
    if (!profile) return NotFound("user_id", "no therapist profile for this user in this clinic");
    return *profile;
  });
}

StoreResult<std::vector<TherapistProfile>> SqliteStore::ListTherapistProfiles(Id clinic_id) {
  return Reading([&]() -> StoreResult<std::vector<TherapistProfile>> {
    SqliteTransaction tx;  // One snapshot for the list and its modalities.
    auto ids =
        Prepare("SELECT user_id FROM therapist_profiles WHERE clinic_id = :clinic ORDER BY user_id")
            .Bind(":clinic", clinic_id)
            .All([](SQLite::Statement& s) { return s.getColumn(0).getInt64(); });
    std::vector<TherapistProfile> out;
    out.reserve(ids.size());
    for (Id id : ids) out.push_back(*ReadProfile(clinic_id, id));
    tx.commit();
    return out;
  });
}

StoreStatus SqliteStore::CreateAuthSession(const AuthSession& session) {
  if (auto problem = ValidateAuthSession(session)) return *problem;
  return Writing([&]() -> StoreStatus {
    if (auto e = CheckInClinic("users", "user_id", session.clinic_id, session.user_id)) return *e;
    Prepare("INSERT INTO auth_sessions (" + kAuthSessionColumns +
            ") VALUES (:hash, :user, :clinic, :csrf, :created, :expires, :seen)")
        .Bind(":hash", session.token_hash)
        .Bind(":user", session.user_id)
        .Bind(":clinic", session.clinic_id)
        .Bind(":csrf", session.csrf_token)
        .Bind(":created", session.created_at)
        .Bind(":expires", session.expires_at)
        .Bind(":seen", session.last_seen_at.empty() ? session.created_at : session.last_seen_at)
        .Exec();
    return Done{};
  });
}

StoreResult<SignedInSession> SqliteStore::GetAuthSession(std::string_view token_hash,
                                                         std::string_view now) {
  if (auto problem = CheckUtcTime("now", now)) return *problem;
  static const std::string sql =
      "SELECT " + QualifiedColumns(kUserColumns, "u") + ", " +
      QualifiedColumns(kAuthSessionColumns, "s") +
      " FROM auth_sessions s JOIN users u ON u.id = s.user_id AND u.clinic_id = s.clinic_id "
      "WHERE s.token_hash = :hash AND s.expires_at > :now AND u.active = 1";
  static const int user_columns = ColumnCount(kUserColumns);
  return Reading([&]() -> StoreResult<SignedInSession> {
    auto row = Prepare(sql).Bind(":hash", token_hash).Bind(":now", now).One([](auto& s) {
      return SignedInSession{ReadAuthSession(s, user_columns), ReadUser(s)};
    });
    if (!row) return NotFound("token", "no such session, or it has ended");
    return *row;
  });
}

StoreStatus SqliteStore::DeleteAuthSession(std::string_view token_hash) {
  return Writing([&]() -> StoreStatus {
    Prepare("DELETE FROM auth_sessions WHERE token_hash = :hash").Bind(":hash", token_hash).Exec();
    return Done{};
  });
}

StoreResult<std::int64_t> SqliteStore::DeleteExpiredAuthSessions(std::string_view now) {
  if (auto problem = CheckUtcTime("now", now)) return *problem;
  return Writing([&]() -> StoreResult<std::int64_t> {
    return std::int64_t{
        Prepare("DELETE FROM auth_sessions WHERE expires_at <= :now").Bind(":now", now).Exec()};
  });
}

StoreResult<ApiToken> SqliteStore::CreateApiToken(const ApiToken& token) {
  if (auto problem = ValidateApiToken(token)) return *problem;
  return Writing([&]() -> StoreResult<ApiToken> {
    if (auto e = CheckInClinic("users", "user_id", token.clinic_id, token.user_id)) return *e;
    Prepare(
        "INSERT INTO api_tokens (user_id, clinic_id, name, token_hash, created_at, revoked) "
        "VALUES (:user, :clinic, :name, :hash, :created, 0)")
        .Bind(":user", token.user_id)
        .Bind(":clinic", token.clinic_id)
        .Bind(":name", token.name)
        .Bind(":hash", token.token_hash)
        .Bind(":created", token.created_at)
        .Exec();
    ApiToken out = token;
    out.id = Db().getLastInsertRowid();
    out.revoked = false;
    return out;
  });
}

StoreResult<ApiToken> SqliteStore::GetApiTokenByHash(std::string_view token_hash) {
  return Reading([&]() -> StoreResult<ApiToken> {
    auto row = Prepare("SELECT " + kApiTokenColumns +
                       " FROM api_tokens WHERE token_hash = :hash AND revoked = 0 AND "
                       "EXISTS (SELECT 1 FROM users WHERE users.id = api_tokens.user_id AND "
                       "users.active = 1)")
                   .Bind(":hash", token_hash)
                   .One(ReadApiToken);
    if (!row) return NotFound("token", "no such token, or it was revoked");
    return *row;
  });
}

StoreResult<std::vector<ApiToken>> SqliteStore::ListApiTokens(Id clinic_id, Id user_id) {
  return Reading([&]() -> StoreResult<std::vector<ApiToken>> {
    return Prepare("SELECT " + kApiTokenColumns +
                   " FROM api_tokens WHERE clinic_id = :clinic AND user_id = :user ORDER BY id")
        .Bind(":clinic", clinic_id)
        .Bind(":user", user_id)
        .All(ReadApiToken);
  });
}

StoreStatus SqliteStore::RevokeApiToken(Id clinic_id, Id id) {
  return Writing([&]() -> StoreStatus {
    int changed =
        Prepare("UPDATE api_tokens SET revoked = 1 WHERE clinic_id = :clinic AND id = :id")
            .Bind(":clinic", clinic_id)
            .Bind(":id", id)
            .Exec();
    if (changed == 0) return NotFound("id", "no such token in this clinic");
    return Done{};
  });
}

}  // namespace sciaticare::store
