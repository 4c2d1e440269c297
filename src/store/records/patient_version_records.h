// Patient details and their earlier versions on the SQL session, written
// once for both stores (store.h states the contract of the Store methods of
// the same names): an update appends the values it replaces to
// patient_versions in the same transaction, so no earlier value is lost.
#pragma once

#include <vector>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

StoreResult<Patient> UpdatePatient(sql::Session& s, const Patient& patient, int expected_version,
                                   const PatientChange& change);

StoreResult<std::vector<PatientVersion>> ListPatientVersions(sql::Session& s, Id clinic_id,
                                                             Id patient_id);

}  // namespace sciaticare::store::records
