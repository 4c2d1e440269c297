// The Store's calendar feeds (issue 16), written once for both databases: each
// runs its shared record method (store/records/) on a session the database
// lends for a read or a write (RecordStore::OnSession).
#include "store/record_store.h"
#include "store/records/calendar_feed_records.h"

namespace sciaticare::store {

StoreResult<CalendarFeed> RecordStore::CreateCalendarFeed(const CalendarFeed& feed) {
  return Writing([&](sql::Session& s) { return records::CreateCalendarFeed(s, feed); });
}

StoreResult<CalendarFeed> RecordStore::GetCalendarFeedByHash(std::string_view token_hash) {
  return Reading([&](sql::Session& s) { return records::GetCalendarFeedByHash(s, token_hash); });
}

StoreResult<CalendarFeed> RecordStore::GetCalendarFeed(Id clinic_id, Id therapist_id) {
  return Reading(
      [&](sql::Session& s) { return records::GetCalendarFeed(s, clinic_id, therapist_id); });
}

StoreStatus RecordStore::RevokeCalendarFeed(Id clinic_id, Id therapist_id, Id by,
                                            std::string_view now) {
  return Writing([&](sql::Session& s) {
    return records::RevokeCalendarFeed(s, clinic_id, therapist_id, by, now);
  });
}

StoreResult<std::vector<CalendarAppointment>> RecordStore::ListCalendarAppointments(
    const CalendarQuery& query) {
  return Reading([&](sql::Session& s) { return records::ListCalendarAppointments(s, query); });
}

StoreResult<Page<CalendarAppointment>> RecordStore::ListCalendarAppointmentsPage(
    const CalendarQuery& query, const PageRequest& page) {
  return Reading(
      [&](sql::Session& s) { return records::ListCalendarAppointmentsPage(s, query, page); });
}

}  // namespace sciaticare::store
