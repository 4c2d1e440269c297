// The records of one patient's chart, read once for both stores over the SQL
// session in one read transaction, so every part comes from the same
// snapshot; throws what the session throws (the store maps it).
#pragma once

#include "store/sql/sql_session.h"
#include "store/store.h"

namespace sciaticare::store::records {

// The Store method of the same name (store.h states its contract).
StoreResult<ChartRecords> ReadChart(sql::Session& s, Id clinic_id, Id patient_id, int session_limit,
                                    SignInConfirmation* sign_in);

}  // namespace sciaticare::store::records
