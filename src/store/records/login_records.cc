// Login attempts and session touches on the SQL session. Booleans are
// compared with TRUE/FALSE, which SQLite reads as 1/0 (its stored form), so
// its indexes serve the same SQL PostgreSQL runs.
#include "store/records/login_records.h"

#include "store/validation.h"

namespace sciaticare::store::records {

StoreStatus TouchAuthSession(sql::Session& s, std::string_view token_hash,
                             std::string_view seen_at) {
  if (auto problem = CheckUtcTime("seen_at", seen_at)) return *problem;
  // One statement, so no transaction of its own: it commits alone.
  s.Prepare("UPDATE auth_sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?")
      .Bind(seen_at)
      .Bind(token_hash)
      .Bind(seen_at)
      .Exec();
  return Done{};
}

StoreStatus RecordLoginAttempt(sql::Session& s, const LoginAttempt& attempt,
                               std::string_view prune_before) {
  if (auto problem = ValidateLoginAttempt(attempt)) return *problem;
  if (auto problem = CheckUtcTime("prune_before", prune_before)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  s.Prepare(
       "INSERT INTO login_attempts (email_hash, remote_addr, at, succeeded) VALUES (?, ?, ?, ?)")
      .Bind(attempt.email_hash)
      .Bind(attempt.remote_addr)
      .Bind(attempt.at)
      .BindBool(attempt.succeeded)
      .Exec();
  s.Prepare("DELETE FROM login_attempts WHERE at < ?").Bind(prune_before).Exec();
  tx->Commit();
  return Done{};
}

StoreResult<LoginFailures> CountLoginFailures(sql::Session& s, std::string_view email_hash,
                                              std::string_view remote_addr,
                                              std::string_view since) {
  if (auto problem = CheckUtcTime("since", since)) return *problem;
  auto tx = s.Begin(sql::TxKind::kRead);  // One snapshot for both counts.
  LoginFailures out;
  s.Prepare(
       "SELECT COUNT(*), COALESCE(MAX(at), '') FROM login_attempts "
       "WHERE email_hash = ? AND remote_addr = ? AND at >= ? AND succeeded = FALSE "
       "AND id > (SELECT COALESCE(MAX(id), 0) FROM login_attempts "
       "          WHERE email_hash = ? AND remote_addr = ? AND succeeded = TRUE)")
      .Bind(email_hash)
      .Bind(remote_addr)
      .Bind(since)
      .Bind(email_hash)
      .Bind(remote_addr)
      .One([&](const sql::Row& r) {
        out.pair = r.Int64(0);
        out.pair_last_at = r.Text(1);
        return 0;
      });
  s.Prepare(
       "SELECT COUNT(*), COALESCE(MAX(at), '') FROM login_attempts "
       "WHERE remote_addr = ? AND at >= ? AND succeeded = FALSE")
      .Bind(remote_addr)
      .Bind(since)
      .One([&](const sql::Row& r) {
        out.address = r.Int64(0);
        out.address_last_at = r.Text(1);
        return 0;
      });
  return out;
}

}  // namespace sciaticare::store::records
