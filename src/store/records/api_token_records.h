// API tokens (stored as a hash, revoked but never deleted), written once for
// both stores over the SQL session; throws what the session throws (the store
// maps it).
#pragma once

#include <string_view>
#include <vector>

#include "store/sql/sql_session.h"
#include "store/store.h"

namespace sciaticare::store::records {

// The Store methods of the same names (store.h states their contracts).
StoreResult<ApiToken> CreateApiToken(sql::Session& s, const ApiToken& token);
StoreResult<ApiToken> GetApiTokenByHash(sql::Session& s, std::string_view token_hash);
StoreResult<std::vector<ApiToken>> ListApiTokens(sql::Session& s, Id clinic_id, Id user_id);
StoreStatus RevokeApiToken(sql::Session& s, Id clinic_id, Id id);

}  // namespace sciaticare::store::records
