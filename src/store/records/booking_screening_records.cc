#include "store/records/booking_screening_records.h"

#include "store/care_screenings.h"
#include "store/records/appointment_records.h"
#include "store/records/care_records.h"
#include "store/records/plan_records.h"

namespace sciaticare::store::records {

std::optional<StoreError> CheckScreeningAllowsBooking(sql::Session& s, const Appointment& a,
                                                      const std::string& zone) {
  // A request without a plan is no treatment yet: accepting it books it,
  // and is checked then.
  if (!HoldsSlot(a.status) && !a.plan_id) return std::nullopt;
  auto care = ReadCareRecords(s, a.clinic_id, a.patient_id);
  if (!care.ok()) return care.error();
  std::optional<Id> plan_assessment;
  if (a.plan_id) {
    // A plan of another patient, or not approved, governs nothing here:
    // CheckPlanOfPatient refuses the former.
    auto plan = GetPlan(s, a.clinic_id, *a.plan_id);
    if (plan.ok() && plan.value().patient_id == a.patient_id &&
        plan.value().status == PlanStatus::kApproved)
      plan_assessment = plan.value().assessment_id;
  }
  return BookingRefusal(ScreeningsOf(care.value().assessments, care.value().referrals, zone),
                        plan_assessment, a.plan_id.has_value());
}

}  // namespace sciaticare::store::records
