// The demo seeder's session notes and appointments (demo_seeder.h): past
// visits done, cancelled or missed; today's list, the next two weeks' and
// the requests waiting to be booked.
#include "cli/demo_calendar.h"
#include "cli/demo_seeder.h"
#include "core/utc_time.h"

namespace sciaticare::demo {

using nlohmann::json;

std::int64_t Seeder::FreeHour(store::Id therapist, std::int64_t at) const {
  while (held_.count({therapist, at / kHour}) != 0) at += kHour;
  return at;
}

void Seeder::CreateSessionNote(PatientStory& p, int week) {
  if (!p.approved_plan) return;
  if (p.cast->symptoms_spread_at_session != 0 && p.cast->symptoms_spread_at_session == week) {
    // Tingling spread after the last session: every technique one level lighter.
    store::PlanRecord current = Take(db_.GetPlan(clinic_, *p.approved_plan));
    json edit = json::parse(current.plan_json);
    json kept = json::array();
    for (json& t : edit["techniques"]) {
      // What cannot be given more lightly (deep tissue) is dropped.
      if (t.value("technique", "") == "self_massage" || Lighter(t)) kept.push_back(t);
    }
    edit["techniques"] = kept;
    edit["sessions"]["count"] = 8 - week;  // The sessions left of the course.
    const std::int64_t before = At(p, 7 * week, p.hour - 1, 30);
    const store::PlanRecord lighter =
        Revise(p, current, edit,
               "Symptoms spread down the leg after session " + std::to_string(week) +
                   ": one level lighter throughout, deep work dropped.",
               before);
    Approve(p, lighter, json::array(), before + 10 * kMinute);
  }
  const std::int64_t at =
      FreeHour(p.therapist, At(p, 7 * week, p.hour + (week == 0 ? 1 : 0), rng_.Between(0, 2) * 5));
  held_.insert({p.therapist, at / kHour});
  store::SessionNote note = SessionNoteOf(p, week, rng_);
  note.clinic_id = clinic_;
  note.occurred_at = FormatUtc(at);
  note.created_at = FormatUtc(at + (p.session_minutes + 10) * kMinute);
  // Past visits are signed records, signed by their author when written.
  note.status = "signed";
  note.signed_by = note.therapist_id;
  note.signed_at = note.created_at;
  const store::Id id = Take(db_.CreateSessionNote(note)).id;
  ++report_.session_notes;
  Audit("session", id, p.patient_id, "demo session note, week " + std::to_string(week + 1));
  PastAppointments(p, week, at);
}

// The appointment a session was booked as, marked done, and now and then a
// cancelled or missed (no-show) one before it.
void Seeder::PastAppointments(const PatientStory& p, int week, std::int64_t session_at) {
  const std::int64_t slot = session_at - session_at % kHour;
  std::int64_t missed = slot - 2 * kDay;
  while (IsWeekend(missed)) missed -= kDay;
  missed = FreeHour(p.therapist, missed);  // Cancelled or missed: it holds no hour after.
  if (week == 3 && p.index % 6 == 1) {
    Attend(p, missed, store::AppointmentStatus::kCancelled,
           "Cancelled by phone the day before (childcare); moved a few days later.");
  }
  if (week == 5 && p.index % 7 == 2) {
    Attend(p, missed, store::AppointmentStatus::kNoShow,
           "Did not come and did not call. Rebooked a few days later.");
  }
  Attend(p, slot, store::AppointmentStatus::kDone,
         week == 0 ? "First session." : "Weekly session " + std::to_string(week + 1) + ".");
}

// A past appointment: booked, then given its outcome as PATCH /appointments/{id} does.
void Seeder::Attend(const PatientStory& p, std::int64_t at, store::AppointmentStatus outcome,
                    const std::string& note) {
  store::Appointment a;
  a.clinic_id = clinic_;
  a.patient_id = p.patient_id;
  a.therapist_id = p.therapist;
  a.starts_at = FormatUtc(at);
  a.minutes = p.session_minutes;
  a.status = store::AppointmentStatus::kBooked;
  a.plan_id = p.approved_plan;
  a.note = note;
  a.room_id = RoomOf(p.therapist);
  const store::Appointment booked = Take(db_.CreateAppointment(a));
  Take(db_.UpdateAppointmentStatus(clinic_, booked.id, outcome, booked.version));
  ++report_.appointments;
  if (outcome == store::AppointmentStatus::kCancelled ||
      outcome == store::AppointmentStatus::kNoShow) {
    ++report_.appointments_missed;
  }
  Audit("appointment", booked.id, p.patient_id,
        "demo appointment " + a.starts_at + ", " + std::string(store::ToString(outcome)));
}

void Seeder::Book(const PatientStory& p, int day, int hour, int minutes,
                  store::AppointmentStatus status, const std::string& note) {
  // Weekdays only, except that a demo opened at a weekend still has a day's list.
  while (day != 0 && IsWeekend(today_ + day * kDay)) ++day;
  // One appointment per therapist per hour.
  while ((booked_.count({p.therapist, day, hour}) != 0 ||
          held_.count({p.therapist, (today_ + day * kDay + hour * kHour) / kHour}) != 0) &&
         hour < 18) {
    ++hour;
  }
  booked_.insert({p.therapist, day, hour});
  store::Appointment a;
  a.clinic_id = clinic_;
  a.patient_id = p.patient_id;
  a.therapist_id = p.therapist;
  a.starts_at = FormatUtc(today_ + day * kDay + hour * kHour);
  a.minutes = minutes;
  a.status = status;
  a.plan_id = p.approved_plan;
  a.note = note;
  // A patient's request names no room: the front desk chooses one on booking.
  if (status != store::AppointmentStatus::kRequested) a.room_id = RoomOf(p.therapist);
  const store::Id id = Take(db_.CreateAppointment(a)).id;
  ++report_.appointments;
  if (status == store::AppointmentStatus::kRequested) ++report_.appointment_requests;
  Audit("appointment", id, p.patient_id, "demo appointment " + a.starts_at);
}

void Seeder::CreateRooms() {
  for (const char* name : {"Room 1", "Room 2", "Garden room"}) {
    store::Room room;
    room.clinic_id = clinic_;
    room.name = name;
    const store::Id id = Take(db_.CreateRoom(room)).id;
    rooms_.push_back(id);
    Audit("room", id, std::nullopt, std::string("demo room ") + name);
  }
}

std::optional<store::Id> Seeder::RoomOf(store::Id therapist) const {
  // One room per therapist, never shared: a therapist beyond the rooms has none.
  for (std::size_t i = 0; i < therapists_.size() && i < rooms_.size(); ++i) {
    if (therapists_[i].first == therapist) return rooms_[i];
  }
  return std::nullopt;
}

void Seeder::CreateAppointments() {
  for (const PatientStory& p : patients_) {
    // The patient's weekly slot: the first intake weekday from today on.
    const int first = (7 - p.intake_offset_days % 7) % 7;
    switch (p.course) {
      case Course::kFull: {
        // Spread over the fortnight, with a full day today.
        const int day = p.index % 4 == 0 ? 0 : 1 + (p.index * 4) % 14;
        if (p.trend == Trend::kWorsens) {
          Book(p, day, p.hour, 30, store::AppointmentStatus::kBooked,
               "Review after the GP appointment: leg pain worse, massage paused.");
        } else if (!p.responds) {
          Book(p, day, p.hour, 30, store::AppointmentStatus::kBooked,
               "Review: no meaningful change at eight weeks; discuss physiotherapy referral.");
        } else if (day == 0 || p.index % 3 != 2) {
          Book(p, day, p.hour, p.session_minutes, store::AppointmentStatus::kBooked,
               "Maintenance session after the eight-week course.");
        }
        if (p.login_user && p.responds) {
          Book(p, 2 + p.index % 5, 18, p.session_minutes, store::AppointmentStatus::kRequested,
               "Requested from the portal: an evening slot after work, please.");
        }
        break;
      }
      case Course::kRecent:
        for (int day = first; day <= 14; day += 7) {
          Book(p, day, p.hour, p.session_minutes, store::AppointmentStatus::kBooked,
               "Weekly session " + std::to_string(p.sessions + 1 + (day - first) / 7) + ".");
        }
        break;
      case Course::kNew:
        Book(p, first, p.hour, p.session_minutes, store::AppointmentStatus::kBooked,
             p.index == 29 ? "First session once the bladder question is answered and the plan "
                             "approved."
                           : "First session: plan to be approved at the visit.");
        Book(p, first + 7, p.hour, p.session_minutes, store::AppointmentStatus::kRequested,
             "Requested from the portal.");
        break;
      case Course::kReferred:
        if (p.index == 19) {
          Book(p, 12, 11, 30, store::AppointmentStatus::kRequested,
               "Asks to start once the GP has reviewed the night pain.");
        }
        break;
    }
  }
}

void Seeder::SetWorkingHours() {
  // A clinic open into the evening on weekdays and on Saturday mornings: each
  // therapist works 08:00-20:00 Monday to Friday with a lunch break at
  // 12:30-13:00 (a later therapist's at 13:00-13:30, so the front desk always
  // has someone), and 09:00-13:00 on Saturday; Sunday off.
  for (std::size_t i = 0; i < therapists_.size(); ++i) {
    store::TherapistAvailability week;
    week.clinic_id = clinic_;
    week.therapist_id = therapists_[i].first;
    const int lunch = i % 2 == 0 ? 12 * 60 + 30 : 13 * 60;
    for (int day = 0; day < 5; ++day) {
      week.week.hours.push_back({day, 8 * 60, 20 * 60});
      week.week.breaks.push_back({day, lunch, lunch + 30});
    }
    week.week.hours.push_back({5, 9 * 60, 13 * 60});
    Take(db_.PutTherapistAvailability(week, 0));
    Audit("therapist_availability", week.therapist_id, std::nullopt, "demo working hours");
  }
}

}  // namespace sciaticare::demo
