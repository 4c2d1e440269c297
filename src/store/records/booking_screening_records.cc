// The screening rule of booking (see booking_screening_records.h), read
// lightly: a booking asks it once per slot (a course of 20 slots asks 20
// times in one unit), so it reads only what the refusal weighs, as one
// batch: the assessments' heads (their documents left out), the referrals
// with their events, and the patient's plan heads. The patient's own row is
// not read: every caller has locked it already (LockPatient).
#include "store/records/booking_screening_records.h"

#include <vector>

#include "store/care_screenings.h"
#include "store/records/appointment_records.h"
#include "store/records/patient_rows.h"
#include "store/records/plan_records.h"
#include "store/records/referral_records.h"

namespace sciaticare::store::records {
namespace {

// What ScreeningsOf and the plan's governance read of one patient.
struct BookingScreeningRecords {
  std::vector<Assessment> assessment_heads;
  std::vector<Referral> referrals;
  std::vector<PlanRecord> plan_heads;
};

BookingScreeningRecords ReadBookingScreeningRecords(sql::Session& s, Id clinic_id, Id patient_id) {
  // Static: a BatchRead holds its SQL by reference.
  static const std::string assessment_heads_sql =
      "SELECT " + kAssessmentHeadColumns +
      " FROM assessments WHERE clinic_id = ? AND patient_id = ? ORDER BY created_at, id";
  BookingScreeningRecords records;
  std::vector<sql::BatchRead> reads;
  reads.reserve(3);
  reads.push_back({assessment_heads_sql, {clinic_id, patient_id}, [&](sql::Query& q) {
                     records.assessment_heads = q.All(ReadAssessment);
                   }});
  reads.push_back(PatientReferralsRead(clinic_id, patient_id, records.referrals));
  reads.push_back(PatientPlanHeadsRead(clinic_id, patient_id, records.plan_heads));
  s.ReadTogether(reads);
  return records;
}

// The assessment an approved plan of the patient named `plan_id` is drawn
// from; nullopt when the patient has no such approved plan (a plan of another
// patient governs nothing here: CheckPlanOfPatient refuses it).
std::optional<Id> ApprovedPlanAssessment(const std::vector<PlanRecord>& plan_heads, Id plan_id) {
  for (const PlanRecord& plan : plan_heads) {
    if (plan.id == plan_id && plan.status == PlanStatus::kApproved) return plan.assessment_id;
  }
  return std::nullopt;
}

}  // namespace

std::optional<StoreError> CheckScreeningAllowsBooking(sql::Session& s, const Appointment& a,
                                                      const std::string& zone) {
  // A request without a plan is no treatment yet: accepting it books it,
  // and is checked then.
  if (!HoldsSlot(a.status) && !a.plan_id) return std::nullopt;
  BookingScreeningRecords records = ReadBookingScreeningRecords(s, a.clinic_id, a.patient_id);
  const std::optional<Id> plan_assessment =
      a.plan_id ? ApprovedPlanAssessment(records.plan_heads, *a.plan_id) : std::nullopt;
  return BookingRefusal(ScreeningsOf(records.assessment_heads, std::move(records.referrals), zone),
                        plan_assessment, a.plan_id.has_value());
}

}  // namespace sciaticare::store::records
