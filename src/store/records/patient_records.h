// Patients and their assessments, written once for both stores over the SQL
// session: a patient is created, read and listed here (updated, with the
// kept versions, in patient_version_records.h); an assessment is created,
// read and listed here. The Store methods of the same names; store.h states
// their contracts.
#pragma once

#include <vector>

#include "store/sql/sql_session.h"
#include "store/store.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

StoreResult<Patient> CreatePatient(sql::Session& s, const Patient& patient);
StoreResult<Patient> GetPatient(sql::Session& s, Id clinic_id, Id id);
// By name, case-insensitively; `query.search` matches either word order.
StoreResult<Page<Patient>> ListPatients(sql::Session& s, Id clinic_id, const PatientQuery& query);

StoreResult<Assessment> CreateAssessment(sql::Session& s, const Assessment& assessment);
StoreResult<Assessment> GetAssessment(sql::Session& s, Id clinic_id, Id id);
StoreResult<std::vector<Assessment>> ListAssessments(sql::Session& s, Id clinic_id, Id patient_id);

}  // namespace sciaticare::store::records
