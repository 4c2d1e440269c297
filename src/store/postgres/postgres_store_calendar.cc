// The PostgreSQL store's calendar feeds (issue 16), written once over the SQL
// session in store/records/.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/calendar_feed_records.h"

namespace sciaticare::store {

StoreResult<CalendarFeed> PostgresStore::CreateCalendarFeed(const CalendarFeed& feed) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateCalendarFeed(s, feed);
  });
}

StoreResult<CalendarFeed> PostgresStore::GetCalendarFeedByHash(std::string_view token_hash) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetCalendarFeedByHash(s, token_hash);
  });
}

StoreResult<CalendarFeed> PostgresStore::GetCalendarFeed(Id clinic_id, Id therapist_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetCalendarFeed(s, clinic_id, therapist_id);
  });
}

StoreStatus PostgresStore::RevokeCalendarFeed(Id clinic_id, Id therapist_id, Id by,
                                              std::string_view now) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::RevokeCalendarFeed(s, clinic_id, therapist_id, by, now);
  });
}

StoreResult<std::vector<CalendarAppointment>> PostgresStore::ListCalendarAppointments(
    const CalendarQuery& query) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListCalendarAppointments(s, query);
  });
}

}  // namespace sciaticare::store
