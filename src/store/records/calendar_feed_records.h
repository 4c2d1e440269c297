// Therapists' calendar feeds and the appointments calendars show, written
// once for both stores over the SQL session; throws what the session throws
// (the store maps it).
#pragma once

#include <string_view>
#include <vector>

#include "store/calendar_feed_store.h"
#include "store/sql/sql_session.h"

namespace sciaticare::store::records {

// The CalendarFeedStore methods of the same names (calendar_feed_store.h
// states their contracts).
StoreResult<CalendarFeed> CreateCalendarFeed(sql::Session& s, const CalendarFeed& feed);
StoreResult<CalendarFeed> GetCalendarFeedByHash(sql::Session& s, std::string_view token_hash);
StoreResult<CalendarFeed> GetCalendarFeed(sql::Session& s, Id clinic_id, Id therapist_id);
StoreStatus RevokeCalendarFeed(sql::Session& s, Id clinic_id, Id therapist_id, Id by,
                               std::string_view now);
StoreResult<std::vector<CalendarAppointment>> ListCalendarAppointments(sql::Session& s,
                                                                       const CalendarQuery& query);
StoreResult<Page<CalendarAppointment>> ListCalendarAppointmentsPage(sql::Session& s,
                                                                    const CalendarQuery& query,
                                                                    const PageRequest& page);

}  // namespace sciaticare::store::records
