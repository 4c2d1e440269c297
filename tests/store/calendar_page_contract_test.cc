// The Store contract for a calendar read a page at a time (issue 16), on
// every backend (store_contract.h): ListCalendarAppointmentsPage gives the
// rows of ListCalendarAppointments in its order (start, then id), cut to the
// page, with the count of all pages, past the last page too; the therapist,
// patient, room and status filters narrow rows and count alike; another
// clinic's appointments never show; a page outside 1..500 is refused.
#include <algorithm>

#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kFrom[] = "2026-11-23T00:00:00Z";
constexpr char kTo[] = "2026-11-30T00:00:00Z";

std::vector<Id> IdsOf(const std::vector<CalendarAppointment>& rows) {
  std::vector<Id> ids;
  for (const CalendarAppointment& row : rows) ids.push_back(row.appointment.id);
  return ids;
}

CalendarQuery WeekOf(Id clinic) {
  CalendarQuery query;
  query.clinic_id = clinic;
  query.from = kFrom;
  query.to = kTo;
  return query;
}

// Clinic A's week as the tests book it.
struct BookedWeek {
  Id garden = 0;         // Its one room.
  std::vector<Id> week;  // Its appointments in (starts_at, id) order.
};

// A test's store, clinics, users and patients, and the fixture's
// NewAppointment, which books with them.
template <typename NewAppointment>
BookedWeek BookWeek(Store& store, NewAppointment make, Id a, Id b, Id therapist, Id admin,
                    Id therapist_b, Id patient, Id patient_b) {
  auto book = [&](const Appointment& x) { return Must(store.CreateAppointment(x)).id; };
  Room room;
  room.clinic_id = a;
  room.name = "Garden room";
  BookedWeek out;
  out.garden = Must(store.CreateRoom(room)).id;
  // Booked out of time order, so an order by id alone would be wrong; two
  // start at one time (the earlier id first); one is a request; one is after
  // the week; clinic B has one at the same time.
  const Id wednesday = book(make(a, patient, therapist, "2026-11-25T09:00:00Z"));
  Appointment in_room = make(a, patient, therapist, "2026-11-24T10:00:00Z");
  in_room.room_id = out.garden;
  const Id tuesday = book(in_room);
  Appointment request = make(a, patient, admin, "2026-11-24T10:00:00Z");
  request.status = AppointmentStatus::kRequested;
  const Id tuesday_request = book(request);
  const Id thursday = book(make(a, patient, admin, "2026-11-26T09:00:00Z"));
  book(make(a, patient, therapist, "2026-12-02T09:00:00Z"));
  book(make(b, patient_b, therapist_b, "2026-11-24T10:00:00Z"));
  out.week = {tuesday, tuesday_request, wednesday, thursday};
  return out;
}

Page<CalendarAppointment> PageOf(Store& store, const CalendarQuery& query, int limit,
                                 std::int64_t offset) {
  return Must(store.ListCalendarAppointmentsPage(query, PageRequest{limit, offset}));
}

}  // namespace

// Books clinic A's week (BookWeek) in a StoreContractTest's body.
#define BOOK_WEEK()                                                                              \
  BookWeek(                                                                                      \
      *store_, [this](Id c, Id p, Id t, const char* at) { return NewAppointment(c, p, t, at); }, \
      a_.id, b_.id, therapist_a_.id, admin_a_.id, therapist_b_.id, patient_a_.id, patient_b_.id)

TEST_P(StoreContractTest, CalendarPagePagesCutTheWholeReadInOrderAndCountAllPages) {
  const BookedWeek booked = BOOK_WEEK();
  const CalendarQuery week = WeekOf(a_.id);
  ASSERT_EQ(IdsOf(Must(store_->ListCalendarAppointments(week))), booked.week);

  const Page<CalendarAppointment> first = PageOf(*store_, week, 2, 0);
  EXPECT_EQ(IdsOf(first.items), std::vector<Id>(booked.week.begin(), booked.week.begin() + 2));
  EXPECT_EQ(first.total, 4);
  const Page<CalendarAppointment> second = PageOf(*store_, week, 2, 2);
  EXPECT_EQ(IdsOf(second.items), std::vector<Id>(booked.week.begin() + 2, booked.week.end()));
  EXPECT_EQ(second.total, 4);
  const Page<CalendarAppointment> last = PageOf(*store_, week, 2, 3);
  EXPECT_EQ(IdsOf(last.items), std::vector<Id>{booked.week.back()});
  EXPECT_EQ(last.total, 4);
  // Past the last page there is no row to count with, and the count stays.
  const Page<CalendarAppointment> beyond = PageOf(*store_, week, 2, 10);
  EXPECT_TRUE(beyond.items.empty());
  EXPECT_EQ(beyond.total, 4);

  // Each row comes with its names, as in the whole read.
  const CalendarAppointment& tuesday = first.items[0];
  EXPECT_EQ(tuesday.patient_name, patient_a_.given_name + " " + patient_a_.family_name);
  EXPECT_EQ(tuesday.therapist_name, therapist_a_.display_name);
  EXPECT_EQ(tuesday.room_name, std::optional<std::string>("Garden room"));
  EXPECT_EQ(first.items[1].therapist_name, admin_a_.display_name);
  EXPECT_EQ(first.items[1].room_name, std::nullopt);
}

TEST_P(StoreContractTest, CalendarPageFiltersNarrowTheRowsAndTheCountAlike) {
  const BookedWeek booked = BOOK_WEEK();
  CalendarQuery by_therapist = WeekOf(a_.id);
  by_therapist.therapist_id = therapist_a_.id;
  Page<CalendarAppointment> page = PageOf(*store_, by_therapist, 1, 1);
  EXPECT_EQ(IdsOf(page.items), std::vector<Id>{booked.week[2]});
  EXPECT_EQ(page.total, 2);

  CalendarQuery requested = WeekOf(a_.id);
  requested.status = AppointmentStatus::kRequested;
  page = PageOf(*store_, requested, 50, 0);
  EXPECT_EQ(IdsOf(page.items), std::vector<Id>{booked.week[1]});
  EXPECT_EQ(page.total, 1);
  requested.status = AppointmentStatus::kBooked;
  EXPECT_EQ(PageOf(*store_, requested, 50, 0).total, 3);

  CalendarQuery in_room = WeekOf(a_.id);
  in_room.room_id = booked.garden;
  page = PageOf(*store_, in_room, 50, 0);
  EXPECT_EQ(IdsOf(page.items), std::vector<Id>{booked.week[0]});
  EXPECT_EQ(page.total, 1);
  // The whole read keeps the same filters.
  EXPECT_EQ(IdsOf(Must(store_->ListCalendarAppointments(in_room))),
            std::vector<Id>{booked.week[0]});

  CalendarQuery of_patient = WeekOf(a_.id);
  of_patient.patient_id = patient_a_.id;
  EXPECT_EQ(PageOf(*store_, of_patient, 50, 0).total, 4);
  of_patient.patient_id = patient_b_.id;  // Clinic B's patient: nothing in clinic A.
  EXPECT_EQ(PageOf(*store_, of_patient, 50, 0).total, 0);

  // Every filter at once.
  CalendarQuery all = WeekOf(a_.id);
  all.therapist_id = admin_a_.id;
  all.patient_id = patient_a_.id;
  all.status = AppointmentStatus::kBooked;
  page = PageOf(*store_, all, 50, 0);
  EXPECT_EQ(IdsOf(page.items), std::vector<Id>{booked.week[3]});
  EXPECT_EQ(page.total, 1);
}

TEST_P(StoreContractTest, CalendarPageAnotherClinicsAppointmentsNeverShow) {
  const BookedWeek booked = BOOK_WEEK();
  const Page<CalendarAppointment> theirs = PageOf(*store_, WeekOf(b_.id), 50, 0);
  ASSERT_EQ(theirs.items.size(), 1u);
  EXPECT_EQ(theirs.items[0].appointment.clinic_id, b_.id);
  EXPECT_EQ(theirs.total, 1);
  CalendarQuery their_therapist = WeekOf(a_.id);
  their_therapist.therapist_id = therapist_b_.id;
  EXPECT_EQ(PageOf(*store_, their_therapist, 50, 0).total, 0);
  EXPECT_EQ(PageOf(*store_, their_therapist, 50, 5).total, 0);
}

TEST_P(StoreContractTest, CalendarPageAPageOutsideItsBoundsOrABadRangeIsRefused) {
  const BookedWeek booked = BOOK_WEEK();
  const CalendarQuery week = WeekOf(a_.id);
  EXPECT_EQ(Outcome(store_->ListCalendarAppointmentsPage(week, PageRequest{0, 0})), "invalid");
  EXPECT_EQ(Outcome(store_->ListCalendarAppointmentsPage(week, PageRequest{kMaxPageSize + 1, 0})),
            "invalid");
  EXPECT_EQ(Outcome(store_->ListCalendarAppointmentsPage(week, PageRequest{10, -1})), "invalid");
  EXPECT_EQ(PageOf(*store_, week, kMaxPageSize, 0).total, 4);
  CalendarQuery backwards = week;
  backwards.from = kTo;
  backwards.to = kFrom;
  EXPECT_EQ(Outcome(store_->ListCalendarAppointmentsPage(backwards, PageRequest{10, 0})),
            "invalid");
}

}  // namespace sciaticare::store::testing
