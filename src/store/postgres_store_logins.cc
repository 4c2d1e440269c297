// PostgreSQL store: the login attempts behind the login throttle, and the
// last use of a login session (its idle limit).
#include "store/postgres_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

using Kind = PgTx::Kind;

}  // namespace

StoreStatus PostgresStore::TouchAuthSession(std::string_view token_hash, std::string_view seen_at) {
  if (auto problem = CheckUtcTime("seen_at", seen_at)) return *problem;
  return Run([&](PgConnection& c) -> StoreStatus {
    PgTx tx(c, Kind::kWrite);
    tx.Exec(
        "UPDATE auth_sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2",
        token_hash, seen_at);
    tx.Commit();
    return Done{};
  });
}

StoreStatus PostgresStore::RecordLoginAttempt(const LoginAttempt& attempt,
                                              std::string_view prune_before) {
  if (auto problem = ValidateLoginAttempt(attempt)) return *problem;
  if (auto problem = CheckUtcTime("prune_before", prune_before)) return *problem;
  return Run([&](PgConnection& c) -> StoreStatus {
    PgTx tx(c, Kind::kWrite);
    tx.Exec(
        "INSERT INTO login_attempts (email_hash, remote_addr, at, succeeded) "
        "VALUES ($1, $2, $3, $4)",
        attempt.email_hash, attempt.remote_addr, attempt.at, attempt.succeeded);
    tx.Exec("DELETE FROM login_attempts WHERE at < $1", prune_before);
    tx.Commit();
    return Done{};
  });
}

StoreResult<LoginFailures> PostgresStore::CountLoginFailures(std::string_view email_hash,
                                                             std::string_view remote_addr,
                                                             std::string_view since) {
  if (auto problem = CheckUtcTime("since", since)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<LoginFailures> {
    PgTx tx(c, Kind::kRead);
    LoginFailures out;
    const pqxx::result pair = tx.Exec(
        "SELECT COUNT(*), COALESCE(MAX(at), '') FROM login_attempts "
        "WHERE email_hash = $1 AND remote_addr = $2 AND at >= $3 AND NOT succeeded "
        "AND id > (SELECT COALESCE(MAX(id), 0) FROM login_attempts "
        "          WHERE email_hash = $1 AND remote_addr = $2 AND succeeded)",
        email_hash, remote_addr, since);
    out.pair = pair[0][0].as<std::int64_t>();
    out.pair_last_at = pair[0][1].as<std::string>();
    const pqxx::result address = tx.Exec(
        "SELECT COUNT(*), COALESCE(MAX(at), '') FROM login_attempts "
        "WHERE remote_addr = $1 AND at >= $2 AND NOT succeeded",
        remote_addr, since);
    out.address = address[0][0].as<std::int64_t>();
    out.address_last_at = address[0][1].as<std::string>();
    return out;
  });
}

}  // namespace sciaticare::store
