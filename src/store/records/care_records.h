// A patient's care records (store/care_records_store.h) read for both stores
// over the SQL session as one batch of reads; throws what the session throws
// (the store maps it).
#pragma once

#include "store/care_records_store.h"
#include "store/sql/sql_session.h"

namespace sciaticare::store::records {

// The Store method of the same name (care_records_store.h states its contract).
StoreResult<CareRecords> ReadCareRecords(sql::Session& s, Id clinic_id, Id patient_id,
                                         SignInConfirmation* sign_in);

}  // namespace sciaticare::store::records
