// SQLite store: the answers kept under Idempotency-Keys (Store::SaveIdempotentAnswer).
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {

StoreStatus SqliteStore::SaveIdempotentAnswer(const IdempotentAnswer& a,
                                              std::string_view forget_before) {
  if (auto problem = ValidateIdempotentAnswer(a)) return *problem;
  if (auto problem = CheckUtcTime("forget_before", forget_before)) return *problem;
  return Writing([&]() -> StoreStatus {
    SqliteTransaction tx(SqliteTransaction::Kind::kImmediate);
    Prepare("DELETE FROM idempotency_keys WHERE created_at < :before")
        .Bind(":before", forget_before)
        .Exec();
    // A key already kept is refused here rather than by the primary key, so
    // the error names the header the client sent.
    if (Prepare("SELECT 1 FROM idempotency_keys WHERE user_id = :user AND key = :key")
            .Bind(":user", a.user_id)
            .Bind(":key", a.key)
            .Scalar() != 0) {
      return Conflict("idempotency-key", "was already used for another request");
    }
    Prepare(
        "INSERT INTO idempotency_keys (user_id, key, clinic_id, request_hash, status, body, "
        "headers_json, created_at) VALUES (:user, :key, :clinic, :hash, :status, :body, "
        ":headers, :created)")
        .Bind(":user", a.user_id)
        .Bind(":key", a.key)
        .Bind(":clinic", a.clinic_id)
        .Bind(":hash", a.request_hash)
        .Bind(":status", a.status)
        .Bind(":body", a.body)
        .Bind(":headers", a.headers_json)
        .Bind(":created", a.created_at)
        .Exec();
    tx.commit();
    return Done{};
  });
}

StoreResult<IdempotentAnswer> SqliteStore::GetIdempotentAnswer(Id clinic_id, Id user_id,
                                                               std::string_view key) {
  return Reading([&]() -> StoreResult<IdempotentAnswer> {
    auto row = Prepare(
                   "SELECT clinic_id, user_id, key, request_hash, status, body, headers_json, "
                   "created_at FROM idempotency_keys WHERE clinic_id = :clinic AND "
                   "user_id = :user AND key = :key")
                   .Bind(":clinic", clinic_id)
                   .Bind(":user", user_id)
                   .Bind(":key", key)
                   .One([](SQLite::Statement& s) {
                     IdempotentAnswer a;
                     a.clinic_id = s.getColumn(0).getInt64();
                     a.user_id = s.getColumn(1).getInt64();
                     a.key = s.getColumn(2).getString();
                     a.request_hash = s.getColumn(3).getString();
                     a.status = s.getColumn(4).getInt();
                     a.body = s.getColumn(5).getString();
                     a.headers_json = s.getColumn(6).getString();
                     a.created_at = s.getColumn(7).getString();
                     return a;
                   });
    if (!row) return NotFound("idempotency-key", "no answer kept under this key");
    return *row;
  });
}

}  // namespace sciaticare::store
