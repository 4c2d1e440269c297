// Calendar feeds on the SQL session: the calendar_feeds column list and row
// reader, and the appointments of a calendar with their names.
#include "store/records/calendar_feed_records.h"

#include <string>

#include "store/records/appointment_records.h"
#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kFeedColumns =
    "id, clinic_id, therapist_id, token_hash, created_by, created_at, revoked_by, revoked_at";

CalendarFeed ReadFeed(const sql::Row& r) {
  return CalendarFeed{r.Int64(0), r.Int64(1), r.Int64(2),    r.Text(3),
                      r.Int64(4), r.Text(5),  r.OptInt64(6), r.OptText(7)};
}

// Revokes the therapist's feed in force, if any; how many were.
std::int64_t RevokeInForce(sql::Session& s, Id clinic_id, Id therapist_id, Id by,
                           std::string_view now) {
  return s
      .Prepare(
          "UPDATE calendar_feeds SET revoked_by = ?, revoked_at = ? WHERE clinic_id = ? AND "
          "therapist_id = ? AND revoked_at IS NULL")
      .Bind(by)
      .Bind(now)
      .Bind(clinic_id)
      .Bind(therapist_id)
      .Exec();
}

}  // namespace

StoreResult<CalendarFeed> CreateCalendarFeed(sql::Session& s, const CalendarFeed& feed) {
  if (auto problem = CheckUtcTime("created_at", feed.created_at)) return *problem;
  if (feed.token_hash.empty()) return Invalid("token_hash", "is empty");
  auto tx = s.Begin(sql::TxKind::kWrite);
  // Locked, so two new links for one therapist at once take turns and the
  // second revokes the first.
  if (auto e = CheckTherapist(s, "therapist_id", feed.clinic_id, feed.therapist_id, true)) {
    return *e;
  }
  if (auto e = CheckInClinic(s, "users", "created_by", feed.clinic_id, feed.created_by)) return *e;
  RevokeInForce(s, feed.clinic_id, feed.therapist_id, feed.created_by, feed.created_at);
  CalendarFeed out = feed;
  out.id = s.Prepare(
                "INSERT INTO calendar_feeds (clinic_id, therapist_id, token_hash, created_by, "
                "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
               .Bind(feed.clinic_id)
               .Bind(feed.therapist_id)
               .Bind(feed.token_hash)
               .Bind(feed.created_by)
               .Bind(feed.created_at)
               .Scalar();
  out.revoked_by.reset();
  out.revoked_at.reset();
  tx->Commit();
  return out;
}

StoreResult<CalendarFeed> GetCalendarFeedByHash(sql::Session& s, std::string_view token_hash) {
  static const std::string sql =
      "SELECT " + kFeedColumns +
      " FROM calendar_feeds WHERE token_hash = ? AND revoked_at IS NULL AND EXISTS (SELECT 1 FROM "
      "users WHERE users.id = calendar_feeds.therapist_id AND users.active = TRUE)";
  auto row = s.Prepare(sql).Bind(token_hash).One(ReadFeed);
  if (!row) return NotFound("token", "no such calendar feed, or it was turned off");
  return *row;
}

StoreResult<CalendarFeed> GetCalendarFeed(sql::Session& s, Id clinic_id, Id therapist_id) {
  static const std::string sql =
      "SELECT " + kFeedColumns +
      " FROM calendar_feeds WHERE clinic_id = ? AND therapist_id = ? AND revoked_at IS NULL";
  auto row = s.Prepare(sql).Bind(clinic_id).Bind(therapist_id).One(ReadFeed);
  if (!row) return NotFound("therapist_id", "this therapist has no calendar feed turned on");
  return *row;
}

StoreStatus RevokeCalendarFeed(sql::Session& s, Id clinic_id, Id therapist_id, Id by,
                               std::string_view now) {
  if (auto problem = CheckUtcTime("now", now)) return *problem;
  if (RevokeInForce(s, clinic_id, therapist_id, by, now) == 0) {
    return NotFound("therapist_id", "this therapist has no calendar feed turned on");
  }
  return Done{};
}

StoreResult<std::vector<CalendarAppointment>> ListCalendarAppointments(sql::Session& s,
                                                                       const CalendarQuery& query) {
  if (auto problem = CheckTimeRange(query.from, query.to)) return *problem;
  // One statement for each filter shape, so each is prepared once and uses
  // its index (by therapist or by patient). The names come in the same
  // statement: a calendar screen is one round trip, however many patients.
  std::string sql = "SELECT " + AppointmentColumnsOf("a") +
                    ", p.given_name || ' ' || p.family_name, u.display_name, r.name "
                    "FROM appointments a "
                    "JOIN patients p ON p.clinic_id = a.clinic_id AND p.id = a.patient_id "
                    "JOIN users u ON u.clinic_id = a.clinic_id AND u.id = a.therapist_id "
                    "LEFT JOIN rooms r ON r.clinic_id = a.clinic_id AND r.id = a.room_id "
                    "WHERE a.clinic_id = ?";
  if (query.therapist_id) sql += " AND a.therapist_id = ?";
  if (query.patient_id) sql += " AND a.patient_id = ?";
  sql += " AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.id";
  auto statement = s.Prepare(sql);
  statement.Bind(query.clinic_id);
  if (query.therapist_id) statement.Bind(*query.therapist_id);
  if (query.patient_id) statement.Bind(*query.patient_id);
  return statement.Bind(query.from).Bind(query.to).All([](const sql::Row& r) {
    return CalendarAppointment{ReadAppointment(r), r.Text(kAppointmentColumnCount),
                               r.Text(kAppointmentColumnCount + 1),
                               r.OptText(kAppointmentColumnCount + 2)};
  });
}

}  // namespace sciaticare::store::records
