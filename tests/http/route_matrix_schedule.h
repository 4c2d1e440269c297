// The route matrix's requests (RouteMatrixTest::Prepare) for the calendar routes: appointments, the
// waiting list, move requests, clinic settings, therapists' hours and feeds, and rooms. Included by
// route_matrix_fixture.h after the fixture class, whose members these use.
#pragma once

#include <string>

#include "http/route_matrix_fixture.h"

namespace sciaticare::testing {

inline bool RouteMatrixTest::PrepareSchedule(const http::Route& route, const std::string& key,
                                             Call& call, std::string& id) {
  if (route.pattern.rfind("/api/v1/appointments/{id}/", 0) == 0) {
    id = std::to_string(Booked(patient1_.id, NextFreeHour()).id);
    call.headers["If-Match"] = ETag(1);
    if (route.pattern.ends_with("/cancel")) {
      call.body = json({{"reason", "transport"}}).dump();
    } else if (route.pattern.ends_with("/reschedule")) {
      call.body = json({{"starts_at", NextFreeHour()}, {"reason", "patient_request"}}).dump();
    } else if (route.pattern.ends_with("/no-show")) {
      call.body = "{}";
    }
  } else if (route.pattern.rfind("/api/v1/move-requests/{id}/", 0) == 0) {
    // A fresh pending request each time (answered once only).
    store::MoveRequest m;
    m.clinic_id = clinic_a_.id;
    m.patient_id = patient1_.id;
    m.appointment_id = Booked(patient1_.id, FutureHour()).id;
    m.wanted_starts_at = FutureHour();
    m.requested_at = "2026-11-20T10:00:00Z";
    id = std::to_string(store_->CreateMoveRequest(m).value().id);
    call.headers["If-Match"] = ETag(1);
    call.body = route.pattern.ends_with("/decline")
                    ? json({{"reason_text", "That hour is taken"}}).dump()
                    : "{}";
  } else if (key == "POST /api/v1/waiting-list") {
    call.body = WaitingBody(true).dump();
  } else if (key == "POST /api/v1/waiting-list/{id}/withdraw") {
    id = std::to_string(store_->AddWaitingEntry(Waiting("2033-01-01T08:00:00Z")).value().id);
    call.headers["If-Match"] = ETag(1);
  } else if (key == "POST /api/v1/waiting-list/{id}/book") {
    // A slot of patient 2 freed and offered to patient 1's fresh entry.
    const std::string hour = NextFreeHour();
    store::Appointment freed = Booked(patient2_.id, hour);
    store::WaitingEntry wants = Waiting(hour);
    wants.therapist_id = therapist_.id;
    const store::Id entry = store_->AddWaitingEntry(wants).value().id;
    store::AppointmentChange cancel;
    cancel.clinic_id = clinic_a_.id;
    cancel.kind = "cancelled";
    cancel.reason = "transport";
    cancel.changed_by = desk_.id;
    cancel.changed_at = "2026-11-20T10:00:00Z";
    store_->EndAppointment(freed.id, 1, cancel).value();
    id = std::to_string(entry);
    call.headers["If-Match"] = ETag(2);
  } else if (route.pattern == "/api/v1/appointments/{id}") {
    store::Appointment a;
    a.clinic_id = clinic_a_.id;
    a.patient_id = patient1_.id;
    a.therapist_id = therapist_.id;
    a.starts_at = NextFreeHour();
    a.minutes = 60;
    id = std::to_string(store_->CreateAppointment(a).value().id);
    call.headers["If-Match"] = ETag(1);
    call.body = json({{"status", "booked"}}).dump();
  } else if (key == "PUT /api/v1/clinic/settings") {
    call.body = json({{"time_zone", "Europe/London"},
                      {"opening_hours", json::array()},
                      {"closed_days", json::array()}})
                    .dump();
  } else if (key == "GET /api/v1/appointments") {
    call.target = route.pattern + "?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z";
    return true;  // The target is complete.
  } else if (key == "POST /api/v1/appointments") {
    call.body = json({{"patient_id", patient1_.id},
                      {"therapist_id", therapist_.id},
                      {"starts_at", NextFreeHour()},
                      {"minutes", 60},
                      {"status", "booked"}})
                    .dump();
  } else if (route.pattern == "/api/v1/therapists/{id}/profile") {
    id = std::to_string(therapist_.id);
    call.body = json({{"modalities", {"swedish"}},
                      {"years_experience", 10},
                      {"sciatica_experience_years", 4},
                      {"bio", "Calm hands."}})
                    .dump();
  } else if (route.pattern == "/api/v1/therapists/{id}/calendar-feed") {
    id = std::to_string(therapist_.id);
    if (route.method == "DELETE") CalendarFeedOf(therapist_.id);
  } else if (key == "GET /api/v1/calendar-feeds/{token}/appointments.ics") {
    // The admin's feed: the matrix books patient 1 with the therapist, and
    // a feed rightly names its own therapist's patients to whoever holds the link.
    call.target = "/api/v1/calendar-feeds/" + CalendarFeedOf(admin_.id) + "/appointments.ics";
    return true;  // The target is complete.
  } else if (route.pattern.rfind("/api/v1/therapists/{id}/", 0) == 0 &&
             !route.pattern.ends_with("/profile")) {
    id = std::to_string(therapist_.id);
    // Whole days in 2031, one fresh day each time, clear of every booking
    // the matrix makes; hours that restrict nothing.
    const std::string day =
        FormatUtc(*UtcSeconds("2031-01-01T00:00:00Z") + 86400LL * ++time_off_made_).substr(0, 10);
    if (route.method == "PUT") {
      json hours = json::array();
      for (const char* d :
           {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
        hours.push_back({{"weekday", d}, {"starts", "00:00"}, {"ends", "24:00"}});
      }
      const int version =
          store_->GetTherapistAvailability(clinic_a_.id, therapist_.id).value().version;
      call.body = json({{"hours", hours}, {"breaks", json::array()}, {"version", version}}).dump();
    } else if (key == "POST /api/v1/therapists/{id}/time-off") {
      call.body =
          json({{"starts", day + "T00:00"}, {"ends", day + "T23:00"}, {"reason", "Course"}}).dump();
    } else if (route.pattern.ends_with("/withdraw")) {
      store::TimeOff t;
      t.clinic_id = clinic_a_.id;
      t.therapist_id = therapist_.id;
      t.starts_at = day + "T00:00:00Z";
      t.ends_at = day + "T23:00:00Z";
      t.created_by = admin_.id;
      t.created_at = "2026-11-01T00:00:00Z";
      const std::string made = std::to_string(store_->AddTimeOff(t).value().id);
      call.target = route.pattern;
      call.target.replace(call.target.find("{id}"), 4, id);
      call.target.replace(call.target.find("{time_off_id}"), 13, made);
      return true;  // The target is complete.
    }
  } else if (key == "POST /api/v1/rooms") {
    call.body = json({{"name", "Matrix room " + std::to_string(++rooms_made_)}}).dump();
  } else if (route.pattern == "/api/v1/rooms/{id}") {
    // A fresh room each time, renamed at its first version.
    store::Room room;
    room.clinic_id = clinic_a_.id;
    room.name = "Matrix room " + std::to_string(++rooms_made_);
    id = std::to_string(store_->CreateRoom(room).value().id);
    call.headers["If-Match"] = ETag(1);
    call.body = json({{"name", room.name + " renamed"}}).dump();
  } else {
    return false;
  }
  return true;
}

}  // namespace sciaticare::testing
