// Intake drafts and consent records, read and written once for both stores
// over the SQL session (store.h states the contracts of the Store methods of
// the same names). Each opens its own transaction; inside a unit of work, a
// write's is a savepoint of it and a read's may join it (sql_session.h).
#pragma once

#include <vector>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

StoreResult<IntakeDraft> SaveIntakeDraft(sql::Session& s, const IntakeDraft& draft);
StoreResult<IntakeDraft> GetIntakeDraft(sql::Session& s, Id clinic_id, Id patient_id);
StoreResult<bool> DiscardIntakeDraft(sql::Session& s, Id clinic_id, Id patient_id);

StoreResult<ConsentRecord> AppendConsent(sql::Session& s, const ConsentRecord& consent);
StoreResult<std::vector<ConsentRecord>> ListConsents(sql::Session& s, Id clinic_id, Id patient_id);
// ListConsents' list as one read of a batch (Session::ReadTogether), into
// `consents`; the caller checks the patient.
sql::BatchRead PatientConsentsRead(Id clinic_id, Id patient_id,
                                   std::vector<ConsentRecord>& consents);

}  // namespace sciaticare::store::records
