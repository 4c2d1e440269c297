// PostgreSQL store: the answers kept under Idempotency-Keys (Store::SaveIdempotentAnswer).
#include "store/postgres_query.h"
#include "store/validation.h"

namespace sciaticare::store {

StoreStatus PostgresStore::SaveIdempotentAnswer(const IdempotentAnswer& a,
                                                std::string_view forget_before) {
  if (auto problem = ValidateIdempotentAnswer(a)) return *problem;
  if (auto problem = CheckUtcTime("forget_before", forget_before)) return *problem;
  return Run([&](PgConnection& c) -> StoreStatus {
    PgTx tx(c, PgTx::Kind::kWrite);
    tx.Exec("DELETE FROM idempotency_keys WHERE created_at < $1", forget_before);
    // ON CONFLICT: a concurrent unit holding the same key makes this one wait
    // for it, then insert nothing, so exactly one of them keeps the key.
    const pqxx::result inserted = tx.Exec(
        "INSERT INTO idempotency_keys (user_id, key, clinic_id, request_hash, status, body, "
        "headers_json, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
        "ON CONFLICT (user_id, key) DO NOTHING RETURNING 1",
        a.user_id, a.key, a.clinic_id, a.request_hash, a.status, a.body, a.headers_json,
        a.created_at);
    if (inserted.empty())
      return Conflict("idempotency-key", "was already used for another request");
    tx.Commit();
    return Done{};
  });
}

StoreResult<IdempotentAnswer> PostgresStore::GetIdempotentAnswer(Id clinic_id, Id user_id,
                                                                 std::string_view key) {
  return Run([&](PgConnection& c) -> StoreResult<IdempotentAnswer> {
    PgTx tx(c, PgTx::Kind::kRead);
    auto row = One(tx.Exec("SELECT clinic_id, user_id, key, request_hash, status, body, "
                           "headers_json, created_at FROM idempotency_keys WHERE clinic_id = $1 "
                           "AND user_id = $2 AND key = $3",
                           clinic_id, user_id, key),
                   [](const pqxx::row& r) {
                     IdempotentAnswer a;
                     a.clinic_id = r[0].as<Id>();
                     a.user_id = r[1].as<Id>();
                     a.key = r[2].c_str();
                     a.request_hash = r[3].c_str();
                     a.status = r[4].as<int>();
                     a.body = r[5].c_str();
                     a.headers_json = r[6].c_str();
                     a.created_at = r[7].c_str();
                     return a;
                   });
    if (!row) return NotFound("idempotency-key", "no answer kept under this key");
    return *row;
  });
}

}  // namespace sciaticare::store
