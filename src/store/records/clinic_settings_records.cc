// Clinic time-keeping on the SQL session (see clinic_settings_records.h).
#include "store/records/clinic_settings_records.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <tuple>

#include "clock/clinic_time.h"
#include "clock/therapist_week.h"
#include "core/utc_time.h"
#include "store/records/record_checks.h"

namespace sciaticare::store::records {
namespace {

constexpr std::size_t kMaxPeriods = 7 * 6;
constexpr std::size_t kMaxClosedDays = 400;
// "Monday 09:00-12:30 and 13:30-17:00", or "Monday: closed".
std::string OpeningOf(const ClinicSettings& settings, int weekday) {
  std::string out;
  for (const OpeningPeriod& p : settings.opening_hours) {
    if (p.weekday != weekday) continue;
    out += (out.empty() ? " " : " and ") + WallClockText(p.opens_minute) + "-" +
           WallClockText(p.closes_minute);
  }
  return std::string(WeekdayName(weekday)) + (out.empty() ? ": closed all day" : out);
}

std::optional<StoreError> ValidateSettings(const ClinicSettings& settings) {
  if (!IsTimeZone(settings.time_zone)) {
    return Invalid("time_zone", "must be a time zone of the tz database, like Europe/London");
  }
  if (settings.opening_hours.size() > kMaxPeriods) {
    return Invalid("opening_hours", "at most 42 opening periods");
  }
  for (std::size_t i = 0; i < settings.opening_hours.size(); ++i) {
    const OpeningPeriod& p = settings.opening_hours[i];
    const std::string field = "opening_hours[" + std::to_string(i) + "]";
    if (p.weekday < 0 || p.weekday > 6) return Invalid(field, "weekday must be 0-6");
    if (p.opens_minute < 0 || p.closes_minute > 24 * 60 || p.opens_minute >= p.closes_minute) {
      return Invalid(field, "must open before it closes, within the day");
    }
    for (std::size_t j = 0; j < i; ++j) {
      const OpeningPeriod& q = settings.opening_hours[j];
      if (q.weekday == p.weekday && q.opens_minute < p.closes_minute &&
          p.opens_minute < q.closes_minute) {
        return Invalid(field,
                       "overlaps another opening period of " + std::string(WeekdayName(p.weekday)));
      }
    }
  }
  if (settings.notice_hours < 0 || settings.notice_hours > 336) {
    return Invalid("notice_hours", "must be between 0 and 336 hours (two weeks)");
  }
  if (settings.reminder_hours < 0 || settings.reminder_hours > 336) {
    return Invalid("reminder_hours", "must be between 0 (no reminders) and 336 hours (two weeks)");
  }
  if (settings.closed_days.size() > kMaxClosedDays) {
    return Invalid("closed_days", "at most 400 closed days");
  }
  for (std::size_t i = 0; i < settings.closed_days.size(); ++i) {
    if (!IsDate(settings.closed_days[i])) {
      return Invalid("closed_days[" + std::to_string(i) + "]", "must be a date like 2026-12-25");
    }
  }
  return std::nullopt;
}

}  // namespace

const std::string kClinicZoneColumn = "(SELECT time_zone FROM clinic_settings WHERE clinic_id = ?)";

std::string ClinicZoneOf(const sql::Row& r, int column) {
  return r.IsNull(column) ? std::string(kDefaultClinicZone) : r.Text(column);
}

ClinicSettings ReadClinicSettings(sql::Session& s, Id clinic_id) {
  ClinicSettings out;
  out.clinic_id = clinic_id;
  out.time_zone = std::string(kDefaultClinicZone);
  auto head =
      s.Prepare(
           "SELECT time_zone, version, notice_hours, reminder_hours FROM clinic_settings WHERE "
           "clinic_id = ?")
          .Bind(clinic_id)
          .One([](const sql::Row& r) {
            return std::make_tuple(r.Text(0), r.Int(1), r.Int(2), r.Int(3));
          });
  if (head) std::tie(out.time_zone, out.version, out.notice_hours, out.reminder_hours) = *head;
  out.opening_hours = s.Prepare(
                           "SELECT weekday, opens_minute, closes_minute FROM clinic_opening_hours "
                           "WHERE clinic_id = ? ORDER BY weekday, opens_minute")
                          .Bind(clinic_id)
                          .All([](const sql::Row& r) {
                            return OpeningPeriod{r.Int(0), r.Int(1), r.Int(2)};
                          });
  out.closed_days = s.Prepare("SELECT day FROM clinic_closed_days WHERE clinic_id = ? ORDER BY day")
                        .Bind(clinic_id)
                        .All([](const sql::Row& r) { return r.Text(0); });
  return out;
}

std::optional<StoreError> CheckWithinOpening(const ClinicSettings& settings,
                                             std::string_view starts_at, int minutes) {
  const std::int64_t start = UtcSeconds(starts_at).value_or(0);
  const std::int64_t end = start + minutes * 60LL;
  const auto from = ToClinicClock(start, settings.time_zone);
  // The last minute the appointment takes, so one ending at closing time
  // (or at midnight) stays on its day.
  const auto last = ToClinicClock(end - 60, settings.time_zone);
  if (!from || !last) return std::nullopt;  // Settings are validated: not reached.
  const std::string when = ClinicTimeText(start, settings.time_zone);
  const std::string day = FormatUtc(from->local_day * 86400).substr(0, 10);
  if (std::binary_search(settings.closed_days.begin(), settings.closed_days.end(), day)) {
    return Conflict("starts_at", "The clinic is closed on " + when.substr(0, when.find(" at ")) +
                                     ": choose another day");
  }
  if (settings.opening_hours.empty()) return std::nullopt;  // No hours set: no restriction.
  // Minutes on the local clock; across a daylight-saving change the clock
  // jumps, and the appointment must still sit inside one opening period.
  const int first_minute = from->minute_of_day;
  const int last_minute = last->minute_of_day + 1;
  const bool inside = from->local_day == last->local_day &&
                      std::any_of(settings.opening_hours.begin(), settings.opening_hours.end(),
                                  [&](const OpeningPeriod& p) {
                                    return p.weekday == from->weekday &&
                                           p.opens_minute <= first_minute &&
                                           last_minute <= p.closes_minute;
                                  });
  if (inside) return std::nullopt;
  return Conflict("starts_at", when + " until " + ClinicHourText(end, settings.time_zone) +
                                   " is outside the clinic's opening hours (" +
                                   OpeningOf(settings, from->weekday) + ")");
}

StoreResult<ClinicSettings> GetClinicSettings(sql::Session& s, Id clinic_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckClinic(s, clinic_id)) return *e;
  return ReadClinicSettings(s, clinic_id);
}

StoreResult<ClinicSettings> PutClinicSettings(sql::Session& s, const ClinicSettings& settings) {
  ClinicSettings next = settings;
  std::sort(next.opening_hours.begin(), next.opening_hours.end(),
            [](const OpeningPeriod& a, const OpeningPeriod& b) {
              return std::tie(a.weekday, a.opens_minute) < std::tie(b.weekday, b.opens_minute);
            });
  std::sort(next.closed_days.begin(), next.closed_days.end());
  next.closed_days.erase(std::unique(next.closed_days.begin(), next.closed_days.end()),
                         next.closed_days.end());
  if (auto problem = ValidateSettings(next)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckClinic(s, next.clinic_id)) return *e;
  const int version =
      static_cast<int>(s.Prepare("SELECT version FROM clinic_settings WHERE clinic_id = ?" +
                                 std::string(s.LockRowsSuffix()))
                           .Bind(next.clinic_id)
                           .Scalar());
  if (version == 0) {
    s.Prepare(
         "INSERT INTO clinic_settings (clinic_id, time_zone, notice_hours, reminder_hours, "
         "version) VALUES (?, ?, ?, ?, 1)")
        .Bind(next.clinic_id)
        .Bind(next.time_zone)
        .Bind(next.notice_hours)
        .Bind(next.reminder_hours)
        .Exec();
  } else {
    s.Prepare(
         "UPDATE clinic_settings SET time_zone = ?, notice_hours = ?, reminder_hours = ?, "
         "version = version + 1 WHERE clinic_id = ?")
        .Bind(next.time_zone)
        .Bind(next.notice_hours)
        .Bind(next.reminder_hours)
        .Bind(next.clinic_id)
        .Exec();
  }
  // Opening hours and closed days are not clinical: replacing them is fine;
  // the route audits who changed them.
  s.Prepare("DELETE FROM clinic_opening_hours WHERE clinic_id = ?").Bind(next.clinic_id).Exec();
  for (const OpeningPeriod& p : next.opening_hours) {
    s.Prepare(
         "INSERT INTO clinic_opening_hours (clinic_id, weekday, opens_minute, closes_minute) "
         "VALUES (?, ?, ?, ?)")
        .Bind(next.clinic_id)
        .Bind(p.weekday)
        .Bind(p.opens_minute)
        .Bind(p.closes_minute)
        .Exec();
  }
  s.Prepare("DELETE FROM clinic_closed_days WHERE clinic_id = ?").Bind(next.clinic_id).Exec();
  for (const std::string& day : next.closed_days) {
    s.Prepare("INSERT INTO clinic_closed_days (clinic_id, day) VALUES (?, ?)")
        .Bind(next.clinic_id)
        .Bind(day)
        .Exec();
  }
  next.version = version + 1;
  tx->Commit();
  return next;
}

}  // namespace sciaticare::store::records
