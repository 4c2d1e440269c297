// The Store contract for how a clinic keeps time, on every backend
// (store_contract.h): the defaults of a clinic never set; settings replaced
// whole; bookings, requests and requests becoming booked kept inside opening
// hours and off closed days, on the clinic's wall clock across the
// daylight-saving changes of Europe/London (29 March and 25 October 2026).
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

// Every day 09:00-12:30 and 13:30-17:00 in London, closed on Christmas Day.
ClinicSettings London(Id clinic) {
  ClinicSettings s;
  s.clinic_id = clinic;
  s.time_zone = "Europe/London";
  for (int day = 0; day < 7; ++day) {
    s.opening_hours.push_back({day, 13 * 60 + 30, 17 * 60});
    s.opening_hours.push_back({day, 9 * 60, 12 * 60 + 30});
  }
  s.closed_days = {"2026-12-25"};
  return s;
}

}  // namespace

TEST_P(StoreContractTest, ClinicSettingsDefaultToUtcAndAlwaysOpenAndAreReplacedWhole) {
  ClinicSettings fresh = Must(store_->GetClinicSettings(a_.id));
  EXPECT_EQ(fresh.time_zone, "UTC");
  EXPECT_TRUE(fresh.opening_hours.empty());
  EXPECT_TRUE(fresh.closed_days.empty());
  EXPECT_EQ(fresh.version, 0);
  ClinicSettings stored = Must(store_->PutClinicSettings(London(a_.id)));
  EXPECT_EQ(stored.version, 1);
  ClinicSettings read = Must(store_->GetClinicSettings(a_.id));
  EXPECT_EQ(read.time_zone, "Europe/London");
  ASSERT_EQ(read.opening_hours.size(), 14u);
  EXPECT_EQ(read.opening_hours[0], (OpeningPeriod{0, 9 * 60, 12 * 60 + 30}));  // Sorted.
  EXPECT_EQ(read.closed_days, std::vector<std::string>{"2026-12-25"});
  // Clinic B is untouched.
  EXPECT_EQ(Must(store_->GetClinicSettings(b_.id)).version, 0);

  ClinicSettings fewer = London(a_.id);
  fewer.opening_hours.resize(2);
  fewer.closed_days.clear();
  EXPECT_EQ(Must(store_->PutClinicSettings(fewer)).version, 2);
  read = Must(store_->GetClinicSettings(a_.id));
  EXPECT_EQ(read.opening_hours.size(), 2u);
  EXPECT_TRUE(read.closed_days.empty());

  ClinicSettings bad = London(a_.id);
  bad.time_zone = "Mars/Olympus";
  EXPECT_EQ(Outcome(store_->PutClinicSettings(bad)), "invalid");
  bad = London(a_.id);
  bad.opening_hours.push_back({2, 12 * 60, 14 * 60});  // Overlaps both of Wednesday's.
  EXPECT_EQ(Outcome(store_->PutClinicSettings(bad)), "invalid");
  bad = London(a_.id);
  bad.closed_days.push_back("25/12/2026");
  EXPECT_EQ(Outcome(store_->PutClinicSettings(bad)), "invalid");
  EXPECT_EQ(Must(store_->GetClinicSettings(a_.id)).version, 2);  // Nothing stored.
  EXPECT_EQ(Outcome(store_->GetClinicSettings(999999)), "not found");
}

TEST_P(StoreContractTest, ClinicSettingsKeepBookingsInsideOpeningHoursAcrossDaylightSaving) {
  Must(store_->PutClinicSettings(London(a_.id)));
  auto book = [&](const char* utc, int minutes,
                  AppointmentStatus status = AppointmentStatus::kBooked) {
    Appointment a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, utc);
    a.minutes = minutes;
    a.status = status;
    return store_->CreateAppointment(a);
  };
  // Friday 27 March, GMT: 09:00 local is 09:00 UTC; 08:00 UTC is before opening.
  EXPECT_EQ(Outcome(book("2026-03-27T09:00:00Z", 60)), "ok");
  auto early = book("2026-03-27T08:00:00Z", 60);
  ASSERT_EQ(Outcome(early), "conflict");
  EXPECT_EQ(early.error().field, "starts_at");
  EXPECT_EQ(early.error().message,
            "Fri 27 Mar 2026 at 08:00 until 09:00 is outside the clinic's opening hours (Friday "
            "09:00-12:30 and 13:30-17:00)");
  // Monday 30 March, BST: 09:00 local is 08:00 UTC, and 16:00 UTC is 17:00 local.
  EXPECT_EQ(Outcome(book("2026-03-30T08:00:00Z", 60)), "ok");
  EXPECT_EQ(Outcome(book("2026-03-30T16:00:00Z", 30)), "conflict");
  EXPECT_EQ(Outcome(book("2026-03-30T15:00:00Z", 60)), "ok");  // 16:00-17:00 local.
  // The lunch break: 12:30-13:30 local.
  EXPECT_EQ(Outcome(book("2026-03-30T11:00:00Z", 60)), "conflict");
  // Friday 23 October, BST; Monday 26 October, GMT again.
  EXPECT_EQ(Outcome(book("2026-10-23T08:00:00Z", 60)), "ok");
  EXPECT_EQ(Outcome(book("2026-10-26T08:00:00Z", 60)), "conflict");
  EXPECT_EQ(Outcome(book("2026-10-26T09:00:00Z", 60)), "ok");
  // A clash is told on the clinic's clock: 08:00 UTC in BST is 09:00.
  auto clash = book("2026-03-30T08:30:00Z", 30);
  ASSERT_EQ(Outcome(clash), "conflict");
  EXPECT_EQ(clash.error().message,
            "Name of thera@a.example is already booked with Ana Silva on Mon 30 Mar 2026 at "
            "09:00 until 10:00: choose another time or therapist");
  // Christmas Day is closed, requests included.
  auto christmas = book("2026-12-25T10:00:00Z", 60, AppointmentStatus::kRequested);
  ASSERT_EQ(Outcome(christmas), "conflict");
  EXPECT_EQ(christmas.error().message,
            "The clinic is closed on Fri 25 Dec 2026: choose another day");
  // A request made before the hours were narrowed cannot become booked outside them.
  Appointment request = Must(book("2026-12-21T16:00:00Z", 60, AppointmentStatus::kRequested));
  ClinicSettings shorter = London(a_.id);
  for (OpeningPeriod& p : shorter.opening_hours)
    p.closes_minute = std::min(p.closes_minute, 16 * 60);
  Must(store_->PutClinicSettings(shorter));
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kBooked,
                                                    request.version)),
            "conflict");
  // Cancelling it is always allowed.
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(
                a_.id, request.id, AppointmentStatus::kCancelled, request.version)),
            "ok");
  // Another clinic with no hours set has no restriction.
  Appointment night = NewAppointment(b_.id, patient_b_.id, therapist_b_.id, "2026-12-25T03:00:00Z");
  EXPECT_EQ(Outcome(store_->CreateAppointment(night)), "ok");
}

}  // namespace sciaticare::store::testing
