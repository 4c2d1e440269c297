// The Store contract for changing appointments and the waiting list, on
// every backend (store_contract.h): a cancellation needs a reason and keeps
// it with who, when and whether it came within the notice period; a no-show
// keeps who; a reschedule keeps the old time and is refused over a held
// slot; and a freed slot still to come is offered to the oldest waiting
// entry it suits whose patient is free then, to one entry only, and booking
// the offer never double-books.
#include <algorithm>
#include <map>
#include <random>

#include "core/utc_time.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kNow[] = "2026-12-07T08:00:00Z";

AppointmentChange Change(Id clinic, Id by, const std::string& kind, const std::string& reason) {
  AppointmentChange c;
  c.clinic_id = clinic;
  c.kind = kind;
  c.reason = reason;
  c.reason_text = "said on the phone";
  c.changed_by = by;
  c.changed_at = kNow;
  return c;
}

WaitingEntry Entry(Id clinic, Id patient, std::optional<Id> therapist, const std::string& from,
                   const std::string& to, Id by) {
  WaitingEntry e;
  e.clinic_id = clinic;
  e.patient_id = patient;
  e.therapist_id = therapist;
  e.earliest = from;
  e.latest = to;
  e.minutes = 45;
  e.note = "any earlier time";
  e.created_by = by;
  e.created_at = kNow;
  return e;
}

bool Overlap(const std::string& a, int am, const std::string& b, int bm) {
  const std::int64_t x = *UtcSeconds(a), y = *UtcSeconds(b);
  return x < y + bm * 60LL && y < x + am * 60LL;
}

}  // namespace

TEST_P(StoreContractTest, AppointmentCancelKeepsReasonWhoWhenAndLateness) {
  // 20 hours ahead: inside the default 24-hour notice period, so late.
  Appointment soon = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-08T04:00:00Z")));
  Appointment later = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-10T09:00:00Z")));
  auto no_reason = store_->EndAppointment(soon.id, 1, Change(a_.id, desk_a_.id, "cancelled", ""));
  ASSERT_EQ(Outcome(no_reason), "invalid");
  EXPECT_EQ(no_reason.error().field, "reason");
  EXPECT_EQ(Must(store_->EndAppointment(soon.id, 1,
                                        Change(a_.id, desk_a_.id, "cancelled", "patient_unwell")))
                .status,
            AppointmentStatus::kCancelled);
  Must(store_->EndAppointment(later.id, 1, Change(a_.id, desk_a_.id, "cancelled", "transport")));
  const auto kept = Must(store_->ListAppointmentChanges(a_.id, soon.id));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].kind, "cancelled");
  EXPECT_EQ(kept[0].reason, "patient_unwell");
  EXPECT_EQ(kept[0].reason_text, "said on the phone");
  EXPECT_EQ(kept[0].changed_by, desk_a_.id);
  EXPECT_EQ(kept[0].changed_at, kNow);
  EXPECT_EQ(kept[0].old_starts_at, "2026-12-08T04:00:00Z");
  EXPECT_TRUE(kept[0].late);
  EXPECT_FALSE(Must(store_->ListAppointmentChanges(a_.id, later.id))[0].late);
  // Cancelled is final; the other clinic sees nothing.
  EXPECT_EQ(Outcome(store_->EndAppointment(
                soon.id, 2, Change(a_.id, desk_a_.id, "cancelled", "patient_unwell"))),
            "conflict");
  EXPECT_EQ(Outcome(store_->ListAppointmentChanges(b_.id, soon.id)), "not found");
}

TEST_P(StoreContractTest, AppointmentNoShowKeepsWhoRecordedIt) {
  Appointment booked = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-01T09:00:00Z")));
  Must(store_->EndAppointment(booked.id, 1, Change(a_.id, therapist_a_.id, "no_show", "")));
  const auto kept = Must(store_->ListAppointmentChanges(a_.id, booked.id));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].kind, "no_show");
  EXPECT_EQ(kept[0].changed_by, therapist_a_.id);
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, booked.id)).status, AppointmentStatus::kNoShow);
}

TEST_P(StoreContractTest, AppointmentRescheduleKeepsTheOldTimeAndRefusesAHeldSlot) {
  Appointment moving = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  Patient other = Must(store_->CreatePatient(NewPatient(a_.id, "Ada", "Lovelace")));
  Must(store_->CreateAppointment(
      NewAppointment(a_.id, other.id, therapist_a_.id, "2026-12-09T11:00:00Z")));
  AppointmentChange move = Change(a_.id, desk_a_.id, "rescheduled", "patient_request");
  move.new_starts_at = "2026-12-09T11:30:00Z";
  move.new_therapist_id = therapist_a_.id;
  auto refused = store_->RescheduleAppointment(moving.id, 1, move);
  ASSERT_EQ(Outcome(refused), "conflict");
  EXPECT_NE(refused.error().message.find("already booked with Ada Lovelace"), std::string::npos)
      << refused.error().message;
  EXPECT_TRUE(Must(store_->ListAppointmentChanges(a_.id, moving.id)).empty());
  move.new_starts_at = "2026-12-09T13:00:00Z";
  move.new_therapist_id = admin_a_.id;
  Appointment moved = Must(store_->RescheduleAppointment(moving.id, 1, move));
  EXPECT_EQ(moved.starts_at, "2026-12-09T13:00:00Z");
  EXPECT_EQ(moved.therapist_id, admin_a_.id);
  EXPECT_EQ(moved.version, 2);
  const auto kept = Must(store_->ListAppointmentChanges(a_.id, moving.id));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].kind, "rescheduled");
  EXPECT_EQ(kept[0].old_starts_at, "2026-12-09T09:00:00Z");
  EXPECT_EQ(kept[0].old_therapist_id, therapist_a_.id);
  EXPECT_EQ(kept[0].new_starts_at, "2026-12-09T13:00:00Z");
  // The old time is free again.
  Must(store_->CreateAppointment(
      NewAppointment(a_.id, other.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
}

TEST_P(StoreContractTest, WaitingListOffersAFreedSlotToTheOldestSuitingEntryOnce) {
  Patient ada = Must(store_->CreatePatient(NewPatient(a_.id, "Ada", "Lovelace")));
  Patient bo = Must(store_->CreatePatient(NewPatient(a_.id, "Bo", "Chen")));
  Appointment held = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  // Another therapist only; too late a window; then two that suit.
  Must(store_->AddWaitingEntry(Entry(a_.id, ada.id, admin_a_.id, "2026-12-08T00:00:00Z",
                                     "2026-12-12T00:00:00Z", desk_a_.id)));
  Must(store_->AddWaitingEntry(Entry(a_.id, ada.id, std::nullopt, "2026-12-10T00:00:00Z",
                                     "2026-12-12T00:00:00Z", desk_a_.id)));
  WaitingEntry first = Must(store_->AddWaitingEntry(Entry(
      a_.id, bo.id, therapist_a_.id, "2026-12-09T08:00:00Z", "2026-12-09T12:00:00Z", desk_a_.id)));
  WaitingEntry second = Must(store_->AddWaitingEntry(Entry(
      a_.id, ada.id, std::nullopt, "2026-12-09T08:00:00Z", "2026-12-09T12:00:00Z", desk_a_.id)));
  Must(store_->EndAppointment(held.id, 1, Change(a_.id, desk_a_.id, "cancelled", "transport")));
  auto list = Must(store_->ListWaitingEntries(a_.id));
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[2].status, "offered");
  EXPECT_EQ(list[2].offered_starts_at, "2026-12-09T09:00:00Z");
  EXPECT_EQ(list[2].freed_by_appointment_id, held.id);
  EXPECT_EQ(list[0].status, "waiting");
  EXPECT_EQ(list[1].status, "waiting");
  EXPECT_EQ(list[3].status, "waiting");
  WaitingEntry booked = Must(store_->BookWaitingOffer(a_.id, first.id, list[2].version));
  EXPECT_EQ(booked.status, "booked");
  ASSERT_TRUE(booked.appointment_id);
  EXPECT_EQ(Must(store_->GetAppointment(a_.id, *booked.appointment_id)).patient_id, bo.id);
  // Not offered: cannot be booked; withdrawn is kept with its outcome.
  EXPECT_EQ(Outcome(store_->BookWaitingOffer(a_.id, second.id, 1)), "conflict");
  EXPECT_EQ(Must(store_->WithdrawWaitingEntry(a_.id, second.id, 1)).status, "withdrawn");
  EXPECT_EQ(Must(store_->ListWaitingEntries(a_.id)).size(), 4u);
  EXPECT_EQ(
      Outcome(store_->AddWaitingEntry(Entry(a_.id, ada.id, std::nullopt, "2026-12-09T08:00:00Z",
                                            "2026-12-09T08:30:00Z", desk_a_.id))),
      "invalid");
}

// A patient already booked at the freed time (with another therapist) could
// not take it: their older entry is passed over and the next patient's gets
// the offer.
TEST_P(StoreContractTest, WaitingListPassesOverAnEntryWhosePatientIsBookedThen) {
  Patient ada = Must(store_->CreatePatient(NewPatient(a_.id, "Ada", "Lovelace")));
  Patient bo = Must(store_->CreatePatient(NewPatient(a_.id, "Bo", "Chen")));
  Appointment held = Must(store_->CreateAppointment(
      NewAppointment(a_.id, patient_a_.id, therapist_a_.id, "2026-12-09T09:00:00Z")));
  Must(store_->CreateAppointment(
      NewAppointment(a_.id, ada.id, admin_a_.id, "2026-12-09T09:30:00Z")));
  WaitingEntry busy = Must(store_->AddWaitingEntry(Entry(
      a_.id, ada.id, std::nullopt, "2026-12-09T08:00:00Z", "2026-12-09T12:00:00Z", desk_a_.id)));
  WaitingEntry free = Must(store_->AddWaitingEntry(Entry(
      a_.id, bo.id, std::nullopt, "2026-12-09T08:00:00Z", "2026-12-09T12:00:00Z", desk_a_.id)));
  Must(store_->EndAppointment(held.id, 1, Change(a_.id, desk_a_.id, "cancelled", "transport")));
  const auto list = Must(store_->ListWaitingEntries(a_.id));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, busy.id);
  EXPECT_EQ(list[0].status, "waiting");
  EXPECT_EQ(list[1].id, free.id);
  EXPECT_EQ(list[1].status, "offered");
  EXPECT_EQ(list[1].offered_starts_at, "2026-12-09T09:00:00Z");
  EXPECT_EQ(Must(store_->BookWaitingOffer(a_.id, free.id, list[1].version)).status, "booked");
}

// Model-based: random bookings, cancellations, moves, waiting entries and
// bookings of offers over two therapists. After every step the store's
// waiting list must equal the model's, where a freed slot still to come
// goes to the oldest suiting waiting entry, never to two entries at once,
// and no therapist or patient is ever double-booked.
TEST_P(StoreContractTest, WaitingListModelOffersEachFreedSlotToTheEarliestEntryOnly) {
  std::mt19937 rng(20261207);
  const std::int64_t base = *UtcSeconds("2026-12-08T08:00:00Z");
  const Id therapists[] = {therapist_a_.id, admin_a_.id};
  std::vector<Id> patients{patient_a_.id};
  for (int i = 0; i < 3; ++i) {
    patients.push_back(
        Must(store_->CreatePatient(NewPatient(a_.id, "P" + std::to_string(i), "Model"))).id);
  }
  std::map<Id, Appointment> booked;  // Slot-holding, by id.
  std::vector<WaitingEntry> entries;
  // Free when neither the therapist nor (when given) the patient holds an
  // overlapping appointment: each holds one at a time.
  auto slot_free = [&](Id therapist, const std::string& at, int minutes, Id patient = 0) {
    return std::none_of(booked.begin(), booked.end(), [&](const auto& kv) {
      return (kv.second.therapist_id == therapist || kv.second.patient_id == patient) &&
             Overlap(kv.second.starts_at, kv.second.minutes, at, minutes);
    });
  };
  auto offer = [&](const Appointment& freed) {
    for (WaitingEntry& e : entries) {
      if (e.status != "waiting" || (e.therapist_id && *e.therapist_id != freed.therapist_id) ||
          e.earliest > freed.starts_at || e.minutes > freed.minutes ||
          e.patient_id == freed.patient_id ||
          FormatUtc(*UtcSeconds(freed.starts_at) + e.minutes * 60LL) > e.latest) {
        continue;
      }
      const bool offered_elsewhere = std::any_of(entries.begin(), entries.end(), [&](auto& o) {
        return o.status == "offered" && o.offered_therapist_id == freed.therapist_id &&
               Overlap(o.offered_starts_at, o.minutes, freed.starts_at, e.minutes);
      });
      if (!slot_free(freed.therapist_id, freed.starts_at, e.minutes) || offered_elsewhere) return;
      // A patient booked then (with any therapist) is passed over.
      if (!slot_free(/*therapist=*/0, freed.starts_at, e.minutes, e.patient_id)) continue;
      e.status = "offered";
      e.offered_starts_at = freed.starts_at;
      e.offered_therapist_id = freed.therapist_id;
      return;
    }
  };
  for (int step = 0; step < 250; ++step) {
    const int what = static_cast<int>(rng() % 5);
    const std::string at = FormatUtc(base + (rng() % 32) * 15 * 60LL);
    const Id therapist = therapists[rng() % 2];
    const Id patient = patients[rng() % patients.size()];
    if (what == 0 || booked.empty()) {
      Appointment a = NewAppointment(a_.id, patient, therapist, at);
      a.minutes = 30 + static_cast<int>(rng() % 3) * 15;
      auto r = store_->CreateAppointment(a);
      ASSERT_EQ(r.ok(), slot_free(therapist, at, a.minutes, patient)) << "step " << step;
      if (r.ok()) booked[r.value().id] = r.value();
    } else if (what == 1) {
      auto it = std::next(booked.begin(), static_cast<long>(rng() % booked.size()));
      const Appointment freed = it->second;
      Must(store_->EndAppointment(freed.id, freed.version,
                                  Change(a_.id, desk_a_.id, "cancelled", "other")));
      booked.erase(it);
      offer(freed);
    } else if (what == 2) {
      auto it = std::next(booked.begin(), static_cast<long>(rng() % booked.size()));
      const Appointment freed = it->second;
      AppointmentChange move = Change(a_.id, desk_a_.id, "rescheduled", "patient_request");
      move.new_starts_at = at;
      move.new_therapist_id = therapist;
      booked.erase(it);
      auto r = store_->RescheduleAppointment(freed.id, freed.version, move);
      ASSERT_EQ(r.ok(), slot_free(therapist, at, freed.minutes, freed.patient_id))
          << "step " << step;
      if (r.ok()) {
        booked[freed.id] = r.value();
        offer(freed);
      } else {
        booked[freed.id] = freed;
      }
    } else if (what == 3) {
      const std::int64_t from = base + (rng() % 24) * 30 * 60LL;
      WaitingEntry e =
          Entry(a_.id, patient, rng() % 3 == 0 ? std::nullopt : std::optional(therapist),
                FormatUtc(from), FormatUtc(from + (2 + rng() % 6) * 3600LL), desk_a_.id);
      e.minutes = 30 + static_cast<int>(rng() % 2) * 15;
      entries.push_back(Must(store_->AddWaitingEntry(e)));
    } else {
      auto it = std::find_if(entries.begin(), entries.end(),
                             [](const WaitingEntry& e) { return e.status == "offered"; });
      if (it == entries.end()) continue;
      const WaitingEntry stored_entry = [&] {
        for (const auto& s : Must(store_->ListWaitingEntries(a_.id))) {
          if (s.id == it->id) return s;
        }
        return WaitingEntry{};
      }();
      auto r = store_->BookWaitingOffer(a_.id, it->id, stored_entry.version);
      ASSERT_EQ(r.ok(), slot_free(*it->offered_therapist_id, it->offered_starts_at, it->minutes,
                                  it->patient_id))
          << "step " << step;
      if (r.ok()) {
        it->status = "booked";
        booked[*r.value().appointment_id] =
            Must(store_->GetAppointment(a_.id, *r.value().appointment_id));
      }
    }
    const auto stored = Must(store_->ListWaitingEntries(a_.id));
    ASSERT_EQ(stored.size(), entries.size());
    for (std::size_t i = 0; i < stored.size(); ++i) {
      ASSERT_EQ(stored[i].status, entries[i].status) << "step " << step << " entry " << i;
      ASSERT_EQ(stored[i].offered_starts_at, entries[i].offered_starts_at) << "step " << step;
    }
  }
  const auto all =
      Must(store_->ListAppointments(a_.id, FormatUtc(base - 86400), FormatUtc(base + 2 * 86400)));
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      const bool held = all[i].status == AppointmentStatus::kBooked &&
                        all[j].status == AppointmentStatus::kBooked;
      EXPECT_FALSE(held && all[i].therapist_id == all[j].therapist_id &&
                   Overlap(all[i].starts_at, all[i].minutes, all[j].starts_at, all[j].minutes));
    }
  }
}

}  // namespace sciaticare::store::testing
