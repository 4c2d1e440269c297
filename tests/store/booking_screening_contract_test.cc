// The Store contract (store_contract.h) for the screening rule of booking
// (issue 16): the store's one booking check refuses treatment to a patient
// whose latest screening referred them, whatever door books it (a booking, a
// request booked, a move), in the words the API answers with, and stores
// nothing; a request without a plan is no treatment and is kept.
#include "store/store_contract.h"
#include "store/store_contract_values.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kMonday[] = "2026-12-07T09:00:00Z";
constexpr char kTuesday[] = "2026-12-08T09:00:00Z";
constexpr char kWednesday[] = "2026-12-09T09:00:00Z";

// The referral the patient's screening answers with, raised at their assessment.
Referral Emergency(Id clinic, Id patient, Id assessment, Id by) {
  return EmergencyReferral(clinic, patient, assessment, by, "2026-11-23T09:30:00Z");
}

}  // namespace

TEST_P(StoreContractTest, AReferredPatientCannotBeBookedThroughTheStore) {
  // Booked and requested before the referral: both allowed.
  const Appointment held =
      Must(store_->CreateAppointment(NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1)));
  Appointment request = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kMonday);
  request.status = AppointmentStatus::kRequested;
  request = Must(store_->CreateAppointment(request));
  Must(store_->CreateReferral(Emergency(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id)));

  // A new booking: refused at patient_id, naming the screening.
  auto booked =
      store_->CreateAppointment(NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kTuesday));
  ASSERT_EQ(Outcome(booked), "conflict");
  EXPECT_EQ(booked.error().field, "patient_id");
  EXPECT_EQ(booked.error().message,
            "No hands-on treatment: the emergency referral raised at the assessment of Mon 23 Nov "
            "2026 at 09:00 has no recorded medical outcome clearing the patient; a therapist "
            "cannot override it.");
  // The request booked: refused, still requested.
  auto accepted = store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kBooked, 1);
  EXPECT_EQ(Outcome(accepted), "conflict");
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, request.id)).status, AppointmentStatus::kRequested);
  // The booked appointment moved: refused, where it was.
  AppointmentChange move;
  move.clinic_id = a_.id;
  move.kind = "rescheduled";
  move.reason = "patient_request";
  move.changed_by = desk_a_.id;
  move.changed_at = kT1;
  move.new_starts_at = kWednesday;
  move.new_therapist_id = therapist_a_.id;
  EXPECT_EQ(Outcome(store_->RescheduleAppointment(held.id, 1, move)), "conflict");
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, held.id)).starts_at, kT1);
  EXPECT_TRUE(Must(store_->ListAppointmentChanges(a_.id, held.id)).empty());
  EXPECT_EQ(Must(store_->ListPatientAppointments(a_.id, patient_a_.id)).size(), 2u);

  // A request without a plan is no treatment yet: kept, to be booked once lifted.
  Appointment asked = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kTuesday);
  asked.status = AppointmentStatus::kRequested;
  EXPECT_TRUE(store_->CreateAppointment(asked).ok());
  // Another patient of the clinic is booked as before.
  Patient other = Must(store_->CreatePatient(NewPatient(a_.id, "Bea", "Jones")));
  EXPECT_TRUE(
      store_->CreateAppointment(NewAppointment(a_.id, other.id, therapist_a_.id, kWednesday)).ok());

  // Lifted by a clearing outcome and a new assessment after it: booked again.
  ReferralEvent outcome;
  outcome.clinic_id = a_.id;
  outcome.referral_id = Must(store_->ListReferrals(a_.id, patient_a_.id)).front().id;
  outcome.kind = "outcome";
  outcome.detail_json = R"({"cleared":true})";
  outcome.recorded_by = therapist_a_.id;
  outcome.recorded_at = "2026-11-24T09:00:00Z";
  Must(store_->AddReferralEvent(outcome));
  EXPECT_EQ(
      Outcome(store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kBooked, 1)),
      "conflict");
  Must(store_->CreateAssessment(
      NewAssessment(a_.id, patient_a_.id, therapist_a_.id, "2026-11-25T09:00:00Z")));
  EXPECT_TRUE(
      store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kBooked, 1).ok());
}

TEST_P(StoreContractTest, AReferralSuspendsThePlanABookingNames) {
  PlanRecord plan = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT0)));
  plan = Must(store_->ApprovePlan(a_.id, plan.id, plan.version, therapist_a_.id, kT0));
  Appointment under_plan = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kMonday);
  under_plan.plan_id = plan.id;
  Must(store_->CreateAppointment(under_plan));
  Must(store_->CreateReferral(Emergency(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id)));
  // Under the plan, even as a request: refused at plan_id.
  under_plan.starts_at = kTuesday;
  under_plan.status = AppointmentStatus::kRequested;
  auto refused = store_->CreateAppointment(under_plan);
  ASSERT_EQ(Outcome(refused), "conflict");
  EXPECT_EQ(refused.error().field, "plan_id");
  EXPECT_EQ(Must(store_->ListPatientAppointments(a_.id, patient_a_.id)).size(), 1u);
}

}  // namespace sciaticare::store::testing
