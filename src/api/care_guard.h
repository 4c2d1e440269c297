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

namespace sciaticare::api {

// A patient's screenings in order, and the referral records behind them.
struct PatientScreenings {
  std::vector<ScreeningEvent> events;
  std::vector<store::Referral> referrals;
};

// Pure: the screenings of the assessments (oldest first; portal answers are
// no screening) and referrals (oldest first) of one patient. A referral
// opened by an assessment marks that assessment; one opened at a session is a
// screening of its own, placed after the assessment it followed. Each is
// named by its time on the clinic's clock in `zone` ("the assessment of Tue
// 8 Dec 2026 at 09:00"), never by its record number.
PatientScreenings ScreeningsOf(const std::vector<store::Assessment>& assessments,
                               std::vector<store::Referral> referrals, std::string_view zone);
PatientScreenings ReadScreenings(Api& api, Id clinic_id, Id patient_id);

ReferralState StateOf(const store::Referral& referral);

// Stops with 409 at `field` when the latest screening refuses `step`.
void RequireStep(const PatientScreenings& screenings, CareStep step,
                 std::optional<Id> plan_assessment, const std::string& field);

// Stops with 409 at "plan_id" (or "patient_id") when the patient's latest
// screening refuses booking a treatment for `a`, or the plan named is
// suspended: "refer, do not treat with massage" (shared/clinical/red-flags.md,
// after NICE CKS Sciatica). The one check of every booking door: book, accept
// a portal request, reschedule, book a waiting-list offer, book a course and
// propose one (tests/http/course_api_test.cc tries each).
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
