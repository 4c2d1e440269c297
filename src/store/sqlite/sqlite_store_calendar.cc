// The SQLite store's calendar feeds (issue 16), written once over the SQL
// session in store/records/: each runs the shared method on the writer or a
// reader connection.
#include "store/records/calendar_feed_records.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_store.h"

namespace sciaticare::store {

StoreResult<CalendarFeed> SqliteStore::CreateCalendarFeed(const CalendarFeed& feed) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateCalendarFeed(s, feed);
  });
}

StoreResult<CalendarFeed> SqliteStore::GetCalendarFeedByHash(std::string_view token_hash) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetCalendarFeedByHash(s, token_hash);
  });
}

StoreResult<CalendarFeed> SqliteStore::GetCalendarFeed(Id clinic_id, Id therapist_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetCalendarFeed(s, clinic_id, therapist_id);
  });
}

StoreStatus SqliteStore::RevokeCalendarFeed(Id clinic_id, Id therapist_id, Id by,
                                            std::string_view now) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::RevokeCalendarFeed(s, clinic_id, therapist_id, by, now);
  });
}

StoreResult<std::vector<CalendarAppointment>> SqliteStore::ListCalendarAppointments(
    const CalendarQuery& query) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListCalendarAppointments(s, query);
  });
}

}  // namespace sciaticare::store
