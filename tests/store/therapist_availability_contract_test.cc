// The Store contract for therapists' availability, on every backend
// (store_contract.h): weekly working hours and breaks kept and replaced whole
// with a version; time off kept when withdrawn; and every booking, request
// and request becoming booked refused outside working hours, in a break or
// in time off, on the clinic's wall clock across the daylight-saving changes
// of Europe/London (29 March and 25 October 2026). A property test checks,
// minute by minute, that the store accepts exactly the times a therapist is
// available.
#include <gmock/gmock.h>

#include <random>

#include "clock/clinic_time.h"
#include "core/utc_time.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr int kBreakStart = 12 * 60 + 30;

// Monday to Friday 09:00-17:00 with a break 12:30-13:00.
TherapistAvailability Weekdays(Id clinic, Id therapist) {
  TherapistAvailability a;
  a.clinic_id = clinic;
  a.therapist_id = therapist;
  for (int day = 0; day < 5; ++day) {
    a.week.hours.push_back({day, 9 * 60, 17 * 60});
    a.week.breaks.push_back({day, kBreakStart, 13 * 60});
  }
  return a;
}

ClinicSettings LondonClinic(Id clinic) {
  ClinicSettings s;
  s.clinic_id = clinic;
  s.time_zone = "Europe/London";
  return s;
}

TimeOff Away(Id clinic, Id therapist, const std::string& from, const std::string& to) {
  TimeOff t;
  t.clinic_id = clinic;
  t.therapist_id = therapist;
  t.starts_at = from;
  t.ends_at = to;
  t.reason = "Training course";
  t.created_by = therapist;
  t.created_at = "2026-01-05T10:00:00Z";
  return t;
}

}  // namespace

TEST_P(StoreContractTest, TherapistWeekIsUnsetUntilGivenThenReplacedWholeWithAVersion) {
  TherapistAvailability fresh = Must(store_->GetTherapistAvailability(a_.id, therapist_a_.id));
  EXPECT_FALSE(fresh.week.set);
  EXPECT_EQ(fresh.version, 0);
  TherapistAvailability stored =
      Must(store_->PutTherapistAvailability(Weekdays(a_.id, therapist_a_.id), 0));
  EXPECT_EQ(stored.version, 1);
  TherapistAvailability read = Must(store_->GetTherapistAvailability(a_.id, therapist_a_.id));
  EXPECT_TRUE(read.week.set);
  ASSERT_EQ(read.week.hours.size(), 5u);
  EXPECT_EQ(read.week.breaks[4], (WeekSpan{4, kBreakStart, 13 * 60}));
  // A stale version is refused, nothing stored.
  EXPECT_EQ(Outcome(store_->PutTherapistAvailability(Weekdays(a_.id, therapist_a_.id), 0)),
            "conflict");
  TherapistAvailability bad = Weekdays(a_.id, therapist_a_.id);
  bad.week.breaks.push_back({5, 10 * 60, 11 * 60});  // Saturday: not working.
  auto refused = store_->PutTherapistAvailability(bad, 1);
  ASSERT_EQ(Outcome(refused), "invalid");
  EXPECT_EQ(refused.error().field, "breaks[5]");
  bad = Weekdays(a_.id, therapist_a_.id);
  bad.week.hours.push_back({0, 16 * 60, 18 * 60});  // Overlaps Monday's hours.
  EXPECT_EQ(Outcome(store_->PutTherapistAvailability(bad, 1)), "invalid");
  TherapistAvailability off_all_week;
  off_all_week.clinic_id = a_.id;
  off_all_week.therapist_id = therapist_a_.id;
  EXPECT_EQ(Must(store_->PutTherapistAvailability(off_all_week, 1)).version, 2);
  read = Must(store_->GetTherapistAvailability(a_.id, therapist_a_.id));
  EXPECT_TRUE(read.week.set);
  EXPECT_TRUE(read.week.hours.empty());
  // Only the clinic's therapists and admins have hours: a front desk is not one.
  EXPECT_EQ(Outcome(store_->GetTherapistAvailability(a_.id, desk_a_.id)), "invalid");
  EXPECT_EQ(Outcome(store_->GetTherapistAvailability(b_.id, therapist_a_.id)), "not found");
}

TEST_P(StoreContractTest, TimeOffIsKeptWhenWithdrawnAndMayNotOverlap) {
  TimeOff first = Must(store_->AddTimeOff(
      Away(a_.id, therapist_a_.id, "2026-04-06T00:00:00Z", "2026-04-10T00:00:00Z")));
  auto overlap = store_->AddTimeOff(
      Away(a_.id, therapist_a_.id, "2026-04-09T00:00:00Z", "2026-04-11T00:00:00Z"));
  ASSERT_EQ(Outcome(overlap), "invalid");
  EXPECT_EQ(overlap.error().field, "starts_at");
  EXPECT_EQ(Outcome(store_->AddTimeOff(
                Away(a_.id, therapist_a_.id, "2026-04-09T00:00:00Z", "2026-04-08T00:00:00Z"))),
            "invalid");
  TimeOff withdrawn = Must(store_->WithdrawTimeOff(a_.id, therapist_a_.id, first.id, admin_a_.id,
                                                   "2026-04-01T08:00:00Z"));
  EXPECT_EQ(withdrawn.withdrawn_at, "2026-04-01T08:00:00Z");
  EXPECT_EQ(Outcome(store_->WithdrawTimeOff(a_.id, therapist_a_.id, first.id, admin_a_.id,
                                            "2026-04-01T09:00:00Z")),
            "conflict");
  // Withdrawn, it no longer stands in the way of new time off.
  TimeOff second = Must(store_->AddTimeOff(
      Away(a_.id, therapist_a_.id, "2026-04-09T00:00:00Z", "2026-04-11T00:00:00Z")));
  // Time off already over is kept as it was.
  EXPECT_EQ(Outcome(store_->WithdrawTimeOff(a_.id, therapist_a_.id, second.id, admin_a_.id,
                                            "2026-04-12T00:00:00Z")),
            "conflict");
  auto list = Must(store_->ListTimeOff(a_.id, therapist_a_.id));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_TRUE(list[0].withdrawn_at.has_value());
  EXPECT_EQ(list[0].withdrawn_by, admin_a_.id);
  EXPECT_FALSE(list[1].withdrawn_at.has_value());
  EXPECT_EQ(Outcome(store_->WithdrawTimeOff(a_.id, therapist_b_.id, second.id, admin_a_.id,
                                            "2026-04-01T00:00:00Z")),
            "not found");
}

TEST_P(StoreContractTest, BookingsKeepToTheTherapistsHoursBreaksAndTimeOffAcrossDaylightSaving) {
  Must(store_->PutClinicSettings(LondonClinic(a_.id)));
  Must(store_->PutTherapistAvailability(Weekdays(a_.id, therapist_a_.id), 0));
  auto book = [&](const char* utc, AppointmentStatus status = AppointmentStatus::kBooked) {
    Appointment a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, utc);
    a.minutes = 60;
    a.status = status;
    return store_->CreateAppointment(a);
  };
  // Friday 27 March, GMT: 09:00 local is 09:00 UTC.
  EXPECT_EQ(Outcome(book("2026-03-27T09:00:00Z")), "ok");
  auto early = book("2026-03-27T08:00:00Z");
  ASSERT_EQ(Outcome(early), "conflict");
  EXPECT_EQ(early.error().field, "starts_at");
  EXPECT_EQ(early.error().message,
            "Fri 27 Mar 2026 at 08:00 until 09:00 is outside Name of thera@a.example's working "
            "hours (Friday 09:00-17:00, break 12:30-13:00)");
  // Monday 30 March, BST: 09:00 local is 08:00 UTC; 12:00 UTC is 13:00 local.
  EXPECT_EQ(Outcome(book("2026-03-30T08:00:00Z")), "ok");
  EXPECT_EQ(Outcome(book("2026-03-30T12:00:00Z")), "ok");
  auto lunch = book("2026-03-30T11:00:00Z", AppointmentStatus::kRequested);
  ASSERT_EQ(Outcome(lunch), "conflict");
  EXPECT_EQ(lunch.error().message,
            "Mon 30 Mar 2026 at 12:00 until 13:00 runs into Name of thera@a.example's break "
            "(Monday 09:00-17:00, break 12:30-13:00)");
  auto saturday = book("2026-03-28T10:00:00Z");
  ASSERT_EQ(Outcome(saturday), "conflict");
  EXPECT_NE(saturday.error().message.find("(Saturday: not working)"), std::string::npos);
  // Another therapist, who never set hours, is not restricted.
  Appointment other = NewAppointment(a_.id, patient_a_.id, admin_a_.id, "2026-03-28T10:00:00Z");
  other.status = AppointmentStatus::kBooked;
  EXPECT_EQ(Outcome(store_->CreateAppointment(other)), "ok");

  // A request made before time off cannot become booked in it.
  Appointment request = Must(book("2026-04-07T09:00:00Z", AppointmentStatus::kRequested));
  Must(store_->AddTimeOff(
      Away(a_.id, therapist_a_.id, "2026-04-06T23:00:00Z", "2026-04-08T23:00:00Z")));
  auto confirm = store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kBooked,
                                                 request.version);
  ASSERT_EQ(Outcome(confirm), "conflict");
  EXPECT_EQ(confirm.error().message,
            "Name of thera@a.example is away from Tue 7 Apr 2026 at 00:00 until Thu 9 Apr 2026 "
            "at 00:00: choose another time or therapist");
  EXPECT_EQ(Outcome(book("2026-04-08T10:00:00Z")), "conflict");
  // Cancelling is never refused by it.
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(
                a_.id, request.id, AppointmentStatus::kCancelled, request.version)),
            "ok");
  // Withdrawn, the time off frees the days again.
  const TimeOff off = Must(store_->ListTimeOff(a_.id, therapist_a_.id)).front();
  Must(
      store_->WithdrawTimeOff(a_.id, therapist_a_.id, off.id, admin_a_.id, "2026-04-01T00:00:00Z"));
  EXPECT_EQ(Outcome(book("2026-04-08T10:00:00Z")), "ok");
}

// Random weeks, time off and bookings around both changes of 2026: the store
// accepts a request exactly when every minute it takes is, on London's wall
// clock, inside one working period of its day, outside the breaks and
// outside time off in force, and no stored appointment lies outside them.
// A move is a booking of the new slot: the same availability rule holds, so a
// working week cannot be got round by booking at 10:00 and moving into a
// break or time off.
TEST_P(StoreContractTest, AMoveKeepsToTheTherapistsHoursBreaksAndTimeOff) {
  Must(store_->PutClinicSettings(LondonClinic(a_.id)));
  Must(store_->PutTherapistAvailability(Weekdays(a_.id, therapist_a_.id), 0));
  Must(store_->AddTimeOff(
      Away(a_.id, therapist_a_.id, "2026-04-07T00:00:00Z", "2026-04-08T00:00:00Z")));
  Appointment a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-04-06T09:00:00Z");
  a.minutes = 30;
  const Appointment booked = Must(store_->CreateAppointment(a));
  auto move_to = [&](const char* utc) {
    AppointmentChange change;
    change.clinic_id = a_.id;
    change.new_starts_at = utc;
    change.new_therapist_id = therapist_a_.id;
    change.reason = "patient_request";
    change.changed_by = admin_a_.id;
    change.changed_at = "2026-04-01T08:00:00Z";
    return store_->RescheduleAppointment(booked.id, booked.version, change);
  };
  // Monday 6 April, BST: the break 12:30-13:00 local is 11:30 UTC.
  auto into_break = move_to("2026-04-06T11:30:00Z");
  ASSERT_EQ(Outcome(into_break), "conflict");
  EXPECT_EQ(into_break.error().field, "starts_at");
  EXPECT_THAT(into_break.error().message, ::testing::HasSubstr("break"));
  EXPECT_EQ(Outcome(move_to("2026-04-07T09:00:00Z")), "conflict");  // Time off.
  EXPECT_EQ(Outcome(move_to("2026-04-06T17:00:00Z")), "conflict");  // After hours.
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, booked.id)).starts_at, "2026-04-06T09:00:00Z");
  EXPECT_EQ(Must(move_to("2026-04-06T13:00:00Z")).starts_at, "2026-04-06T13:00:00Z");
}

TEST_P(StoreContractTest, NoStoredAppointmentLiesOutsideAvailabilityPropertyAcrossDst) {
  Must(store_->PutClinicSettings(LondonClinic(a_.id)));
  std::mt19937 rng(20260329);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  TherapistAvailability week;
  week.clinic_id = a_.id;
  week.therapist_id = therapist_a_.id;
  for (int day = 0; day < 7; ++day) {
    if (pick(0, 5) == 0) continue;  // A day off.
    // Working hours between 06:00 and 22:00, so the clock's 01:00 jump is
    // never inside them.
    const int from = pick(24, 44) * 15, to = pick(60, 88) * 15;
    week.week.hours.push_back({day, from, to});
    if (pick(0, 1)) {
      const int b = pick(from / 15 + 4, to / 15 - 6) * 15;
      week.week.breaks.push_back({day, b, b + pick(1, 4) * 15});
    }
  }
  Must(store_->PutTherapistAvailability(week, 0));

  const std::int64_t days[] = {*UtcSeconds("2026-03-27T00:00:00Z"),
                               *UtcSeconds("2026-10-23T00:00:00Z")};
  std::vector<UtcSpan> off;  // In force, as the model keeps them.
  std::vector<TimeOff> kept;
  auto available_minute = [&](std::int64_t t, std::int64_t first_day) {
    const ClinicClock c = *ToClinicClock(t, "Europe/London");
    if (c.local_day != first_day) return false;
    for (const UtcSpan& o : off) {
      if (o.start <= t && t < o.end) return false;
    }
    auto in = [&](const std::vector<WeekSpan>& spans) {
      for (const WeekSpan& s : spans) {
        if (s.weekday == c.weekday && s.from_minute <= c.minute_of_day &&
            c.minute_of_day < s.to_minute) {
          return true;
        }
      }
      return false;
    };
    return in(week.week.hours) && !in(week.week.breaks);
  };
  auto available = [&](std::int64_t start, int minutes) {
    const std::int64_t day = ToClinicClock(start, "Europe/London")->local_day;
    for (std::int64_t t = start; t < start + minutes * 60LL; t += 60) {
      if (!available_minute(t, day)) return false;
    }
    return true;
  };

  int accepted = 0, refused = 0;
  for (int step = 0; step < 300; ++step) {
    const std::int64_t base = days[pick(0, 1)] + pick(0, 4) * 86400LL;
    const int action = pick(0, 19);
    if (action == 0) {  // New time off.
      const std::int64_t from = base + pick(20, 88) * 900LL;
      const std::int64_t to = from + pick(2, 200) * 900LL;
      bool overlaps = false;
      for (const UtcSpan& o : off) overlaps = overlaps || (o.start < to && from < o.end);
      auto added = store_->AddTimeOff(Away(a_.id, therapist_a_.id, FormatUtc(from), FormatUtc(to)));
      ASSERT_EQ(Outcome(added), overlaps ? "invalid" : "ok") << FormatUtc(from);
      if (added.ok()) {
        off.push_back({from, to});
        kept.push_back(added.value());
      }
      continue;
    }
    if (action == 1 && !kept.empty()) {  // Withdraw one.
      const std::size_t i = static_cast<std::size_t>(pick(0, static_cast<int>(kept.size()) - 1));
      Must(store_->WithdrawTimeOff(a_.id, therapist_a_.id, kept[i].id, admin_a_.id,
                                   "2026-01-01T00:00:00Z"));
      const std::int64_t start = *UtcSeconds(kept[i].starts_at);
      std::erase_if(off, [&](const UtcSpan& o) { return o.start == start; });
      kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    const std::int64_t start = base + pick(20, 88) * 900LL;
    const int minutes = pick(1, 8) * 15;
    Appointment a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, FormatUtc(start));
    a.minutes = minutes;
    a.status = AppointmentStatus::kRequested;  // Holds no slot: only availability decides.
    auto made = store_->CreateAppointment(a);
    ASSERT_EQ(Outcome(made), available(start, minutes) ? "ok" : "conflict")
        << FormatUtc(start) << " for " << minutes << " minutes";
    (made.ok() ? accepted : refused) += 1;
  }
  EXPECT_GT(accepted, 20);
  EXPECT_GT(refused, 20);
  // Time off given after a request does not move it; booking it re-checks.
  for (const Appointment& a :
       Must(store_->ListAppointments(a_.id, "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"))) {
    const bool free = available(*UtcSeconds(a.starts_at), a.minutes);
    auto booked =
        store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kBooked, a.version);
    EXPECT_EQ(Outcome(booked), free ? "ok" : "conflict") << a.starts_at;
    if (booked.ok()) {  // Back to a request's weight: cancel so it holds no slot.
      Must(store_->UpdateAppointmentStatus(a_.id, a.id, AppointmentStatus::kCancelled,
                                           booked.value().version));
    }
  }
}

}  // namespace sciaticare::store::testing
