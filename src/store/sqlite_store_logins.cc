// SQLite store: the login attempts behind the login throttle, and the last
// use of a login session (its idle limit).
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {

StoreStatus SqliteStore::TouchAuthSession(std::string_view token_hash, std::string_view seen_at) {
  if (auto problem = CheckUtcTime("seen_at", seen_at)) return *problem;
  return Writing([&]() -> StoreStatus {
    Prepare(
        "UPDATE auth_sessions SET last_seen_at = :seen "
        "WHERE token_hash = :hash AND last_seen_at < :seen")
        .Bind(":seen", seen_at)
        .Bind(":hash", token_hash)
        .Exec();
    return Done{};
  });
}

StoreStatus SqliteStore::RecordLoginAttempt(const LoginAttempt& attempt,
                                            std::string_view prune_before) {
  if (auto problem = ValidateLoginAttempt(attempt)) return *problem;
  if (auto problem = CheckUtcTime("prune_before", prune_before)) return *problem;
  return Writing([&]() -> StoreStatus {
    SqliteTransaction tx;
    Prepare(
        "INSERT INTO login_attempts (email_hash, remote_addr, at, succeeded) "
        "VALUES (:email, :addr, :at, :ok)")
        .Bind(":email", attempt.email_hash)
        .Bind(":addr", attempt.remote_addr)
        .Bind(":at", attempt.at)
        .BindBool(":ok", attempt.succeeded)
        .Exec();
    Prepare("DELETE FROM login_attempts WHERE at < :before").Bind(":before", prune_before).Exec();
    tx.commit();
    return Done{};
  });
}

StoreResult<LoginFailures> SqliteStore::CountLoginFailures(std::string_view email_hash,
                                                           std::string_view remote_addr,
                                                           std::string_view since) {
  if (auto problem = CheckUtcTime("since", since)) return *problem;
  return Reading([&]() -> StoreResult<LoginFailures> {
    SqliteTransaction tx;  // One snapshot for both counts.
    LoginFailures out;
    Prepare(
        "SELECT COUNT(*), COALESCE(MAX(at), '') FROM login_attempts "
        "WHERE email_hash = :email AND remote_addr = :addr AND at >= :since AND succeeded = 0 "
        "AND id > (SELECT COALESCE(MAX(id), 0) FROM login_attempts "
        "          WHERE email_hash = :email AND remote_addr = :addr AND succeeded = 1)")
        .Bind(":email", email_hash)
        .Bind(":addr", remote_addr)
        .Bind(":since", since)
        .One([&](SQLite::Statement& s) {
          out.pair = s.getColumn(0).getInt64();
          out.pair_last_at = s.getColumn(1).getString();
          return 0;
        });
    Prepare(
        "SELECT COUNT(*), COALESCE(MAX(at), '') FROM login_attempts "
        "WHERE remote_addr = :addr AND at >= :since AND succeeded = 0")
        .Bind(":addr", remote_addr)
        .Bind(":since", since)
        .One([&](SQLite::Statement& s) {
          out.address = s.getColumn(0).getInt64();
          out.address_last_at = s.getColumn(1).getString();
          return 0;
        });
    tx.commit();
    return out;
  });
}

}  // namespace sciaticare::store
