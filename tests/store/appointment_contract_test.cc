// The Store contract (store_contract.h) for appointments: lists by day and by
// patient, checked input, and status changes under optimistic versions.
#include <gmock/gmock.h>

#include "store/store_contract.h"
#include "store/store_contract_values.h"

namespace sciaticare::store::testing {

TEST_P(StoreContractTest, AppointmentsAreListedByDayAndByPatient) {
  Appointment morning = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-11-23T09:00:00Z")));
  Appointment late = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-11-23T23:59:59Z")));
  Appointment next_day = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, admin_a_.id, "2026-11-24T01:00:00Z")));
  Must(store_->CreateAppointment(
      NewAppointment(b_.id, patient_b_.id, therapist_b_.id, "2026-11-23T10:00:00Z")));
  EXPECT_EQ(morning.version, 1);
  Appointment got = Must(store_->GetAppointment(a_.id, morning.id));
  EXPECT_EQ(got.minutes, 45);
  EXPECT_EQ(got.status, AppointmentStatus::kBooked);
  EXPECT_EQ(got.note, "first visit");
  EXPECT_FALSE(got.plan_id.has_value());

  auto day = Must(store_->ListAppointments(a_.id, "2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z"));
  ASSERT_EQ(day.size(), 2u);
  EXPECT_EQ(day[0].id, morning.id);
  EXPECT_EQ(day[1].id, late.id);
  auto all = Must(store_->ListPatientAppointments(a_.id, patient_a_.id));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].id, next_day.id);

  EXPECT_EQ(Outcome(store_->GetAppointment(b_.id, morning.id)), "not found");
  EXPECT_EQ(Outcome(store_->ListPatientAppointments(b_.id, patient_a_.id)), "not found");
  EXPECT_EQ(
      Outcome(store_->ListAppointments(a_.id, "2026-11-24T00:00:00Z", "2026-11-23T00:00:00Z")),
      "invalid");
  EXPECT_EQ(Outcome(store_->ListAppointments(a_.id, "2026-11-23", "2026-11-24")), "invalid");
}

TEST_P(StoreContractTest, AppointmentInputIsChecked) {
  Appointment a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1);
  a.minutes = 0;
  EXPECT_EQ(Outcome(store_->CreateAppointment(a)), "invalid");
  a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1);
  a.status = AppointmentStatus::kDone;
  EXPECT_EQ(Outcome(store_->CreateAppointment(a)), "invalid");
  a = NewAppointment(a_.id, patient_b_.id, therapist_a_.id, kT1);
  EXPECT_EQ(Outcome(store_->CreateAppointment(a)), "not found");
  a = NewAppointment(a_.id, patient_a_.id, therapist_b_.id, kT1);
  EXPECT_EQ(Outcome(store_->CreateAppointment(a)), "not found");
  PlanRecord plan = Must(
      store_->CreatePlan(NewPlan(a_.id, patient_a_.id, assessment_a_.id, therapist_a_.id, kT1)));
  a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1);
  a.status = AppointmentStatus::kRequested;
  a.plan_id = plan.id;
  EXPECT_EQ(Must(store_->CreateAppointment(a)).plan_id, plan.id);
}

TEST_P(StoreContractTest, AppointmentStatusChangesUseTheVersion) {
  Appointment a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1);
  a.status = AppointmentStatus::kRequested;
  a = Must(store_->CreateAppointment(a));
  Appointment booked =
      Must(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kBooked, 1));
  EXPECT_EQ(booked.status, AppointmentStatus::kBooked);
  EXPECT_EQ(booked.version, 2);
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kCancelled, 1)),
            "conflict");
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, a.id)).status, AppointmentStatus::kBooked);
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(b_.id, a.id, AppointmentStatus::kDone, 2)),
            "not found");
  Must(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kDone, 2));
  // Done is final.
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kBooked, 3)),
            "conflict");
  Appointment stored = Must(store_->GetAppointment(a_.id, a.id));
  EXPECT_EQ(stored.status, AppointmentStatus::kDone);
  EXPECT_EQ(stored.version, 3);
}

TEST_P(StoreContractTest, ArrivedLeadsToDoneAndNoShowIsFinal) {
  Appointment a =
      Must(store_->CreateAppointment(NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT1)));
  Appointment arrived =
      Must(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kArrived, a.version));
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, a.id)).status, AppointmentStatus::kArrived);
  EXPECT_EQ(
      Must(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kDone, arrived.version))
          .status,
      AppointmentStatus::kDone);

  Appointment b =
      Must(store_->CreateAppointment(NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kT2)));
  Appointment missed =
      Must(store_->UpdateAppointmentStatus(a_.id, b.id, AppointmentStatus::kNoShow, b.version));
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(a_.id, b.id, AppointmentStatus::kBooked,
                                                    missed.version)),
            "conflict");
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, b.id)).status, AppointmentStatus::kNoShow);
}

}  // namespace sciaticare::store::testing
