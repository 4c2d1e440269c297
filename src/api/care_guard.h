// The one door every step toward hands-on treatment goes through: it reads
// the patient's screenings (assessments and the referrals raised, with their
// events), lets core/care_governance decide, and stops the request with a
// 409 naming the governing screening when the step is refused. Also the JSON
// of referrals and of plans as the latest screening leaves them (a suspended
// approved plan says so). Internal to src/api.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/api_support.h"
#include "core/care_governance.h"
#include "store/care_screenings.h"

namespace sciaticare::api {

// The screenings of a patient, as the store's booking check builds them.
using store::PatientScreenings;
using store::ScreeningsOf;
using store::StateOf;

PatientScreenings ReadScreenings(Api& api, Id clinic_id, Id patient_id);

// Stops with 409 at `field` when the latest screening refuses `step`.
void RequireStep(const PatientScreenings& screenings, CareStep step,
                 std::optional<Id> plan_assessment, const std::string& field);

// Stops with 409 at "plan_id" (or "patient_id") when the patient's latest
// screening refuses booking a treatment for `a`, or the plan named is
// suspended: "refer, do not treat with massage" (shared/clinical/red-flags.md,
// after NICE CKS Sciatica). The store's booking keeps the rule itself
// (records::CheckSlotBookable, in the booking's transaction); this asks it
// ahead, in the same words (store::BookingRefusal), where nothing is booked
// yet: a course's proposal and its "booking_refused", and a course booked as
// a whole (one refusal, not one per slot).
void RequireBookingAllowed(Api& api, const Caller& c, const store::Appointment& a);

// The plan as the API shows it: an approved plan the latest screening does
// not allow to be served (a newer referral, or one not lifted) has status
// "suspended" and "suspended_by" naming the screening.
json PlanJson(const store::PlanRecord& plan, const PatientScreenings& screenings);

// The referral with its "advice": what the patient was told to do, in the
// knowledge's words for its urgency (the same-day wording when one of its
// flags is a same-day flag), so no screen or letter retypes it.
json ReferralJson(const store::Referral& referral, const Knowledge& k);

// The knowledge's advice for a referral (see ReferralJson).
const std::string& ReferralAdvice(const store::Referral& referral, const Knowledge& k);

// The patient's latest screening (its source name) for the portal message.
std::string LatestScreening(const PatientScreenings& screenings);

}  // namespace sciaticare::api
