// The Store contract for rooms, on every backend (store_contract.h): rooms
// are added, renamed and retired, never deleted; a booking names a room of the
// clinic still in use; a room holds one appointment at a time through every
// door that makes an appointment hold time (booking, a request booked, a
// move, a waiting-list offer booked), refused with kConflict at room_id
// naming what is in the way; and front desks of different therapists racing
// for one room's slots end with exactly one booking per slot.

#include "core/utc_time.h"
#include "store/booking_race.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kNine[] = "2026-12-08T09:00:00Z";
constexpr char kNow[] = "2026-12-07T08:00:00Z";

Room NewRoom(Id clinic, const std::string& name) {
  Room r;
  r.clinic_id = clinic;
  r.name = name;
  return r;
}

User Therapist(Id clinic, const std::string& email) {
  User u;
  u.clinic_id = clinic;
  u.email = email;
  u.display_name = "Name of " + email;
  u.role = Role::kTherapist;
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  return u;
}

AppointmentChange Move(Id clinic, Id by, const std::string& to, Id therapist,
                       std::optional<Id> room) {
  AppointmentChange c;
  c.clinic_id = clinic;
  c.kind = "rescheduled";
  c.reason = "patient_request";
  c.changed_by = by;
  c.changed_at = kNow;
  c.new_starts_at = to;
  c.new_therapist_id = therapist;
  c.new_room_id = room;
  return c;
}

}  // namespace

TEST_P(StoreContractTest, RoomsAreAddedRenamedAndRetiredNeverDeleted) {
  Room one = Must(store_->CreateRoom(NewRoom(a_.id, "Room 1")));
  EXPECT_TRUE(one.active);
  EXPECT_EQ(one.version, 1);
  Must(store_->CreateRoom(NewRoom(a_.id, "Garden room")));
  Must(store_->CreateRoom(NewRoom(b_.id, "Room 1")));  // Another clinic may use the name.
  auto twin = store_->CreateRoom(NewRoom(a_.id, "room 1"));
  ASSERT_EQ(Outcome(twin), "conflict");
  EXPECT_EQ(twin.error().field, "name");
  EXPECT_EQ(Outcome(store_->CreateRoom(NewRoom(a_.id, ""))), "invalid");
  EXPECT_EQ(Outcome(store_->CreateRoom(NewRoom(a_.id, std::string(61, 'x')))), "invalid");

  Room renamed = one;
  renamed.name = "Quiet room";
  renamed = Must(store_->UpdateRoom(renamed, 1));
  EXPECT_EQ(renamed.version, 2);
  EXPECT_EQ(Outcome(store_->UpdateRoom(renamed, 1)), "conflict");  // Stale.
  Room retired = renamed;
  retired.active = false;
  retired = Must(store_->UpdateRoom(retired, 2));
  Room elsewhere = retired;
  elsewhere.clinic_id = b_.id;
  EXPECT_EQ(Outcome(store_->UpdateRoom(elsewhere, 3)), "not found");

  const auto rooms = Must(store_->ListRooms(a_.id));
  ASSERT_EQ(rooms.size(), 2u);
  EXPECT_EQ(rooms[0].name, "Quiet room");
  EXPECT_FALSE(rooms[0].active);
  EXPECT_EQ(rooms[1].name, "Garden room");
  EXPECT_EQ(Must(store_->ListRooms(b_.id)).size(), 1u);
}

TEST_P(StoreContractTest, RoomBookingNeedsARoomOfTheClinicInUse) {
  Room used = Must(store_->CreateRoom(NewRoom(a_.id, "Room 1")));
  Room gone = Must(store_->CreateRoom(NewRoom(a_.id, "Old room")));
  gone.active = false;
  gone = Must(store_->UpdateRoom(gone, 1));
  Room theirs = Must(store_->CreateRoom(NewRoom(b_.id, "Their room")));
  for (Id room : {gone.id, theirs.id, Id{987654}}) {
    Appointment a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kNine);
    a.room_id = room;
    auto refused = store_->CreateAppointment(a);
    ASSERT_EQ(Outcome(refused), "invalid") << room;
    EXPECT_EQ(refused.error().field, "room_id");
  }
  Appointment a = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kNine);
  a.room_id = used.id;
  Appointment booked = Must(store_->CreateAppointment(a));
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, booked.id)).room_id, used.id);
  EXPECT_EQ(Must(store_->ListAppointments(a_.id, kNine, "2026-12-09T00:00:00Z")).size(), 1u);
}

TEST_P(StoreContractTest, RoomClashIsRefusedNamingWhatIsInTheWay) {
  Room room = Must(store_->CreateRoom(NewRoom(a_.id, "Room 1")));
  Room other_room = Must(store_->CreateRoom(NewRoom(a_.id, "Room 2")));
  Appointment first = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kNine);
  first.minutes = 60;
  first.room_id = room.id;
  Must(store_->CreateAppointment(first));
  Patient other = Must(store_->CreatePatient(NewPatient(a_.id, "Ada", "Lovelace")));
  // Another therapist, the same room, half an hour later: in the way.
  Appointment clash = NewAppointment(a_.id, other.id, admin_a_.id, "2026-12-08T09:30:00Z");
  clash.room_id = room.id;
  auto refused = store_->CreateAppointment(clash);
  ASSERT_EQ(Outcome(refused), "conflict");
  EXPECT_EQ(refused.error().field, "room_id");
  EXPECT_EQ(refused.error().message,
            "Room 1 is already taken by Ana Silva with Name of thera@a.example on Tue 8 Dec 2026 "
            "at 09:00 until 10:00: choose another time or room");
  // Another room, back to back in the room, or no room at all: no clash.
  clash.room_id = other_room.id;
  Must(store_->CreateAppointment(clash));
  // A third patient: Ada is with the admin until 10:15.
  Patient third = Must(store_->CreatePatient(NewPatient(a_.id, "Grace", "Hopper")));
  Appointment after = NewAppointment(a_.id, third.id, therapist_a_.id, "2026-12-08T10:00:00Z");
  after.room_id = room.id;
  Must(store_->CreateAppointment(after));
  Must(store_->CreateAppointment(
      NewAppointment(a_.id, other.id, admin_a_.id, "2026-12-08T11:00:00Z")));
}

TEST_P(StoreContractTest, RoomIsCheckedAtEveryDoorThatTakesTime) {
  Room room = Must(store_->CreateRoom(NewRoom(a_.id, "Room 1")));
  Appointment held = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kNine);
  held.room_id = room.id;
  held = Must(store_->CreateAppointment(held));
  Patient ada = Must(store_->CreatePatient(NewPatient(a_.id, "Ada", "Lovelace")));

  // A request in the taken room is kept, and cannot become booked.
  Appointment request = NewAppointment(a_.id, ada.id, admin_a_.id, kNine);
  request.room_id = room.id;
  request.status = AppointmentStatus::kRequested;
  request = Must(store_->CreateAppointment(request));
  auto confirm = store_->UpdateAppointmentStatus(a_.id, request.id, AppointmentStatus::kBooked, 1);
  ASSERT_EQ(Outcome(confirm), "conflict");
  EXPECT_EQ(confirm.error().field, "room_id");

  // A move into the taken room is refused; a move keeping the room, to
  // a free time, keeps the old and new room in the change.
  Appointment elsewhere = Must(store_->CreateAppointment(
      NewAppointment(a_.id, ada.id, admin_a_.id, "2026-12-08T13:00:00Z")));
  auto into = store_->RescheduleAppointment(
      elsewhere.id, 1, Move(a_.id, desk_a_.id, "2026-12-08T09:15:00Z", admin_a_.id, room.id));
  ASSERT_EQ(Outcome(into), "conflict");
  EXPECT_EQ(into.error().field, "room_id");
  Appointment moved = Must(store_->RescheduleAppointment(
      elsewhere.id, 1, Move(a_.id, desk_a_.id, "2026-12-08T14:00:00Z", admin_a_.id, room.id)));
  EXPECT_EQ(moved.room_id, room.id);
  const auto changes = Must(store_->ListAppointmentChanges(a_.id, elsewhere.id));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].old_room_id, std::nullopt);
  EXPECT_EQ(changes[0].new_room_id, room.id);

  // A freed slot is offered with its room; when the room is taken meanwhile
  // by another therapist, booking the offer is refused and nothing changes.
  WaitingEntry wants;
  wants.clinic_id = a_.id;
  wants.patient_id = ada.id;
  wants.therapist_id = therapist_a_.id;
  wants.earliest = "2026-12-08T08:00:00Z";
  wants.latest = "2026-12-08T12:00:00Z";
  wants.minutes = 45;
  wants.created_by = desk_a_.id;
  wants.created_at = kNow;
  const Id entry = Must(store_->AddWaitingEntry(wants)).id;
  AppointmentChange cancel = Move(a_.id, desk_a_.id, "", therapist_a_.id, std::nullopt);
  cancel.kind = "cancelled";
  cancel.new_therapist_id.reset();
  Must(store_->EndAppointment(held.id, 1, cancel));
  const auto entries = Must(store_->ListWaitingEntries(a_.id));
  ASSERT_EQ(entries.back().status, "offered");
  EXPECT_EQ(entries.back().offered_room_id, room.id);
  Appointment taker = NewAppointment(a_.id, patient_a_.id, admin_a_.id, kNine);
  taker.room_id = room.id;
  Must(store_->CreateAppointment(taker));
  auto offer = store_->BookWaitingOffer(a_.id, entry, 2);
  ASSERT_EQ(Outcome(offer), "conflict");
  EXPECT_EQ(offer.error().field, "room_id");
  EXPECT_EQ(Must(store_->ListWaitingEntries(a_.id)).back().status, "offered");
}

// 1,000 attempts from 8 threads on 50 hourly slots of one room, each attempt
// with one of five therapists (so no therapist's lock orders them): each
// covers a different part of its hour, all parts of one hour overlap.
TEST_P(StoreContractTest, RoomRaceOfFrontDesksBooksEachSlotExactlyOnce) {
  constexpr int kTherapists = 5;
  const Room room = Must(store_->CreateRoom(NewRoom(a_.id, "Room 1")));
  std::vector<Id> therapists;
  for (int t = 0; t < kTherapists; ++t) {
    therapists.push_back(
        Must(store_->CreateUser(Therapist(a_.id, "t" + std::to_string(t) + "@a.example"))).id);
  }
  const BookingRace race{.first_slot_utc = *UtcSeconds("2026-12-07T00:00:00Z")};
  auto in_the_room = [&](int attempt) {
    Appointment a =
        NewAppointment(a_.id, patient_a_.id, therapists[(attempt / race.slots) % kTherapists], "");
    a.room_id = room.id;
    return a;
  };
  EXPECT_EQ(RunBookingRace(*store_, race, in_the_room), EachSlotWonOnce(race));
  const auto booked = Must(
      store_->ListAppointments(a_.id, FormatUtc(race.first_slot_utc), FormatUtc(race.end_utc())));
  EXPECT_EQ(booked.size(), static_cast<std::size_t>(race.slots));
}

}  // namespace sciaticare::store::testing
