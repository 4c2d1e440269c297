// The demo clinic keeps the screening rule of booking (issue 16): it books
// treatment only where the patient's latest screening allows it (its referred
// patients have at most a request, under no plan), and the store it seeds
// refuses to book a referred demo patient, as it would any patient.
#include <gtest/gtest.h>

#include "cli/demo_seed.h"
#include "cli/demo_seed_test_support.h"
#include "store/care_screenings.h"

namespace sciaticare {
namespace {

using demo_seed_testing::kNow;
using demo_seed_testing::OpenIn;
using store::testing::Must;
using store::testing::TempDir;

TEST(DemoSeedScreening, DemoBooksOnlyTheTreatmentTheLatestScreeningAllows) {
  TempDir dir;
  auto db = OpenIn(dir, "demo.db");
  SeedReport report;
  ASSERT_TRUE(SeedDemoClinic(*db, testing::K(), kNow, report, auth::HashCost::kFastForTests).ok());
  const store::Id clinic = report.clinic_id;
  const std::string zone = Must(db->GetClinicSettings(clinic)).time_zone;
  store::PatientQuery all;
  all.page.limit = store::kMaxPageSize;
  int referred = 0;
  for (const store::Patient& p : Must(db->ListPatients(clinic, all)).items) {
    SCOPED_TRACE(p.given_name + " " + p.family_name);
    const store::PatientScreenings screenings = store::ScreeningsOf(
        Must(db->ListAssessments(clinic, p.id)), Must(db->ListReferrals(clinic, p.id)), zone);
    const bool refused = store::BookingRefusal(screenings, std::nullopt, false).has_value();
    for (const store::Appointment& a : Must(db->ListPatientAppointments(clinic, p.id))) {
      if (!refused) continue;
      // A referred patient's only appointments are requests under no plan.
      EXPECT_EQ(a.status, store::AppointmentStatus::kRequested) << a.starts_at;
      EXPECT_FALSE(a.plan_id.has_value()) << a.starts_at;
    }
    if (!refused) continue;
    ++referred;
    // The seeded store refuses booking them, as any door would.
    store::Appointment a;
    a.clinic_id = clinic;
    a.patient_id = p.id;
    for (const store::User& u : Must(db->ListUsers(clinic)))
      if (u.role == store::Role::kTherapist) a.therapist_id = u.id;
    a.starts_at = "2026-11-25T09:00:00Z";
    a.minutes = 30;
    a.status = store::AppointmentStatus::kBooked;
    auto booked = db->CreateAppointment(a);
    ASSERT_FALSE(booked.ok());
    EXPECT_EQ(booked.error().kind, store::StoreErrorKind::kConflict);
    EXPECT_EQ(booked.error().field, "patient_id");
  }
  EXPECT_EQ(referred, report.referred);
}

}  // namespace
}  // namespace sciaticare
