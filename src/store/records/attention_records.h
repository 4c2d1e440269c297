// The records of the clinic's attention list, read once for both stores over
// the SQL session in one read transaction, so every part comes from the same
// snapshot; throws what the session throws (the store maps it).
#pragma once

#include "store/sql/sql_session.h"
#include "store/store.h"

namespace sciaticare::store::records {

// The Store method of the same name (store.h states its contract).
StoreResult<AttentionRecords> ReadAttention(sql::Session& s, Id clinic_id, int session_limit,
                                            const AttentionDocuments& documents);

}  // namespace sciaticare::store::records
