// The answers kept under Idempotency-Keys, written once for both stores over
// the SQL session; throws what the session throws (the store maps it).
#pragma once

#include <string_view>

#include "store/sql/sql_session.h"
#include "store/store.h"

namespace sciaticare::store::records {

// The Store methods of the same names (audit_store.h states their
// contracts); Save removes the answers made before `forget_before` only when
// `forget_now` (RecordStore decides when it is time).
StoreStatus SaveIdempotentAnswer(sql::Session& s, const IdempotentAnswer& answer,
                                 std::string_view forget_before, bool forget_now);
StoreResult<IdempotentAnswer> GetIdempotentAnswer(sql::Session& s, Id clinic_id, Id user_id,
                                                  std::string_view key);

}  // namespace sciaticare::store::records
