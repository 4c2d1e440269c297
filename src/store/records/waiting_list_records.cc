// The waiting list on the SQL session (see waiting_list_records.h).
#include "store/records/waiting_list_records.h"

#include <string>

#include "core/utc_time.h"
#include "store/records/appointment_records.h"
#include "store/records/record_checks.h"

namespace sciaticare::store::records {
namespace {

const std::string kEntryColumns =
    "id, clinic_id, patient_id, therapist_id, earliest, latest, minutes, note, created_by, "
    "created_at, status, offered_starts_at, offered_therapist_id, freed_by_appointment_id, "
    "appointment_id, version, offered_room_id";

WaitingEntry ReadEntry(const sql::Row& r) {
  WaitingEntry e;
  e.id = r.Int64(0);
  e.clinic_id = r.Int64(1);
  e.patient_id = r.Int64(2);
  e.therapist_id = r.OptInt64(3);
  e.earliest = r.Text(4);
  e.latest = r.Text(5);
  e.minutes = r.Int(6);
  e.note = r.Text(7);
  e.created_by = r.Int64(8);
  e.created_at = r.Text(9);
  e.status = r.Text(10);
  e.offered_starts_at = r.Text(11);
  e.offered_therapist_id = r.OptInt64(12);
  e.freed_by_appointment_id = r.OptInt64(13);
  e.appointment_id = r.OptInt64(14);
  e.version = r.Int(15);
  e.offered_room_id = r.OptInt64(16);
  return e;
}

std::string Plus(std::string_view utc, int minutes) {
  return FormatUtc(UtcSeconds(utc).value_or(0) + minutes * 60LL);
}

// Whether an offer still outstanding already covers part of the therapist's
// time [starts, starts + minutes): a freed slot goes to one entry only.
bool AlreadyOffered(sql::Session& s, Id clinic_id, Id therapist_id, const std::string& starts,
                    int minutes) {
  const std::int64_t start = UtcSeconds(starts).value_or(0);
  const std::int64_t end = start + minutes * 60LL;
  const auto offers =
      s.Prepare(
           "SELECT offered_starts_at, minutes FROM waiting_entries WHERE clinic_id = ? AND "
           "status = 'offered' AND offered_therapist_id = ?")
          .Bind(clinic_id)
          .Bind(therapist_id)
          .All([](const sql::Row& r) { return std::make_pair(r.Text(0), r.Int(1)); });
  for (const auto& [offered, offered_minutes] : offers) {
    const std::int64_t o = UtcSeconds(offered).value_or(0);
    if (o < end && start < o + offered_minutes * 60LL) return true;
  }
  return false;
}

StoreResult<WaitingEntry> LockEntry(sql::Session& s, Id clinic_id, Id id, int expected_version) {
  auto entry =
      s.Prepare("SELECT " + kEntryColumns + " FROM waiting_entries WHERE clinic_id = ? AND id = ?" +
                std::string(s.LockRowsSuffix()))
          .Bind(clinic_id)
          .Bind(id)
          .One(ReadEntry);
  if (!entry) return NotFound("id", "no such waiting-list entry in this clinic");
  if (entry->version != expected_version) {
    return Conflict("version", "the waiting-list entry was changed meanwhile (now version " +
                                   std::to_string(entry->version) + ")");
  }
  return *entry;
}

}  // namespace

std::optional<WaitingEntry> OfferFreedSlot(sql::Session& s, const Appointment& freed) {
  // Text order is time order (fixed-width UTC): the window holds the slot
  // when it starts no later than the slot and ends no earlier than the
  // entry's time from the slot's start, decided below per entry.
  const auto candidates =
      s.Prepare("SELECT " + kEntryColumns +
                " FROM waiting_entries WHERE clinic_id = ? AND status = 'waiting' AND "
                "(therapist_id IS NULL OR therapist_id = ?) AND earliest <= ? AND "
                "minutes <= ? AND patient_id <> ? ORDER BY id" +
                std::string(s.LockRowsSuffix()))
          .Bind(freed.clinic_id)
          .Bind(freed.therapist_id)
          .Bind(freed.starts_at)
          .Bind(freed.minutes)
          .Bind(freed.patient_id)
          .All(ReadEntry);
  for (WaitingEntry entry : candidates) {
    if (Plus(freed.starts_at, entry.minutes) > entry.latest) continue;
    if (!ReadClashes(s, freed.clinic_id, freed.therapist_id, freed.starts_at, entry.minutes, 0)
             .empty()) {
      return std::nullopt;  // The time is held again: nothing is free to offer.
    }
    if (AlreadyOffered(s, freed.clinic_id, freed.therapist_id, freed.starts_at, entry.minutes)) {
      return std::nullopt;
    }
    Appointment slot = freed;
    slot.id = 0;
    slot.patient_id = entry.patient_id;
    slot.minutes = entry.minutes;
    slot.status = AppointmentStatus::kBooked;
    // A patient already booked then (with any therapist) could not take the
    // offer (CheckSlotBookable would refuse it): the next entry gets it.
    if (!ReadPatientClashes(s, slot).empty()) continue;
    // The freed room goes with the slot while no one else holds it then;
    // booking the offer checks it again (CheckSlotBookable).
    const std::optional<Id> room =
        ReadRoomClashes(s, slot).empty() ? freed.room_id : std::optional<Id>();
    s.Prepare(
         "UPDATE waiting_entries SET status = 'offered', offered_starts_at = ?, "
         "offered_therapist_id = ?, offered_room_id = ?, freed_by_appointment_id = ?, "
         "version = version + 1 WHERE clinic_id = ? AND id = ?")
        .Bind(freed.starts_at)
        .Bind(freed.therapist_id)
        .Bind(room)
        .Bind(freed.id)
        .Bind(freed.clinic_id)
        .Bind(entry.id)
        .Exec();
    entry.status = "offered";
    entry.offered_starts_at = freed.starts_at;
    entry.offered_therapist_id = freed.therapist_id;
    entry.offered_room_id = room;
    entry.freed_by_appointment_id = freed.id;
    entry.version += 1;
    return entry;
  }
  return std::nullopt;
}

StoreResult<WaitingEntry> AddWaitingEntry(sql::Session& s, const WaitingEntry& e) {
  const auto earliest = UtcSeconds(e.earliest), latest = UtcSeconds(e.latest);
  if (!earliest) return Invalid("earliest", "must be a UTC time like 2026-11-23T09:00:00Z");
  if (!latest) return Invalid("latest", "must be a UTC time like 2026-11-23T17:00:00Z");
  if (e.minutes < 15 || e.minutes > 180) return Invalid("minutes", "must be 15 to 180 minutes");
  if (*latest < *earliest + e.minutes * 60LL) {
    return Invalid("latest", "must leave room for the appointment after the earliest time");
  }
  if (e.note.size() > 2000) return Invalid("note", "at most 2000 characters");
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto err = CheckInClinic(s, "patients", "patient_id", e.clinic_id, e.patient_id)) return *err;
  if (e.therapist_id) {
    if (auto err = CheckTherapist(s, "therapist_id", e.clinic_id, *e.therapist_id)) return *err;
  }
  if (auto err = CheckInClinic(s, "users", "created_by", e.clinic_id, e.created_by)) return *err;
  WaitingEntry out = e;
  out.status = "waiting";
  out.offered_starts_at.clear();
  out.offered_therapist_id.reset();
  out.offered_room_id.reset();
  out.freed_by_appointment_id.reset();
  out.appointment_id.reset();
  out.version = 1;
  out.id = s.Prepare(
                "INSERT INTO waiting_entries (clinic_id, patient_id, therapist_id, earliest, "
                "latest, minutes, note, created_by, created_at, status, offered_starts_at, "
                "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', '', 1) RETURNING id")
               .Bind(e.clinic_id)
               .Bind(e.patient_id)
               .Bind(e.therapist_id)
               .Bind(FormatUtc(*earliest))
               .Bind(FormatUtc(*latest))
               .Bind(e.minutes)
               .Bind(e.note)
               .Bind(e.created_by)
               .Bind(e.created_at)
               .Scalar();
  out.earliest = FormatUtc(*earliest);
  out.latest = FormatUtc(*latest);
  tx->Commit();
  return out;
}

StoreResult<std::vector<WaitingEntry>> ListWaitingEntries(sql::Session& s, Id clinic_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckClinic(s, clinic_id)) return *e;
  return s
      .Prepare("SELECT " + kEntryColumns + " FROM waiting_entries WHERE clinic_id = ? ORDER BY id")
      .Bind(clinic_id)
      .All(ReadEntry);
}

StoreResult<WaitingEntry> BookWaitingOffer(sql::Session& s, Id clinic_id, Id id,
                                           int expected_version) {
  auto tx = s.Begin(sql::TxKind::kWrite);
  auto locked = LockEntry(s, clinic_id, id, expected_version);
  if (!locked.ok()) return locked.error();
  WaitingEntry entry = locked.value();
  if (entry.status != "offered") {
    return Conflict("status", "the entry has no slot offered (it is " + entry.status + ")");
  }
  Appointment a;
  a.clinic_id = clinic_id;
  a.patient_id = entry.patient_id;
  a.therapist_id = entry.offered_therapist_id.value_or(0);
  a.room_id = entry.offered_room_id;
  a.starts_at = entry.offered_starts_at;
  a.minutes = entry.minutes;
  a.status = AppointmentStatus::kBooked;
  a.note = entry.note;
  // The booking's own checks (opening hours, no double booking) in a
  // savepoint of this transaction: refused, nothing of the entry changes.
  auto booked = CreateAppointment(s, a);
  if (!booked.ok()) return booked.error();
  s.Prepare(
       "UPDATE waiting_entries SET status = 'booked', appointment_id = ?, "
       "version = version + 1 WHERE clinic_id = ? AND id = ?")
      .Bind(booked.value().id)
      .Bind(clinic_id)
      .Bind(id)
      .Exec();
  entry.status = "booked";
  entry.appointment_id = booked.value().id;
  entry.version += 1;
  tx->Commit();
  return entry;
}

StoreResult<WaitingEntry> WithdrawWaitingEntry(sql::Session& s, Id clinic_id, Id id,
                                               int expected_version) {
  auto tx = s.Begin(sql::TxKind::kWrite);
  auto locked = LockEntry(s, clinic_id, id, expected_version);
  if (!locked.ok()) return locked.error();
  WaitingEntry entry = locked.value();
  if (entry.status == "booked" || entry.status == "withdrawn") {
    return Conflict("status", "the entry is already " + entry.status);
  }
  s.Prepare(
       "UPDATE waiting_entries SET status = 'withdrawn', version = version + 1 "
       "WHERE clinic_id = ? AND id = ?")
      .Bind(clinic_id)
      .Bind(id)
      .Exec();
  entry.status = "withdrawn";
  entry.version += 1;
  tx->Commit();
  return entry;
}

}  // namespace sciaticare::store::records
