// The answers kept under Idempotency-Keys on the SQL session.
#include "store/records/idempotency_records.h"

#include "store/validation.h"

namespace sciaticare::store::records {

StoreStatus SaveIdempotentAnswer(sql::Session& s, const IdempotentAnswer& a,
                                 std::string_view forget_before, bool forget_now) {
  if (auto problem = ValidateIdempotentAnswer(a)) return *problem;
  if (auto problem = CheckUtcTime("forget_before", forget_before)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (forget_now) {
    s.Prepare("DELETE FROM idempotency_keys WHERE created_at < ?").Bind(forget_before).Exec();
  }
  // ON CONFLICT rather than the primary key refusing it: the error then names
  // the header the client sent, and on PostgreSQL a concurrent unit holding
  // the same key makes this one wait for it, then insert nothing, so exactly
  // one of them keeps the key.
  const bool inserted =
      s.Prepare(
           "INSERT INTO idempotency_keys (user_id, key, clinic_id, request_hash, status, body, "
           "headers_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
           "ON CONFLICT (user_id, key) DO NOTHING RETURNING 1")
          .Bind(a.user_id)
          .Bind(a.key)
          .Bind(a.clinic_id)
          .Bind(a.request_hash)
          .Bind(a.status)
          .Bind(a.body)
          .Bind(a.headers_json)
          .Bind(a.created_at)
          .Scalar() != 0;
  if (!inserted) return Conflict("idempotency-key", "was already used for another request");
  tx->Commit();
  return Done{};
}

StoreResult<IdempotentAnswer> GetIdempotentAnswer(sql::Session& s, Id clinic_id, Id user_id,
                                                  std::string_view key) {
  auto row = s.Prepare(
                  "SELECT clinic_id, user_id, key, request_hash, status, body, headers_json, "
                  "created_at FROM idempotency_keys WHERE clinic_id = ? AND user_id = ? AND "
                  "key = ?")
                 .Bind(clinic_id)
                 .Bind(user_id)
                 .Bind(key)
                 .One([](const sql::Row& r) {
                   IdempotentAnswer a;
                   a.clinic_id = r.Int64(0);
                   a.user_id = r.Int64(1);
                   a.key = r.Text(2);
                   a.request_hash = r.Text(3);
                   a.status = r.Int(4);
                   a.body = r.Text(5);
                   a.headers_json = r.Text(6);
                   a.created_at = r.Text(7);
                   return a;
                 });
  if (!row) return NotFound("idempotency-key", "no answer kept under this key");
  return *row;
}

}  // namespace sciaticare::store::records
