// Facts about a patient's session notes answered by the database without
// reading the notes, written once for both stores over the SQL session
// (store.h states the contract of the Store method of the same name).
#pragma once

#include <string_view>
#include <vector>

#include "store/care_records_store.h"
#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

StoreResult<bool> SymptomsSpreadSince(sql::Session& s, Id clinic_id, Id patient_id,
                                      std::string_view since, Id except_note);

// Every note of the patient that SymptomsSpreadSince looks for, oldest
// first, into `notes`, as one read of a batch (sql::Session::ReadTogether).
sql::BatchRead SpreadingNotesRead(Id clinic_id, Id patient_id, std::vector<SpreadingNote>& notes);

}  // namespace sciaticare::store::records
