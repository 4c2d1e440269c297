// Therapists' availability on the SQL session (see
// therapist_availability_records.h).
#include "store/records/therapist_availability_records.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "clock/clinic_time.h"
#include "core/utc_time.h"
#include "store/records/clinic_settings_records.h"
#include "store/records/record_checks.h"

namespace sciaticare::store::records {
namespace {

constexpr std::size_t kMaxSpans = 7 * 8;
const std::string kTimeOffColumns =
    "id, clinic_id, therapist_id, starts_at, ends_at, reason, created_by, created_at, "
    "withdrawn_at, withdrawn_by";

TimeOff ReadTimeOffRow(const sql::Row& r) {
  TimeOff t;
  t.id = r.Int64(0);
  t.clinic_id = r.Int64(1);
  t.therapist_id = r.Int64(2);
  t.starts_at = r.Text(3);
  t.ends_at = r.Text(4);
  t.reason = r.Text(5);
  t.created_by = r.Int64(6);
  t.created_at = r.Text(7);
  t.withdrawn_at = r.OptText(8);
  t.withdrawn_by = r.OptInt64(9);
  return t;
}

TherapistAvailability ReadWeek(sql::Session& s, Id clinic_id, Id therapist_id) {
  TherapistAvailability out;
  out.clinic_id = clinic_id;
  out.therapist_id = therapist_id;
  out.version = static_cast<int>(
      s.Prepare("SELECT version FROM therapist_weeks WHERE clinic_id = ? AND therapist_id = ?")
          .Bind(clinic_id)
          .Bind(therapist_id)
          .Scalar());
  out.week.set = out.version > 0;
  const auto spans = s.Prepare(
                          "SELECT kind, weekday, from_minute, to_minute FROM therapist_week_spans "
                          "WHERE clinic_id = ? AND therapist_id = ? ORDER BY weekday, from_minute")
                         .Bind(clinic_id)
                         .Bind(therapist_id)
                         .All([](const sql::Row& r) {
                           return std::make_pair(r.Text(0), WeekSpan{r.Int(1), r.Int(2), r.Int(3)});
                         });
  for (const auto& [kind, span] : spans) {
    (kind == "hours" ? out.week.hours : out.week.breaks).push_back(span);
  }
  return out;
}

// Time off in force (not withdrawn) overlapping [from, to), earliest first.
std::vector<TimeOff> ReadTimeOffOverlapping(sql::Session& s, Id clinic_id, Id therapist_id,
                                            std::string_view from, std::string_view to) {
  // Fixed-width UTC text: text order is time order.
  return s
      .Prepare("SELECT " + kTimeOffColumns +
               " FROM therapist_time_off WHERE clinic_id = ? AND therapist_id = ? AND ends_at > ? "
               "AND starts_at < ? AND withdrawn_at IS NULL ORDER BY starts_at, id")
      .Bind(clinic_id)
      .Bind(therapist_id)
      .Bind(std::string(from))
      .Bind(std::string(to))
      .All(ReadTimeOffRow);
}

void SortSpans(std::vector<WeekSpan>& spans) {
  std::sort(spans.begin(), spans.end(), [](const WeekSpan& a, const WeekSpan& b) {
    return std::tie(a.weekday, a.from_minute) < std::tie(b.weekday, b.from_minute);
  });
}

}  // namespace

std::optional<StoreError> CheckTherapistAvailable(sql::Session& s, Id clinic_id, Id therapist_id,
                                                  std::string_view zone, std::string_view starts_at,
                                                  int minutes) {
  const std::int64_t start = UtcSeconds(starts_at).value_or(0);
  const TherapistAvailability week = ReadWeek(s, clinic_id, therapist_id);
  std::vector<UtcSpan> off;
  for (const TimeOff& t : ReadTimeOffOverlapping(s, clinic_id, therapist_id, starts_at,
                                                 FormatUtc(start + minutes * 60LL))) {
    off.push_back({UtcSeconds(t.starts_at).value_or(0), UtcSeconds(t.ends_at).value_or(0)});
  }
  const std::string name =
      s.Prepare("SELECT display_name FROM users WHERE clinic_id = ? AND id = ?")
          .Bind(clinic_id)
          .Bind(therapist_id)
          .One([](const sql::Row& r) { return r.Text(0); })
          .value_or("The therapist");
  if (auto why = WhyTherapistUnavailable(week.week, off, zone, name, start, minutes)) {
    return Conflict("starts_at", *why);
  }
  return std::nullopt;
}

StoreResult<TherapistAvailability> GetTherapistAvailability(sql::Session& s, Id clinic_id,
                                                            Id therapist_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckTherapist(s, "id", clinic_id, therapist_id)) return *e;
  return ReadWeek(s, clinic_id, therapist_id);
}

StoreResult<TherapistAvailability> PutTherapistAvailability(sql::Session& s,
                                                            const TherapistAvailability& a,
                                                            int expected_version) {
  TherapistAvailability next = a;
  next.week.set = true;
  if (next.week.hours.size() > kMaxSpans) return Invalid("hours", "at most 56 working periods");
  if (next.week.breaks.size() > kMaxSpans) return Invalid("breaks", "at most 56 breaks");
  if (auto problem = CheckWeek(next.week)) return Invalid(problem->field, problem->message);
  SortSpans(next.week.hours);
  SortSpans(next.week.breaks);
  auto tx = s.Begin(sql::TxKind::kWrite);
  // The therapist's lock, as a booking takes it, so a booking never checks a
  // week that is being replaced.
  if (auto e = CheckTherapist(s, "id", next.clinic_id, next.therapist_id, /*lock=*/true)) {
    return *e;
  }
  const int version = static_cast<int>(
      s.Prepare("SELECT version FROM therapist_weeks WHERE clinic_id = ? AND therapist_id = ?")
          .Bind(next.clinic_id)
          .Bind(next.therapist_id)
          .Scalar());
  if (version != expected_version) {
    return Conflict("version", "the working hours were changed meanwhile (now version " +
                                   std::to_string(version) + ")");
  }
  if (version == 0) {
    s.Prepare("INSERT INTO therapist_weeks (clinic_id, therapist_id, version) VALUES (?, ?, 1)")
        .Bind(next.clinic_id)
        .Bind(next.therapist_id)
        .Exec();
  } else {
    s.Prepare(
         "UPDATE therapist_weeks SET version = version + 1 WHERE clinic_id = ? AND "
         "therapist_id = ?")
        .Bind(next.clinic_id)
        .Bind(next.therapist_id)
        .Exec();
  }
  // Working hours are not clinical: replacing them is fine; the route audits
  // who changed them, and appointments already booked are kept.
  s.Prepare("DELETE FROM therapist_week_spans WHERE clinic_id = ? AND therapist_id = ?")
      .Bind(next.clinic_id)
      .Bind(next.therapist_id)
      .Exec();
  for (const auto& [kind, spans] :
       {std::make_pair("hours", &next.week.hours), std::make_pair("break", &next.week.breaks)}) {
    for (const WeekSpan& p : *spans) {
      s.Prepare(
           "INSERT INTO therapist_week_spans (clinic_id, therapist_id, kind, weekday, "
           "from_minute, to_minute) VALUES (?, ?, ?, ?, ?, ?)")
          .Bind(next.clinic_id)
          .Bind(next.therapist_id)
          .Bind(std::string(kind))
          .Bind(p.weekday)
          .Bind(p.from_minute)
          .Bind(p.to_minute)
          .Exec();
    }
  }
  next.version = version + 1;
  tx->Commit();
  return next;
}

StoreResult<std::vector<TimeOff>> ListTimeOff(sql::Session& s, Id clinic_id, Id therapist_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckTherapist(s, "id", clinic_id, therapist_id)) return *e;
  return s
      .Prepare("SELECT " + kTimeOffColumns +
               " FROM therapist_time_off WHERE clinic_id = ? AND therapist_id = ? "
               "ORDER BY starts_at, id")
      .Bind(clinic_id)
      .Bind(therapist_id)
      .All(ReadTimeOffRow);
}

StoreResult<TimeOff> AddTimeOff(sql::Session& s, const TimeOff& t) {
  if (!IsUtcTime(t.starts_at)) return Invalid("starts_at", "must be a time");
  if (!IsUtcTime(t.ends_at)) return Invalid("ends_at", "must be a time");
  if (UtcSeconds(t.ends_at) <= UtcSeconds(t.starts_at)) {
    return Invalid("ends_at", "the end must be after the start");
  }
  if (t.reason.size() > 500) return Invalid("reason", "at most 500 characters");
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckTherapist(s, "id", t.clinic_id, t.therapist_id, /*lock=*/true)) return *e;
  const auto overlapping =
      ReadTimeOffOverlapping(s, t.clinic_id, t.therapist_id, t.starts_at, t.ends_at);
  if (!overlapping.empty()) {
    const std::string zone = ReadClinicSettings(s, t.clinic_id).time_zone;
    return Invalid("starts_at",
                   "overlaps time off already given, from " +
                       ClinicTimeText(UtcSeconds(overlapping.front().starts_at).value_or(0), zone) +
                       " until " +
                       ClinicTimeText(UtcSeconds(overlapping.front().ends_at).value_or(0), zone));
  }
  TimeOff out = t;
  out.withdrawn_at.reset();
  out.withdrawn_by.reset();
  out.id = s.Prepare(
                "INSERT INTO therapist_time_off (clinic_id, therapist_id, starts_at, ends_at, "
                "reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
               .Bind(t.clinic_id)
               .Bind(t.therapist_id)
               .Bind(t.starts_at)
               .Bind(t.ends_at)
               .Bind(t.reason)
               .Bind(t.created_by)
               .Bind(t.created_at)
               .Scalar();
  tx->Commit();
  return out;
}

StoreResult<TimeOff> WithdrawTimeOff(sql::Session& s, Id clinic_id, Id therapist_id, Id id, Id by,
                                     std::string_view now) {
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckTherapist(s, "id", clinic_id, therapist_id, /*lock=*/true)) return *e;
  auto stored = s.Prepare("SELECT " + kTimeOffColumns +
                          " FROM therapist_time_off WHERE clinic_id = ? AND therapist_id = ? AND "
                          "id = ?")
                    .Bind(clinic_id)
                    .Bind(therapist_id)
                    .Bind(id)
                    .One(ReadTimeOffRow);
  if (!stored) return NotFound("time_off_id", "no such time off of this therapist");
  if (stored->withdrawn_at) return Conflict("time_off_id", "this time off is already withdrawn");
  if (stored->ends_at <= now) {
    return Conflict("time_off_id", "this time off is over: it is kept as it was");
  }
  s.Prepare("UPDATE therapist_time_off SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?")
      .Bind(std::string(now))
      .Bind(by)
      .Bind(id)
      .Exec();
  stored->withdrawn_at = std::string(now);
  stored->withdrawn_by = by;
  tx->Commit();
  return *stored;
}

}  // namespace sciaticare::store::records
