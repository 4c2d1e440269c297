// A patient's screenings as the latest-screening rule (core/care_governance.h)
// reads them, built from their stored assessments and referrals, and the one
// refusal of booking a treatment that every booking door answers with: the
// store's booking (records::CheckSlotBookable) and the API's look-ahead (the
// course proposal). Names each screening on the clinic's clock, so it lives
// in the shell, not in core.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/care_governance.h"
#include "store/records.h"
#include "store/store_result.h"

namespace sciaticare::store {

// A patient's screenings in order, and the referral records behind them.
struct PatientScreenings {
  std::vector<ScreeningEvent> events;
  std::vector<Referral> referrals;
};

// Where a referral stands, from its events (the latest outcome speaks).
ReferralState StateOf(const Referral& referral);

// The screenings of the assessments (oldest first; portal answers are no
// screening) and referrals (oldest first) of one patient, in the order of
// core/screening_order.h. Each is named by its time on the clinic's clock in
// `zone` ("the assessment of Tue 8 Dec 2026 at 09:00"), never by its record
// number.
PatientScreenings ScreeningsOf(const std::vector<Assessment>& assessments,
                               std::vector<Referral> referrals, std::string_view zone);

// kConflict at "plan_id" (when `names_plan`) or "patient_id" when the latest
// screening refuses booking a treatment under the approved plan drawn from
// `plan_assessment` (nullopt: no plan): "refer, do not treat with massage"
// (shared/clinical/red-flags.md, after NICE CKS Sciatica).
std::optional<StoreError> BookingRefusal(const PatientScreenings& screenings,
                                         std::optional<Id> plan_assessment, bool names_plan);

}  // namespace sciaticare::store
