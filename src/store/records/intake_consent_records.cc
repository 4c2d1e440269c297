// Intake drafts and consent records on the SQL session: one column list and
// one row reader each.
#include "store/records/intake_consent_records.h"

#include <string>

#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kDraftColumns = "clinic_id, patient_id, state_json, updated_by, updated_at";

IntakeDraft ReadDraft(const sql::Row& r) {
  IntakeDraft out;
  out.clinic_id = r.Int64(0);
  out.patient_id = r.Int64(1);
  out.state_json = r.Text(2);
  out.updated_by = r.Int64(3);
  out.updated_at = r.Text(4);
  return out;
}

const std::string kConsentColumns =
    "id, clinic_id, patient_id, treatment, areas_json, form, note, recorded_by, recorded_at";

ConsentRecord ReadConsent(const sql::Row& r) {
  ConsentRecord out;
  out.id = r.Int64(0);
  out.clinic_id = r.Int64(1);
  out.patient_id = r.Int64(2);
  out.treatment = r.Bool(3);
  out.areas_json = r.Text(4);
  out.form = r.Text(5);
  out.note = r.Text(6);
  out.recorded_by = r.Int64(7);
  out.recorded_at = r.Text(8);
  return out;
}

}  // namespace

StoreResult<IntakeDraft> SaveIntakeDraft(sql::Session& s, const IntakeDraft& draft) {
  if (auto problem = ValidateIntakeDraft(draft)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckInClinic(s, "patients", "patient_id", draft.clinic_id, draft.patient_id)) {
    return *e;
  }
  if (auto e = CheckInClinic(s, "users", "updated_by", draft.clinic_id, draft.updated_by)) {
    return *e;
  }
  // Latest wins: a draft is working state, not record.
  s.Prepare("INSERT INTO intake_drafts (" + kDraftColumns +
            ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (clinic_id, patient_id) DO UPDATE SET "
            "state_json = excluded.state_json, updated_by = excluded.updated_by, "
            "updated_at = excluded.updated_at")
      .Bind(draft.clinic_id)
      .Bind(draft.patient_id)
      .Bind(draft.state_json)
      .Bind(draft.updated_by)
      .Bind(draft.updated_at)
      .Exec();
  tx->Commit();
  return draft;
}

StoreResult<IntakeDraft> GetIntakeDraft(sql::Session& s, Id clinic_id, Id patient_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  auto found = s.Prepare("SELECT " + kDraftColumns +
                         " FROM intake_drafts WHERE clinic_id = ? AND patient_id = ?")
                   .Bind(clinic_id)
                   .Bind(patient_id)
                   .One(ReadDraft);
  if (!found) return NotFound("intake_draft", "this patient has no intake draft");
  return *found;
}

StoreResult<bool> DiscardIntakeDraft(sql::Session& s, Id clinic_id, Id patient_id) {
  auto tx = s.Begin(sql::TxKind::kWrite);
  const std::int64_t removed =
      s.Prepare("DELETE FROM intake_drafts WHERE clinic_id = ? AND patient_id = ?")
          .Bind(clinic_id)
          .Bind(patient_id)
          .Exec();
  tx->Commit();
  return removed > 0;
}

StoreResult<ConsentRecord> AppendConsent(sql::Session& s, const ConsentRecord& consent) {
  if (auto problem = ValidateConsent(consent)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckInClinic(s, "patients", "patient_id", consent.clinic_id, consent.patient_id)) {
    return *e;
  }
  if (auto e = CheckTherapist(s, "recorded_by", consent.clinic_id, consent.recorded_by)) {
    return *e;
  }
  ConsentRecord stored = consent;
  stored.id = s.Prepare(
                   "INSERT INTO consents (clinic_id, patient_id, treatment, areas_json, form, "
                   "note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                  .Bind(consent.clinic_id)
                  .Bind(consent.patient_id)
                  .BindBool(consent.treatment)
                  .Bind(consent.areas_json)
                  .Bind(consent.form)
                  .Bind(consent.note)
                  .Bind(consent.recorded_by)
                  .Bind(consent.recorded_at)
                  .Scalar();
  tx->Commit();
  return stored;
}

const std::string& PatientConsentsSql() {
  static const std::string sql =
      "SELECT " + kConsentColumns +
      " FROM consents WHERE clinic_id = ? AND patient_id = ? ORDER BY id";
  return sql;
}

StoreResult<std::vector<ConsentRecord>> ListConsents(sql::Session& s, Id clinic_id, Id patient_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckInClinic(s, "patients", "patient_id", clinic_id, patient_id)) return *e;
  return s.Prepare(PatientConsentsSql()).Bind(clinic_id).Bind(patient_id).All(ReadConsent);
}

sql::BatchRead PatientConsentsRead(Id clinic_id, Id patient_id,
                                   std::vector<ConsentRecord>& consents) {
  return {PatientConsentsSql(), {clinic_id, patient_id}, [&consents](sql::Query& q) {
            consents = q.All(ReadConsent);
          }};
}

}  // namespace sciaticare::store::records
