// The Store contract for calendar feeds, on every backend (store_contract.h):
// a feed is found by its token hash while in force; a new one revokes the
// therapist's old one in the same write; turning it off keeps the row; only
// a treating user of the clinic has one; and a calendar's appointments come
// with their names, for one therapist or one patient.
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kMonday[] = "2026-11-23T09:00:00Z";
constexpr char kTuesday[] = "2026-11-24T09:00:00Z";

CalendarFeed FeedFor(const User& therapist, Id by, const std::string& hash,
                     const std::string& at = kMonday) {
  CalendarFeed f;
  f.clinic_id = therapist.clinic_id;
  f.therapist_id = therapist.id;
  f.token_hash = hash;
  f.created_by = by;
  f.created_at = at;
  return f;
}

}  // namespace

TEST_P(StoreContractTest, CalendarFeedIsFoundByItsHashWhileInForce) {
  const CalendarFeed created =
      Must(store_->CreateCalendarFeed(FeedFor(therapist_a_, therapist_a_.id, "f1")));
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(Must(store_->GetCalendarFeedByHash("f1")).therapist_id, therapist_a_.id);
  EXPECT_EQ(Must(store_->GetCalendarFeed(a_.id, therapist_a_.id)).id, created.id);
  EXPECT_EQ(Outcome(store_->GetCalendarFeedByHash("no-such")), "not found");
  EXPECT_EQ(Outcome(store_->GetCalendarFeed(b_.id, therapist_a_.id)), "not found");
}

TEST_P(StoreContractTest, CalendarFeedANewOneRevokesTheOldAndTurningOffKeepsIt) {
  Must(store_->CreateCalendarFeed(FeedFor(therapist_a_, therapist_a_.id, "old")));
  Must(store_->CreateCalendarFeed(FeedFor(therapist_a_, admin_a_.id, "new", kTuesday)));
  EXPECT_EQ(Outcome(store_->GetCalendarFeedByHash("old")), "not found");
  EXPECT_EQ(Must(store_->GetCalendarFeed(a_.id, therapist_a_.id)).token_hash, "new");

  EXPECT_EQ(Outcome(store_->RevokeCalendarFeed(a_.id, therapist_a_.id, admin_a_.id, kTuesday)),
            "ok");
  EXPECT_EQ(Outcome(store_->GetCalendarFeedByHash("new")), "not found");
  EXPECT_EQ(Outcome(store_->GetCalendarFeed(a_.id, therapist_a_.id)), "not found");
  EXPECT_EQ(Outcome(store_->RevokeCalendarFeed(a_.id, therapist_a_.id, admin_a_.id, kTuesday)),
            "not found");
  // Another clinic cannot turn off clinic A's feed.
  Must(store_->CreateCalendarFeed(FeedFor(therapist_a_, therapist_a_.id, "again")));
  EXPECT_EQ(Outcome(store_->RevokeCalendarFeed(b_.id, therapist_a_.id, therapist_b_.id, kTuesday)),
            "not found");
  EXPECT_EQ(Must(store_->GetCalendarFeedByHash("again")).therapist_id, therapist_a_.id);
}

TEST_P(StoreContractTest, CalendarFeedOnlyForATreatingUserOfTheClinic) {
  EXPECT_EQ(Outcome(store_->CreateCalendarFeed(FeedFor(desk_a_, admin_a_.id, "desk"))), "invalid");
  CalendarFeed other_clinic = FeedFor(therapist_b_, admin_a_.id, "b");
  other_clinic.clinic_id = a_.id;
  EXPECT_EQ(Outcome(store_->CreateCalendarFeed(other_clinic)), "not found");
  EXPECT_EQ(Outcome(store_->GetCalendarFeedByHash("desk")), "not found");
}

TEST_P(StoreContractTest, CalendarFeedOfADeactivatedTherapistIsNotFound) {
  Must(store_->CreateCalendarFeed(FeedFor(therapist_a_, therapist_a_.id, "gone")));
  UserUpdate off;
  off.active = false;
  Must(store_->UpdateUser(a_.id, therapist_a_.id, off));
  EXPECT_EQ(Outcome(store_->GetCalendarFeedByHash("gone")), "not found");
}

TEST_P(StoreContractTest, CalendarAppointmentsComeWithNamesForATherapistOrAPatient) {
  const Appointment first = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-11-23T10:00:00Z")));
  Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, admin_a_.id, "2026-11-23T11:00:00Z")));
  CalendarQuery query;
  query.clinic_id = a_.id;
  query.therapist_id = therapist_a_.id;
  query.from = "2026-11-01T00:00:00Z";
  query.to = "2026-12-01T00:00:00Z";
  std::vector<CalendarAppointment> rows = Must(store_->ListCalendarAppointments(query));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].appointment.id, first.id);
  EXPECT_EQ(rows[0].patient_name, patient_a_.given_name + " " + patient_a_.family_name);
  EXPECT_EQ(rows[0].therapist_name, therapist_a_.display_name);

  query.therapist_id.reset();
  query.patient_id = patient_a_.id;
  EXPECT_EQ(Must(store_->ListCalendarAppointments(query)).size(), 2u);
  query.clinic_id = b_.id;
  EXPECT_TRUE(Must(store_->ListCalendarAppointments(query)).empty());
  query.to = "not a time";
  EXPECT_EQ(Outcome(store_->ListCalendarAppointments(query)), "invalid");
}

// The calendar's one read also names each appointment's room (none without
// one), so a screen needs no second statement for the rooms.
TEST_P(StoreContractTest, CalendarAppointmentsComeWithTheirRoomsName) {
  Room room;
  room.clinic_id = a_.id;
  room.name = "Garden room";
  const Id garden = Must(store_->CreateRoom(room)).id;
  Appointment in_room = NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kMonday);
  in_room.room_id = garden;
  Must(store_->CreateAppointment(in_room));
  Must(store_->CreateAppointment(NewAppointment(a_.id, patient_a_.id, therapist_a_.id, kTuesday)));
  CalendarQuery query;
  query.clinic_id = a_.id;
  query.from = "2026-11-01T00:00:00Z";
  query.to = "2026-12-01T00:00:00Z";
  std::vector<CalendarAppointment> rows = Must(store_->ListCalendarAppointments(query));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].room_name, std::optional<std::string>("Garden room"));
  EXPECT_EQ(rows[1].room_name, std::nullopt);
}

}  // namespace sciaticare::store::testing
