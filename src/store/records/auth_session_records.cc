// Sign-in sessions on the SQL session: their column list and row reader. A
// session is only found while its user is active, so deactivating a user
// ends their sessions even before they are deleted.
#include "store/records/auth_session_records.h"

#include <optional>
#include <string>

#include "store/records/record_checks.h"
#include "store/records/user_records.h"
#include "store/sql_columns.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kAuthSessionColumns =
    "token_hash, user_id, clinic_id, csrf_token, created_at, expires_at, last_seen_at";

// `first`: the index of its first column, for a row that starts with others.
AuthSession ReadAuthSession(const sql::Row& r, int first) {
  return AuthSession{r.Text(first),     r.Int64(first + 1), r.Int64(first + 2), r.Text(first + 3),
                     r.Text(first + 4), r.Text(first + 5),  r.Text(first + 6)};
}

// The session of a token hash (?) unexpired at a time (?), with its active
// user: one statement, so one snapshot, alone or among a screen's reads.
const std::string& SignedInSessionSql() {
  static const std::string sql =
      "SELECT " + QualifiedColumns(kUserColumns, "u") + ", " +
      QualifiedColumns(kAuthSessionColumns, "s") +
      " FROM auth_sessions s JOIN users u ON u.id = s.user_id AND u.clinic_id = s.clinic_id "
      "WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = TRUE";
  return sql;
}

SignedInSession ReadSignedInSession(const sql::Row& r) {
  static const int user_columns = ColumnCount(kUserColumns);
  return SignedInSession{ReadAuthSession(r, user_columns), ReadUser(r)};
}

}  // namespace

StoreStatus CreateAuthSession(sql::Session& s, const AuthSession& session) {
  if (auto problem = ValidateAuthSession(session)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckInClinic(s, "users", "user_id", session.clinic_id, session.user_id)) return *e;
  s.Prepare("INSERT INTO auth_sessions (" + kAuthSessionColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
      .Bind(session.token_hash)
      .Bind(session.user_id)
      .Bind(session.clinic_id)
      .Bind(session.csrf_token)
      .Bind(session.created_at)
      .Bind(session.expires_at)
      .Bind(session.last_seen_at.empty() ? session.created_at : session.last_seen_at)
      .Exec();
  tx->Commit();
  return Done{};
}

StoreResult<SignedInSession> GetAuthSession(sql::Session& s, std::string_view token_hash,
                                            std::string_view now) {
  if (auto problem = CheckUtcTime("now", now)) return *problem;
  auto row = s.Prepare(SignedInSessionSql()).Bind(token_hash).Bind(now).One(ReadSignedInSession);
  if (!row) return NotFound("token", "no such session, or it has ended");
  return *row;
}

Problem CheckSignInToConfirm(const SignInConfirmation* sign_in) {
  return sign_in != nullptr ? CheckUtcTime("now", sign_in->now) : std::nullopt;
}

std::string WithSignedInSessionSql(const std::string& one_row_sql) {
  // The one-row base keeps the row when either part has none.
  return "SELECT r.*, signed_in.* FROM (SELECT 1 AS one) base LEFT JOIN (" + one_row_sql +
         ") r ON TRUE LEFT JOIN (" + SignedInSessionSql() + ") signed_in ON TRUE";
}

void AppendSignInParams(const SignInConfirmation& sign_in, std::vector<sql::BatchParam>& params) {
  params.emplace_back(sign_in.token_hash);
  params.emplace_back(sign_in.now);
}

void ReadSignInColumns(const sql::Row& row, SignInConfirmation& sign_in) {
  // The user's id (its first column) is never NULL in a sign-in that was found.
  sign_in.found = row.IsNull(0) ? std::nullopt : std::optional(ReadSignedInSession(row));
  sign_in.read = true;
}

StoreStatus DeleteAuthSession(sql::Session& s, std::string_view token_hash) {
  s.Prepare("DELETE FROM auth_sessions WHERE token_hash = ?").Bind(token_hash).Exec();
  return Done{};
}

StoreResult<std::int64_t> DeleteExpiredAuthSessions(sql::Session& s, std::string_view now) {
  if (auto problem = CheckUtcTime("now", now)) return *problem;
  return s.Prepare("DELETE FROM auth_sessions WHERE expires_at <= ?").Bind(now).Exec();
}

}  // namespace sciaticare::store::records
