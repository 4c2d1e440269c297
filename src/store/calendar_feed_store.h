// The part of the Store interface behind calendar files (issue 16):
// therapists' private feed links and the appointments a calendar shows.
// Store (store.h) inherits it, so both stores implement it and the store's
// shared contract (a clinic's records only; failures as values) holds here too.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/records.h"
#include "store/store_paging.h"
#include "store/store_result.h"

namespace sciaticare::store {

// A therapist's private calendar feed: a secret link kept only as
// `token_hash`. In force until revoked; revoked ones are kept.
struct CalendarFeed {
  Id id = 0;
  Id clinic_id = 0;
  Id therapist_id = 0;
  std::string token_hash;
  Id created_by = 0;
  std::string created_at;
  std::optional<Id> revoked_by;
  std::optional<std::string> revoked_at;
};

// Which appointments a calendar shows: the clinic's, with from <= starts_at <
// to, and of one therapist, one patient, in one room, in one status (any of
// these filters, or none).
struct CalendarQuery {
  Id clinic_id = 0;
  std::optional<Id> therapist_id;
  std::optional<Id> patient_id;
  std::string from;
  std::string to;
  std::optional<Id> room_id;
  std::optional<AppointmentStatus> status;
};

// An appointment with the names a calendar event shows.
struct CalendarAppointment {
  Appointment appointment;
  std::string patient_name;              // "Given Family".
  std::string therapist_name;            // The therapist's display name.
  std::optional<std::string> room_name;  // Its room's name; none without a room.
};

class CalendarFeedStore {
 public:
  virtual ~CalendarFeedStore() = default;

  // Stores a new feed for a therapist (a user of the clinic who treats;
  // kNotFound or kInvalid naming "therapist_id" otherwise), created by a
  // user of the clinic, and in the same transaction revokes the feed in
  // force before it (by the creator, at created_at): a new link stops the old.
  virtual StoreResult<CalendarFeed> CreateCalendarFeed(const CalendarFeed& feed) = 0;
  // The feed in force with this hash, in any clinic (the secret is the key),
  // while its therapist's login is active; kNotFound otherwise.
  virtual StoreResult<CalendarFeed> GetCalendarFeedByHash(std::string_view token_hash) = 0;
  // The therapist's feed in force; kNotFound when there is none.
  virtual StoreResult<CalendarFeed> GetCalendarFeed(Id clinic_id, Id therapist_id) = 0;
  // Revokes the therapist's feed in force (by `by`, at `now`); kNotFound
  // when there is none.
  virtual StoreStatus RevokeCalendarFeed(Id clinic_id, Id therapist_id, Id by,
                                         std::string_view now) = 0;
  // The appointments `query` asks for, earliest first, with names; kInvalid
  // for a range that is not two UTC times in order.
  virtual StoreResult<std::vector<CalendarAppointment>> ListCalendarAppointments(
      const CalendarQuery& query) = 0;
  // One page of what ListCalendarAppointments returns for `query` (same
  // order, same names) and how many there are in all pages, in one snapshot:
  // a busy week is read a page at a time, each page reading only its own
  // rows' names. kInvalid for the range, or a limit outside 1..kMaxPageSize
  // or a negative offset (CheckPage).
  virtual StoreResult<Page<CalendarAppointment>> ListCalendarAppointmentsPage(
      const CalendarQuery& query, const PageRequest& page) = 0;
};

}  // namespace sciaticare::store
