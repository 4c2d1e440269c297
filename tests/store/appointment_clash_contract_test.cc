// The Store contract that a therapist (and a patient) holds one appointment at a time, on
// every backend (store_contract.h): booked, arrived and done appointments
// hold their slot, requests and cancelled or no-show ones do not; an overlap
// is kConflict naming who is in the way; front desks racing for the same
// slots from many threads end with exactly one booking per slot; and random
// bookings and changes never leave two slot-holding appointments overlapping.
#include <algorithm>
#include <random>

#include "core/utc_time.h"
#include "store/booking_race.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kNine[] = "2026-12-08T09:00:00Z";

bool Holds(AppointmentStatus s) {
  return s == AppointmentStatus::kBooked || s == AppointmentStatus::kArrived ||
         s == AppointmentStatus::kDone;
}

bool Overlap(const Appointment& x, const Appointment& y) {
  const std::int64_t xs = *UtcSeconds(x.starts_at), ys = *UtcSeconds(y.starts_at);
  return xs < ys + y.minutes * 60LL && ys < xs + x.minutes * 60LL;
}

// Whether x and y would want one therapist, one patient or one room at once.
bool ShareSomething(const Appointment& x, const Appointment& y) {
  return x.therapist_id == y.therapist_id || x.patient_id == y.patient_id ||
         (x.room_id && x.room_id == y.room_id);
}

// The first pair of slot-holding appointments of one therapist, patient or room
// that overlap, as "id/id", or "" when there is none.
std::string FirstOverlap(const std::vector<Appointment>& all) {
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      const Appointment &x = all[i], &y = all[j];
      if (ShareSomething(x, y) && Holds(x.status) && Holds(y.status) && Overlap(x, y)) {
        return std::to_string(x.id) + "/" + std::to_string(y.id);
      }
    }
  }
  return "";
}

}  // namespace

TEST_P(StoreContractTest, AppointmentClashIsRefusedNamingWhoIsInTheWay) {
  Appointment first = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kNine);
  first.minutes = 60;
  Must(store_->CreateAppointment(first));
  Patient other = Must(store_->CreatePatient(NewPatient(a_.id, "Ada", "Lovelace")));
  Appointment clash = NewAppointment(a_.id, other.id, therapist_a_.id, "2026-12-08T09:30:00Z");
  auto refused = store_->CreateAppointment(clash);
  ASSERT_EQ(Outcome(refused), "conflict");
  EXPECT_EQ(refused.error().field, "starts_at");
  EXPECT_EQ(refused.error().message,
            "Name of thera@a.example is already booked with Ana Silva on Tue 8 Dec 2026 at 09:00 "
            "until 10:00: choose another time or therapist");
  // Back to back is no clash; another therapist at the same time is none either.
  Must(store_->CreateAppointment(
      NewAppointment(a_.id, other.id, therapist_a_.id, "2026-12-08T10:00:00Z")));
  Must(store_->CreateAppointment(NewAppointment(a_.id, other.id, admin_a_.id, kNine)));
  EXPECT_EQ(Must(store_->ListAppointments(a_.id, kNine, "2026-12-09T00:00:00Z")).size(), 3u);
}

// A patient is in one treatment room at a time (issue 16): the same patient
// with two therapists at once is refused, naming the appointment in the way.
TEST_P(StoreContractTest, PatientWithTwoTherapistsAtOnceIsRefusedNamingTheAppointment) {
  Appointment first = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kNine);
  first.minutes = 60;
  first = Must(store_->CreateAppointment(first));
  Appointment clash = NewAppointment(a_.id, patient_a_.id, admin_a_.id, "2026-12-08T09:30:00Z");
  auto refused = store_->CreateAppointment(clash);
  ASSERT_EQ(Outcome(refused), "conflict");
  EXPECT_EQ(refused.error().field, "starts_at");
  EXPECT_EQ(refused.error().message,
            "Ana Silva already has an appointment with Name of thera@a.example on Tue 8 Dec 2026 "
            "at 09:00 until 10:00: choose another time");
  // A request may overlap (the front desk sees it) but not become booked.
  clash.status = AppointmentStatus::kRequested;
  Appointment request = Must(store_->CreateAppointment(clash));
  EXPECT_EQ(Outcome(store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kBooked,
                                                    request.version)),
            "conflict");
  // Moving another of her appointments into that hour is refused too.
  Appointment later = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, admin_a_.id, "2026-12-08T11:00:00Z")));
  AppointmentChange move;
  move.clinic_id = a_.id;
  move.kind = "rescheduled";
  move.reason = "patient_request";
  move.changed_by = admin_a_.id;
  move.changed_at = "2026-12-01T08:00:00Z";
  move.new_starts_at = "2026-12-08T09:15:00Z";
  move.new_therapist_id = admin_a_.id;
  EXPECT_EQ(Outcome(store_->RescheduleAppointment(later.id, later.version, move)), "conflict");
  // Back to back is no clash, nor is a cancelled appointment in the way.
  Appointment before = NewAppointment(a_.id, patient_a_.id, admin_a_.id, "2026-12-08T08:00:00Z");
  before.minutes = 60;
  Must(store_->CreateAppointment(before));
  Must(store_->UpdateAppointmentStatus(a_.id, first.id, AppointmentStatus::kCancelled, 1));
  EXPECT_EQ(Must(store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kBooked,
                                                 request.version))
                .status,
            AppointmentStatus::kBooked);
}

TEST_P(StoreContractTest, AppointmentCancelledOrNoShowFreesTheSlotAndARequestHoldsNone) {
  Appointment booked =
      Must(store_->CreateAppointment(NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kNine)));
  // A patient's request for a taken slot is kept (the front desk sees the clash)...
  Appointment request = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kNine);
  request.status = AppointmentStatus::kRequested;
  request = Must(store_->CreateAppointment(request));
  // ...but cannot become booked while the slot is held.
  auto taken = store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kBooked, 1);
  EXPECT_EQ(Outcome(taken), "conflict");
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, request.id)).status, AppointmentStatus::kRequested);
  Must(store_->UpdateAppointmentStatus(a_.id, booked.id, AppointmentStatus::kCancelled, 1));
  EXPECT_EQ(Must(store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kBooked, 1))
                .status,
            AppointmentStatus::kBooked);
  Must(store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kNoShow, 2));
  Appointment nine =
      Must(store_->CreateAppointment(NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kNine)));
  Must(store_->UpdateAppointmentStatus(a_.id, nine.id, AppointmentStatus::kArrived, 1));
  // Arrived still holds the slot.
  auto again = store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-08T09:15:00Z"));
  EXPECT_EQ(Outcome(again), "conflict");
}

// 1,000 attempts from 8 threads on 50 hourly slots of one therapist: each
// attempt covers a different part of its hour, all parts of one hour overlap
// (every one holds :30-:45), none reaches the next hour.
TEST_P(StoreContractTest, AppointmentRaceOfFrontDesksBooksEachSlotExactlyOnce) {
  const BookingRace race{.first_slot_utc = *UtcSeconds("2026-12-07T00:00:00Z")};
  EXPECT_EQ(RunBookingRace(
                *store_, race,
                [&](int) { return NewAppointment(a_.id, patient_a_.id, therapist_a_.id, ""); }),
            EachSlotWonOnce(race));
  const auto booked = Must(
      store_->ListAppointments(a_.id, FormatUtc(race.first_slot_utc), FormatUtc(race.end_utc())));
  EXPECT_EQ(booked.size(), static_cast<std::size_t>(race.slots));
  EXPECT_EQ(FirstOverlap(booked), "");
}

// 1,000 attempts from 8 threads to book ONE patient on 50 hourly slots,
// each attempt with one of two therapists: the patient's lock makes the
// attempts take turns, so exactly one appointment per hour is kept.
TEST_P(StoreContractTest, AppointmentRaceForOnePatientWithTwoTherapistsBooksEachSlotOnce) {
  constexpr int kSlots = 50, kAttempts = 1000, kThreads = 8;
  const std::int64_t base = *UtcSeconds("2026-12-07T00:00:00Z");
  const Id therapists[] = {therapist_a_.id, admin_a_.id};
  std::atomic<int> next{0}, won{0}, refused{0}, failed{0};
  auto desk = [&] {
    for (int i = next++; i < kAttempts; i = next++) {
      const int slot = i % kSlots, part = (i / kSlots) % 3;
      Appointment a = NewAppointment(a_.id, patient_a_.id, therapists[(i / kSlots) % 2],
                                     FormatUtc(base + slot * 3600LL + part * 15 * 60LL));
      a.minutes = 60 - part * 15;
      auto r = store_->CreateAppointment(a);
      if (r.ok()) {
        ++won;
      } else if (r.kind() == StoreErrorKind::kConflict) {
        ++refused;
      } else {
        ++failed;
      }
    }
  };
  std::vector<std::thread> desks;
  for (int t = 0; t < kThreads; ++t) desks.emplace_back(desk);
  for (auto& t : desks) t.join();
  EXPECT_EQ(won.load(), kSlots);
  EXPECT_EQ(refused.load(), kAttempts - kSlots);
  EXPECT_EQ(failed.load(), 0);
  const auto booked =
      Must(store_->ListAppointments(a_.id, FormatUtc(base), FormatUtc(base + kSlots * 3600LL)));
  EXPECT_EQ(booked.size(), static_cast<std::size_t>(kSlots));
  EXPECT_EQ(FirstOverlap(booked), "");
}

// Model-based: random bookings, requests and status changes of two
// therapists for three patients in two rooms (or none); the store accepts a
// booking exactly when the model (every appointment so far) says its
// therapist, its patient and its room are free, and never holds an overlap
// of any.
TEST_P(StoreContractTest, AppointmentRandomBookingsNeverOverlapForOneTherapist) {
  std::mt19937 rng(20261208);
  Room room;
  room.clinic_id = a_.id;
  room.name = "Room 1";
  const Id room_one = Must(store_->CreateRoom(room)).id;
  room.name = "Room 2";
  const Id room_two = Must(store_->CreateRoom(room)).id;
  const std::int64_t base = *UtcSeconds("2026-12-07T08:00:00Z");
  const Id patients[] = {patient_a_.id,
                         Must(store_->CreatePatient(NewPatient(a_.id, "Ada", "Lovelace"))).id,
                         Must(store_->CreatePatient(NewPatient(a_.id, "Grace", "Hopper"))).id};
  std::vector<Appointment> model;
  for (int step = 0; step < 300; ++step) {
    if (!model.empty() && rng() % 3 == 0) {
      Appointment& a = model[rng() % model.size()];
      static constexpr AppointmentStatus kNext[] = {
          AppointmentStatus::kBooked, AppointmentStatus::kArrived, AppointmentStatus::kDone,
          AppointmentStatus::kCancelled, AppointmentStatus::kNoShow};
      const AppointmentStatus to = kNext[rng() % 5];
      auto r = store_->UpdateAppointmentStatus(a_.id, a.id, to, a.version);
      Appointment next = a;
      next.status = to;
      const bool final_now = IsFinal(a.status);
      const bool takes_slot = !Holds(a.status) && Holds(to);
      const bool free = std::none_of(model.begin(), model.end(), [&](const Appointment& o) {
        return o.id != a.id && ShareSomething(o, next) && Holds(o.status) && Overlap(o, next);
      });
      ASSERT_EQ(r.ok(), !final_now && (!takes_slot || free)) << "step " << step;
      if (r.ok()) a = r.value();
    } else {
      Appointment a =
          NewAppointment(a_.id, patients[rng() % 3], rng() % 4 == 0 ? admin_a_.id : therapist_a_.id,
                         FormatUtc(base + (rng() % 96) * 15 * 60LL));
      a.minutes = 15 + static_cast<int>(rng() % 8) * 15;
      a.status = rng() % 4 == 0 ? AppointmentStatus::kRequested : AppointmentStatus::kBooked;
      const unsigned which_room = rng() % 3;
      if (which_room != 0) a.room_id = which_room == 1 ? room_one : room_two;
      const bool free =
          !Holds(a.status) || std::none_of(model.begin(), model.end(), [&](const Appointment& o) {
            return ShareSomething(o, a) && Holds(o.status) && Overlap(o, a);
          });
      auto r = store_->CreateAppointment(a);
      ASSERT_EQ(Outcome(r), free ? "ok" : "conflict") << "step " << step;
      if (r.ok()) model.push_back(r.value());
    }
  }
  const auto stored =
      Must(store_->ListAppointments(a_.id, FormatUtc(base - 86400), FormatUtc(base + 2 * 86400)));
  EXPECT_EQ(stored.size(), model.size());
  EXPECT_EQ(FirstOverlap(stored), "");
}

}  // namespace sciaticare::store::testing
