// The fields the scheduling routes read from a request body, each refused
// with a 422 naming the field in plain words. Internal to src/api.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/api_support.h"
#include "core/utc_time.h"
#include "store/calendar_feed_store.h"
#include "store/schedule_changes.h"

namespace sciaticare::api {

inline std::string UtcTimeField(const json& body, const char* key) {
  std::string value = StringField(body, key, 20);
  if (!IsUtcTime(value)) Reject(key, "must be a UTC time like 2026-11-23T20:15:00Z");
  return value;
}

// When the appointment starts, as UTC text: `starts_at_local` on the
// clinic's wall clock ("2026-03-30T09:00", what the web sends) or `starts_at`
// in UTC (for API clients).
std::string StartsAtField(Api& api, const Caller& c, const json& body);

inline int MinutesField(const json& body) {
  std::optional<int> minutes = OptionalInt(body, "minutes", 15, 180);
  if (!minutes) Reject("minutes", "is required");
  return *minutes;
}

inline Id IdField(const json& body, const char* key) {
  const json& v = Member(body, key);
  if (!v.is_number_integer() || v.get<long long>() <= 0) Reject(key, "must be an id");
  return v.get<Id>();
}

// The appointment's room from the body's "room_id": `when_absent` when the
// body has none, nullopt for null (no room), else the id (422 unless a
// positive id; the store refuses a room not the clinic's or retired).
std::optional<Id> RoomField(const json& body, std::optional<Id> when_absent);
// The names of the clinic's rooms, retired too, by id.
std::map<Id, std::string> RoomNames(Api& api, Id clinic_id);
// `item` with "room_name": the name of `room_id` in `rooms`, or null.
json WithRoomName(json item, const std::optional<Id>& room_id,
                  const std::map<Id, std::string>& rooms);

// The change `c` makes now to an appointment, from the body's "reason" (one
// of store::kAppointmentChangeReasons; 422 when required and missing or not
// one of them) and "reason_text".
store::AppointmentChange ChangeFrom(Api& api, const Caller& c, const json& body,
                                    const std::string& kind, bool reason_required);
// The change a member of staff makes ending `a` as `kind` ("cancelled" or
// "no_show"). Cancelling a request is declining it: kept with reason
// store::kRequestDeclined and the body's "reason_text", which is required
// (422 at reason_text) because the patient reads it in the portal.
// Otherwise ChangeFrom, the reason required when `reason_required`.
store::AppointmentChange EndingFrom(Api& api, const Caller& c, const json& body,
                                    const store::Appointment& a, const std::string& kind,
                                    bool reason_required);
// A patient's ended appointment as the patient reads it: `item` with
// "declined_reason", the clinic's words when it was a request the clinic
// declined (null otherwise).
json WithDeclinedReason(Api& api, json item, const store::Appointment& a);

// What a request (`request.status` requested; any other gives null) is in the
// way of, for the front desk: the first slot-holding appointment of `list` it
// clashes with, in plain words on the clinic's clock (`zone`), or null.
json ClashOf(Api& api, const Caller& c, const store::Appointment& request,
             const std::vector<store::Appointment>& list,
             const std::map<Id, std::string>& therapists, const std::string& zone);

// What GET /appointments looks among for the clashes of the waiting requests
// on a page it read of `range` (schedule_clash.cc): per therapist with a
// request on the page, their appointments in the range from the longest
// appointment before their first request to the end of their last, earliest
// first (none without a request). A request's first clash among these is its
// first clash in the whole range, which a page no longer reads.
std::vector<store::CalendarAppointment> HeldNearRequests(
    Api& api, const store::CalendarQuery& range,
    const std::vector<store::CalendarAppointment>& page);
// ClashOf for a request of such a page, among `near` (HeldNearRequests),
// whose rows carry the names it is worded by.
json CalendarClashOf(const store::Appointment& request,
                     const std::vector<store::CalendarAppointment>& near, const std::string& zone);

// The patient `p`'s own appointment `appointment_id` of the caller's clinic;
// 404 at appointment_id for any other (another patient's reads as missing).
store::Appointment PatientsOwnAppointment(Api& api, const Caller& c, const store::Patient& p,
                                          Id appointment_id);

// A patient's wanted time refused by the store (closed, outside opening or
// working hours) is their input, not a state of the record: 422 with the
// store's plain words, so the portal can show them as they are.
template <typename T>
store::StoreResult<T> PatientsTime(store::StoreResult<T> result) {
  if (!result.ok() && result.error().field == "starts_at" &&
      result.error().kind == store::StoreErrorKind::kConflict) {
    return store::Invalid("starts_at", result.error().message);
  }
  return result;
}

}  // namespace sciaticare::api
