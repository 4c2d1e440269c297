// The patient and assessment rows as every record method reads them over the
// SQL session (patients and assessments, their updates, the chart and the
// attention list): each table's column list in the order its reader expects.
#pragma once

#include <string>

#include "store/records.h"
#include "store/sql/sql_session.h"

namespace sciaticare::store::records {

extern const std::string kPatientColumns;
// How many columns kPatientColumns names: a statement's columns after them
// start at this index.
constexpr int kPatientColumnCount = 12;
Patient ReadPatient(const sql::Row& r);

extern const std::string kAssessmentColumns;
// kAssessmentColumns with the intake and result documents read as empty
// text: the lists that show an assessment's head.
extern const std::string kAssessmentHeadColumns;
Assessment ReadAssessment(const sql::Row& r);

}  // namespace sciaticare::store::records
