// API tokens on the SQL session: their column list and row reader. A token
// works only while it is not revoked and its user is active.
#include "store/records/api_token_records.h"

#include <string>

#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kApiTokenColumns =
    "id, user_id, clinic_id, name, token_hash, created_at, revoked";

ApiToken ReadApiToken(const sql::Row& r) {
  return ApiToken{r.Int64(0), r.Int64(1), r.Int64(2), r.Text(3), r.Text(4), r.Text(5), r.Bool(6)};
}

}  // namespace

StoreResult<ApiToken> CreateApiToken(sql::Session& s, const ApiToken& token) {
  if (auto problem = ValidateApiToken(token)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckInClinic(s, "users", "user_id", token.clinic_id, token.user_id)) return *e;
  ApiToken out = token;
  out.id = s.Prepare(
                "INSERT INTO api_tokens (user_id, clinic_id, name, token_hash, created_at, "
                "revoked) VALUES (?, ?, ?, ?, ?, FALSE) RETURNING id")
               .Bind(token.user_id)
               .Bind(token.clinic_id)
               .Bind(token.name)
               .Bind(token.token_hash)
               .Bind(token.created_at)
               .Scalar();
  out.revoked = false;
  tx->Commit();
  return out;
}

StoreResult<ApiToken> GetApiTokenByHash(sql::Session& s, std::string_view token_hash) {
  auto row = s.Prepare("SELECT " + kApiTokenColumns +
                       " FROM api_tokens WHERE token_hash = ? AND revoked = FALSE AND "
                       "EXISTS (SELECT 1 FROM users WHERE users.id = api_tokens.user_id AND "
                       "users.active = TRUE)")
                 .Bind(token_hash)
                 .One(ReadApiToken);
  if (!row) return NotFound("token", "no such token, or it was revoked");
  return *row;
}

StoreResult<std::vector<ApiToken>> ListApiTokens(sql::Session& s, Id clinic_id, Id user_id) {
  return s
      .Prepare("SELECT " + kApiTokenColumns +
               " FROM api_tokens WHERE clinic_id = ? AND user_id = ? ORDER BY id")
      .Bind(clinic_id)
      .Bind(user_id)
      .All(ReadApiToken);
}

StoreStatus RevokeApiToken(sql::Session& s, Id clinic_id, Id id) {
  std::int64_t changed =
      s.Prepare("UPDATE api_tokens SET revoked = TRUE WHERE clinic_id = ? AND id = ?")
          .Bind(clinic_id)
          .Bind(id)
          .Exec();
  if (changed == 0) return NotFound("id", "no such token in this clinic");
  return Done{};
}

}  // namespace sciaticare::store::records
