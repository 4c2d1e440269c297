// Clinics and users on the SQL session: their column lists and row readers.
#include "store/records/user_records.h"

#include <stdexcept>

#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

Clinic ReadClinic(const sql::Row& r) { return Clinic{r.Int64(0), r.Text(1)}; }

const std::string& SelectUsers() {
  static const std::string sql = "SELECT " + kUserColumns + " FROM users ";
  return sql;
}

// "email = ?" compared as the schema declares emails: case-insensitively.
std::string EmailIs(const sql::Session& s) {
  return s.CaseFolded("email") + " = " + s.CaseFolded("?");
}

}  // namespace

const std::string kUserColumns =
    "id, clinic_id, email, display_name, role, password_hash, patient_id, active";

User ReadUser(const sql::Row& r) {
  User u;
  u.id = r.Int64(0);
  u.clinic_id = r.Int64(1);
  u.email = r.Text(2);
  u.display_name = r.Text(3);
  auto role = ParseRole(r.Text(4));
  // The schema's CHECK constraint admits only known names.
  if (!role) throw std::runtime_error("unknown value in column role");
  u.role = *role;
  u.password_hash = r.Text(5);
  u.patient_id = r.OptInt64(6);
  u.active = r.Bool(7);
  return u;
}

StoreResult<Clinic> CreateClinic(sql::Session& s, const Clinic& clinic) {
  if (auto problem = ValidateClinic(clinic)) return *problem;
  // One statement, so no transaction of its own: it commits alone.
  Id id =
      s.Prepare("INSERT INTO clinics (name) VALUES (?) RETURNING id").Bind(clinic.name).Scalar();
  return Clinic{id, clinic.name};
}

StoreResult<Clinic> GetClinic(sql::Session& s, Id id) {
  auto row = s.Prepare("SELECT id, name FROM clinics WHERE id = ?").Bind(id).One(ReadClinic);
  if (!row) return NotFound("id", "no such clinic");
  return *row;
}

StoreResult<User> CreateUser(sql::Session& s, const User& user) {
  if (auto problem = ValidateUser(user)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckClinic(s, user.clinic_id)) return *e;
  if (user.patient_id) {
    if (auto e = CheckInClinic(s, "patients", "patient_id", user.clinic_id, *user.patient_id)) {
      return *e;
    }
  }
  User out = user;
  out.id = s.Prepare(
                "INSERT INTO users (clinic_id, email, display_name, role, password_hash, "
                "patient_id, active) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
               .Bind(user.clinic_id)
               .Bind(user.email)
               .Bind(user.display_name)
               .Bind(ToString(user.role))
               .Bind(user.password_hash)
               .Bind(user.patient_id)
               .BindBool(user.active)
               .Scalar();
  tx->Commit();
  return out;
}

StoreResult<User> GetUser(sql::Session& s, Id clinic_id, Id id) {
  auto row = s.Prepare(SelectUsers() + "WHERE clinic_id = ? AND id = ?")
                 .Bind(clinic_id)
                 .Bind(id)
                 .One(ReadUser);
  if (!row) return NotFound("id", "no such user in this clinic");
  return *row;
}

StoreResult<User> GetUserByEmail(sql::Session& s, Id clinic_id, std::string_view email) {
  auto row = s.Prepare(SelectUsers() + "WHERE clinic_id = ? AND " + EmailIs(s))
                 .Bind(clinic_id)
                 .Bind(email)
                 .One(ReadUser);
  if (!row) return NotFound("email", "no such user in this clinic");
  return *row;
}

StoreResult<User> FindUserByEmail(sql::Session& s, std::string_view email) {
  auto row = s.Prepare(SelectUsers() + "WHERE " + EmailIs(s)).Bind(email).One(ReadUser);
  if (!row) return NotFound("email", "no such user");
  return *row;
}

StoreResult<std::vector<User>> ListUsers(sql::Session& s, Id clinic_id) {
  return s.Prepare(SelectUsers() + "WHERE clinic_id = ? ORDER BY id").Bind(clinic_id).All(ReadUser);
}

StoreResult<User> UpdateUser(sql::Session& s, Id clinic_id, Id id, const UserUpdate& update) {
  if (update.password_hash && update.password_hash->empty()) {
    return Invalid("password_hash", "must not be empty");
  }
  auto tx = s.Begin(sql::TxKind::kWrite);
  auto user =
      s.Prepare(SelectUsers() + "WHERE clinic_id = ? AND id = ?" + std::string(s.LockRowsSuffix()))
          .Bind(clinic_id)
          .Bind(id)
          .One(ReadUser);
  if (!user) return NotFound("id", "no such user in this clinic");
  if (update.role && (*update.role == Role::kPatient) != (user->role == Role::kPatient)) {
    return Invalid("role", "a patient login cannot change role, nor become one");
  }
  auto q = s.Prepare(
      "UPDATE users SET role = COALESCE(?, role), active = COALESCE(?, active), "
      "password_hash = COALESCE(?, password_hash) WHERE clinic_id = ? AND id = ? RETURNING " +
      kUserColumns);
  if (update.role) {
    q.Bind(ToString(*update.role));
  } else {
    q.BindNull();
  }
  if (update.active) {
    q.BindBool(*update.active);
  } else {
    q.BindNull();
  }
  auto updated = q.Bind(update.password_hash).Bind(clinic_id).Bind(id).One(ReadUser);
  // A new password or a deactivated account ends every login of that user.
  if (update.password_hash || (update.active && !*update.active)) {
    s.Prepare("DELETE FROM auth_sessions WHERE clinic_id = ? AND user_id = ?")
        .Bind(clinic_id)
        .Bind(id)
        .Exec();
  }
  tx->Commit();
  return *updated;
}

}  // namespace sciaticare::store::records
