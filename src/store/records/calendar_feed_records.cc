// Calendar feeds on the SQL session: the calendar_feeds column list and row
// reader, and the appointments of a calendar with their names.
#include "store/records/calendar_feed_records.h"

#include <array>
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

namespace {

// The filters a CalendarQuery has, a bit each: each combination (shape) is a
// statement text of its own, so each is prepared once per connection and
// uses its index (by therapist, by patient, or the clinic's day).
constexpr unsigned kByTherapist = 1, kByPatient = 2, kInRoom = 4, kInStatus = 8;
constexpr unsigned kCalendarShapes = 16;

unsigned ShapeOf(const CalendarQuery& q) {
  return (q.therapist_id ? kByTherapist : 0) | (q.patient_id ? kByPatient : 0) |
         (q.room_id ? kInRoom : 0) | (q.status ? kInStatus : 0);
}

// The condition of a shape on appointments `a`; BindCalendarQuery fills it.
std::string CalendarWhere(unsigned shape) {
  std::string where = "a.clinic_id = ?";
  if (shape & kByTherapist) where += " AND a.therapist_id = ?";
  if (shape & kByPatient) where += " AND a.patient_id = ?";
  if (shape & kInRoom) where += " AND a.room_id = ?";
  if (shape & kInStatus) where += " AND a.status = ?";
  return where + " AND a.starts_at >= ? AND a.starts_at < ?";
}

sql::Query& BindCalendarQuery(sql::Query& q, const CalendarQuery& query) {
  q.Bind(query.clinic_id);
  if (query.therapist_id) q.Bind(*query.therapist_id);
  if (query.patient_id) q.Bind(*query.patient_id);
  if (query.room_id) q.Bind(*query.room_id);
  if (query.status) q.Bind(ToString(*query.status));
  return q.Bind(query.from).Bind(query.to);
}

// What a calendar row shows besides the appointment (read by
// ReadCalendarAppointment), and the joins that name them: a screen is one
// round trip, however many patients.
std::string NamedCalendarColumns() {
  return "SELECT " + AppointmentColumnsOf("a") +
         ", p.given_name || ' ' || p.family_name, u.display_name, r.name";
}
constexpr char kCalendarNameJoins[] =
    " JOIN patients p ON p.clinic_id = a.clinic_id AND p.id = a.patient_id"
    " JOIN users u ON u.clinic_id = a.clinic_id AND u.id = a.therapist_id"
    " LEFT JOIN rooms r ON r.clinic_id = a.clinic_id AND r.id = a.room_id";

CalendarAppointment ReadCalendarAppointment(const sql::Row& r) {
  return CalendarAppointment{ReadAppointment(r), r.Text(kAppointmentColumnCount),
                             r.Text(kAppointmentColumnCount + 1),
                             r.OptText(kAppointmentColumnCount + 2)};
}

// One statement text per shape, built on first use (never during static
// initialisation, which the appointment columns of another file may not have
// finished) and kept for the life of the process.
template <typename Build>
const std::string& ShapeSql(unsigned shape, Build build) {
  static const std::array<std::string, kCalendarShapes> texts = [&] {
    std::array<std::string, kCalendarShapes> out;
    for (unsigned each = 0; each < kCalendarShapes; ++each) out[each] = build(each);
    return out;
  }();
  return texts[shape];
}

const std::string& WholeRangeSql(unsigned shape) {
  return ShapeSql(shape, [](unsigned each) {
    return NamedCalendarColumns() + " FROM appointments a" + kCalendarNameJoins + " WHERE " +
           CalendarWhere(each) + " ORDER BY a.starts_at, a.id";
  });
}

// The page is chosen (and all pages counted) on appointments alone, so only
// the page's own rows are joined to their names.
const std::string& PageSql(unsigned shape) {
  return ShapeSql(shape, [](unsigned each) {
    return NamedCalendarColumns() +
           ", t.total FROM (SELECT a.id, COUNT(*) OVER () AS total FROM appointments a WHERE " +
           CalendarWhere(each) +
           " ORDER BY a.starts_at, a.id LIMIT ? OFFSET ?) t JOIN appointments a ON a.id = t.id" +
           kCalendarNameJoins + " ORDER BY a.starts_at, a.id";
  });
}

const std::string& CountSql(unsigned shape) {
  return ShapeSql(shape, [](unsigned each) {
    return "SELECT COUNT(*) FROM appointments a WHERE " + CalendarWhere(each);
  });
}

// The page's rows and the count that came with them (0 when there are none).
Page<CalendarAppointment> ReadPage(sql::Session& s, const CalendarQuery& query,
                                   const PageRequest& request) {
  Page<CalendarAppointment> page;
  sql::Query q = s.Prepare(PageSql(ShapeOf(query)));
  BindCalendarQuery(q, query).Bind(request.limit).Bind(request.offset);
  page.items = q.All(
      [&](const sql::Row& r) {
        page.total = r.Int64(kAppointmentColumnCount + 3);
        return ReadCalendarAppointment(r);
      },
      static_cast<std::size_t>(request.limit));
  return page;
}

}  // namespace

StoreResult<std::vector<CalendarAppointment>> ListCalendarAppointments(sql::Session& s,
                                                                       const CalendarQuery& query) {
  if (auto problem = CheckTimeRange(query.from, query.to)) return *problem;
  sql::Query q = s.Prepare(WholeRangeSql(ShapeOf(query)));
  return BindCalendarQuery(q, query).All(ReadCalendarAppointment);
}

StoreResult<Page<CalendarAppointment>> ListCalendarAppointmentsPage(sql::Session& s,
                                                                    const CalendarQuery& query,
                                                                    const PageRequest& request) {
  if (auto problem = CheckTimeRange(query.from, query.to)) return *problem;
  if (auto problem = CheckPage(request)) return *problem;
  // One statement brings the page and the count of all pages.
  Page<CalendarAppointment> page = ReadPage(s, query, request);
  if (!page.items.empty() || request.offset == 0) return page;
  // A page past the end has no row to carry the count: count apart, with
  // the page read again in the same snapshot (rows may have come meanwhile).
  auto tx = s.Begin(sql::TxKind::kRead);
  page = ReadPage(s, query, request);
  if (page.items.empty()) {
    sql::Query count = s.Prepare(CountSql(ShapeOf(query)));
    page.total = BindCalendarQuery(count, query).Scalar();
  }
  tx->Commit();
  return page;
}

}  // namespace sciaticare::store::records
