// The keeping and reading of assessment corrections on the SQL session.
#include "store/records/assessment_correction_records.h"

#include <string>

#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kCorrectionColumns =
    "id, clinic_id, patient_id, corrects_id, correction_id, reason, corrected_by, "
    "corrected_by_name, corrected_at";

AssessmentCorrection ReadCorrection(const sql::Row& r) {
  AssessmentCorrection c;
  c.id = r.Int64(0);
  c.clinic_id = r.Int64(1);
  c.patient_id = r.Int64(2);
  c.corrects_id = r.Int64(3);
  c.correction_id = r.Int64(4);
  c.reason = r.Text(5);
  c.corrected_by = r.Int64(6);
  c.corrected_by_name = r.Text(7);
  c.corrected_at = r.Text(8);
  return c;
}

Problem ValidateCorrection(const AssessmentCorrection& c) {
  if (c.corrected_by <= 0) return Invalid("corrected_by", "must be a user of the clinic");
  if (auto problem = CheckUtcTime("corrected_at", c.corrected_at)) return problem;
  if (c.reason.empty()) return Invalid("reason", "must say why the assessment is corrected");
  if (auto problem = CheckText("reason", c.reason)) return problem;
  if (c.correction_id <= c.corrects_id)
    return Invalid("correction_id", "must be an assessment made after the one it corrects");
  return std::nullopt;
}

// kNotFound naming `field` unless `id` is a screening (not portal answers) of
// the patient in the clinic.
Problem CheckScreening(sql::Session& s, const char* field, const AssessmentCorrection& c, Id id) {
  const auto kind = s.Prepare(
                         "SELECT kind FROM assessments WHERE clinic_id = ? AND "
                         "patient_id = ? AND id = ?")
                        .Bind(c.clinic_id)
                        .Bind(c.patient_id)
                        .Bind(id)
                        .One([](const sql::Row& r) { return r.Text(0); });
  if (!kind) return NotFound(field, "no such assessment of this patient");
  if (*kind == "portal")
    return Invalid(field, "portal answers are not a screening and are not corrected");
  return std::nullopt;
}

std::optional<AssessmentCorrection> FindBy(sql::Session& s, const char* column, Id clinic_id,
                                           Id id) {
  return s
      .Prepare("SELECT " + kCorrectionColumns +
               " FROM assessment_corrections WHERE clinic_id = ? "
               "AND " +
               column + " = ?")
      .Bind(clinic_id)
      .Bind(id)
      .One(ReadCorrection);
}

}  // namespace

StoreResult<AssessmentCorrection> RecordAssessmentCorrection(sql::Session& s,
                                                             const AssessmentCorrection& c) {
  if (auto problem = ValidateCorrection(c)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckInClinic(s, "patients", "patient_id", c.clinic_id, c.patient_id)) return *e;
  if (auto e = CheckScreening(s, "corrects_id", c, c.corrects_id)) return *e;
  if (auto e = CheckScreening(s, "correction_id", c, c.correction_id)) return *e;
  if (auto earlier = FindBy(s, "corrects_id", c.clinic_id, c.corrects_id)) {
    return Conflict("corrects_id", "assessment " + std::to_string(c.corrects_id) +
                                       " was already corrected by assessment " +
                                       std::to_string(earlier->correction_id));
  }
  if (FindBy(s, "correction_id", c.clinic_id, c.correction_id))
    return Conflict("correction_id", "this assessment already corrects another");
  const std::optional<std::string> by_name =
      s.Prepare("SELECT display_name FROM users WHERE clinic_id = ? AND id = ?")
          .Bind(c.clinic_id)
          .Bind(c.corrected_by)
          .One([](const sql::Row& r) { return r.Text(0); });
  if (!by_name) return NotFound("corrected_by", "no such user in this clinic");
  AssessmentCorrection out = c;
  out.corrected_by_name = *by_name;
  out.id = s.Prepare("INSERT INTO assessment_corrections (" + kCorrectionColumns.substr(4) +
                     ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
               .Bind(c.clinic_id)
               .Bind(c.patient_id)
               .Bind(c.corrects_id)
               .Bind(c.correction_id)
               .Bind(c.reason)
               .Bind(c.corrected_by)
               .Bind(*by_name)
               .Bind(c.corrected_at)
               .Scalar();
  tx->Commit();
  return out;
}

StoreResult<std::vector<AssessmentCorrection>> ListAssessmentCorrections(sql::Session& s,
                                                                         Id clinic_id,
                                                                         Id patient_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckInClinic(s, "patients", "patient_id", clinic_id, patient_id)) return *e;
  return s
      .Prepare("SELECT " + kCorrectionColumns +
               " FROM assessment_corrections WHERE clinic_id = ? AND patient_id = ? ORDER BY id")
      .Bind(clinic_id)
      .Bind(patient_id)
      .All(ReadCorrection);
}

}  // namespace sciaticare::store::records
