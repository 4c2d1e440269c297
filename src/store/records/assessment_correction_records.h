// Corrections of assessments on the SQL session, written once for both stores
// (store.h states the contract of the Store methods of the same names): a
// correction links a newer assessment to the one it corrects, with who, when
// and why; neither assessment is ever changed.
#pragma once

#include <vector>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

StoreResult<AssessmentCorrection> RecordAssessmentCorrection(
    sql::Session& s, const AssessmentCorrection& correction);

StoreResult<std::vector<AssessmentCorrection>> ListAssessmentCorrections(sql::Session& s,
                                                                         Id clinic_id,
                                                                         Id patient_id);

}  // namespace sciaticare::store::records
