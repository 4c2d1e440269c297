// Referrals and their append-only events on the SQL session: one column list
// and one row reader per record.
#include "store/records/referral_records.h"

#include <optional>
#include <string>

#include "store/records/record_checks.h"
#include "store/sql_columns.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kReferralColumns =
    "id, clinic_id, patient_id, assessment_id, session_id, urgency, flags_json, findings, "
    "opened_by, opened_at";
const std::string kEventColumns =
    "id, clinic_id, referral_id, kind, detail_json, recorded_by, recorded_at";

Referral ReadReferral(const sql::Row& r) {
  Referral out;
  out.id = r.Int64(0);
  out.clinic_id = r.Int64(1);
  out.patient_id = r.Int64(2);
  out.assessment_id = r.OptInt64(3);
  out.session_id = r.OptInt64(4);
  out.urgency = r.Text(5);
  out.flags_json = r.Text(6);
  out.findings = r.Text(7);
  out.opened_by = r.Int64(8);
  out.opened_at = r.Text(9);
  return out;
}

// The event whose columns start at `at` (after the referral's, in a row of
// kReferralsWithEvents).
ReferralEvent ReadEvent(const sql::Row& r, int at) {
  ReferralEvent e;
  e.id = r.Int64(at);
  e.clinic_id = r.Int64(at + 1);
  e.referral_id = r.Int64(at + 2);
  e.kind = r.Text(at + 3);
  e.detail_json = r.Text(at + 4);
  e.recorded_by = r.Int64(at + 5);
  e.recorded_at = r.Text(at + 6);
  return e;
}

// Whether `table` holds row `id` of the patient in the clinic.
bool OfPatient(sql::Session& s, const char* table, Id clinic_id, Id patient_id, Id id) {
  return s.Prepare(std::string("SELECT 1 FROM ") + table +
                   " WHERE clinic_id = ? AND patient_id = ? AND id = ?")
             .Bind(clinic_id)
             .Bind(patient_id)
             .Bind(id)
             .Scalar() != 0;
}

// Referrals with their events in one statement (on PostgreSQL one statement
// in a screen's pipeline costs the database about as much as a small read:
// docs/performance.md, session 14): a row per event, and a referral without
// events on a row of its own with the event's columns NULL. Of one patient
// (binding clinic and patient) or of the whole clinic (binding the clinic):
// two texts, not one with "patient 0 means all", since a prepared
// statement's generic plan could then not use the patient's index.
const int kReferralColumnCount = ColumnCount(kReferralColumns);
const std::string kReferralsWithEvents =
    "SELECT " + QualifiedColumns(kReferralColumns, "r") + ", " +
    QualifiedColumns(kEventColumns, "e") +
    " FROM referrals r LEFT JOIN referral_events e"
    " ON e.referral_id = r.id AND e.clinic_id = r.clinic_id WHERE r.clinic_id = ?";
const std::string kReferralsOrder = " ORDER BY r.patient_id, r.id, e.id";
const std::string kPatientReferralsSql =
    kReferralsWithEvents + " AND r.patient_id = ?" + kReferralsOrder;
const std::string kClinicReferralsSql = kReferralsWithEvents + kReferralsOrder;

// Folds kReferralsWithEvents' rows (in its order) into referrals, each with
// its events oldest first.
std::vector<Referral> ReadReferralsWithEvents(sql::Query& q) {
  struct RowRead {
    Referral referral;
    std::optional<ReferralEvent> event;
  };
  std::vector<Referral> referrals;
  for (RowRead& row : q.All([](const sql::Row& r) {
         RowRead out{ReadReferral(r), std::nullopt};
         if (!r.IsNull(kReferralColumnCount)) out.event = ReadEvent(r, kReferralColumnCount);
         return out;
       })) {
    if (referrals.empty() || referrals.back().id != row.referral.id) {
      referrals.push_back(std::move(row.referral));
    }
    if (row.event) referrals.back().events.push_back(std::move(*row.event));
  }
  return referrals;
}

}  // namespace

sql::BatchRead PatientReferralsRead(Id clinic_id, Id patient_id, std::vector<Referral>& referrals) {
  return {kPatientReferralsSql, {clinic_id, patient_id}, [&referrals](sql::Query& q) {
            referrals = ReadReferralsWithEvents(q);
          }};
}

std::vector<Referral> ReadReferrals(sql::Session& s, Id clinic_id, Id patient_id) {
  const bool whole_clinic = patient_id == 0;
  auto query = s.Prepare(whole_clinic ? kClinicReferralsSql : kPatientReferralsSql);
  query.Bind(clinic_id);
  if (!whole_clinic) query.Bind(patient_id);
  return ReadReferralsWithEvents(query);
}

StoreResult<Referral> CreateReferral(sql::Session& s, const Referral& referral) {
  if (auto problem = ValidateReferral(referral)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  const Id clinic = referral.clinic_id;
  if (auto e = CheckInClinic(s, "patients", "patient_id", clinic, referral.patient_id)) return *e;
  if (auto e = CheckInClinic(s, "users", "opened_by", clinic, referral.opened_by)) return *e;
  if (referral.assessment_id &&
      !OfPatient(s, "assessments", clinic, referral.patient_id, *referral.assessment_id)) {
    return NotFound("assessment_id", "no such assessment of this patient");
  }
  if (referral.session_id &&
      !OfPatient(s, "session_notes", clinic, referral.patient_id, *referral.session_id)) {
    return NotFound("session_id", "no such session note of this patient");
  }
  Referral stored = referral;
  stored.id = s.Prepare(
                   "INSERT INTO referrals (clinic_id, patient_id, assessment_id, session_id, "
                   "urgency, flags_json, findings, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, "
                   "?, ?, ?, ?) RETURNING id")
                  .Bind(clinic)
                  .Bind(referral.patient_id)
                  .Bind(referral.assessment_id)
                  .Bind(referral.session_id)
                  .Bind(referral.urgency)
                  .Bind(referral.flags_json)
                  .Bind(referral.findings)
                  .Bind(referral.opened_by)
                  .Bind(referral.opened_at)
                  .Scalar();
  stored.events.clear();
  tx->Commit();
  return stored;
}

StoreResult<ReferralEvent> AddReferralEvent(sql::Session& s, const ReferralEvent& event) {
  if (auto problem = ValidateReferralEvent(event)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckInClinic(s, "referrals", "referral_id", event.clinic_id, event.referral_id)) {
    return *e;
  }
  if (auto e = CheckInClinic(s, "users", "recorded_by", event.clinic_id, event.recorded_by)) {
    return *e;
  }
  ReferralEvent stored = event;
  stored.id = s.Prepare(
                   "INSERT INTO referral_events (clinic_id, referral_id, kind, detail_json, "
                   "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                  .Bind(event.clinic_id)
                  .Bind(event.referral_id)
                  .Bind(event.kind)
                  .Bind(event.detail_json)
                  .Bind(event.recorded_by)
                  .Bind(event.recorded_at)
                  .Scalar();
  tx->Commit();
  return stored;
}

StoreResult<Referral> GetReferral(sql::Session& s, Id clinic_id, Id id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  const Id patient = s.Prepare("SELECT patient_id FROM referrals WHERE clinic_id = ? AND id = ?")
                         .Bind(clinic_id)
                         .Bind(id)
                         .Scalar();
  if (patient != 0) {
    for (Referral& r : ReadReferrals(s, clinic_id, patient)) {
      if (r.id == id) return std::move(r);
    }
  }
  return NotFound("id", "no such referral in this clinic");
}

StoreResult<std::vector<Referral>> ListReferrals(sql::Session& s, Id clinic_id, Id patient_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckInClinic(s, "patients", "patient_id", clinic_id, patient_id)) return *e;
  return ReadReferrals(s, clinic_id, patient_id);
}

}  // namespace sciaticare::store::records
