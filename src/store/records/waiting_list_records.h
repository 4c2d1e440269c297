// The waiting list, written once for both stores over the SQL session:
// entries are added, offered a freed slot, booked or withdrawn, and never
// deleted. The offer rule lives here so every path that frees a slot (a
// cancellation, a reschedule) applies it in the same transaction.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "store/records.h"
#include "store/schedule_changes.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// Offers the slot `freed` held (its therapist, from its start) to the oldest
// waiting entry it suits: the entry's therapist (or any), its window holding
// [start, start + entry minutes), entry minutes no longer than the slot, a
// patient other than `freed`'s and not booked then with any therapist, the
// time still free and not already offered to another entry. Marks that entry offered and answers
// it; nothing when none suits. Call inside the write transaction that freed the slot.
std::optional<WaitingEntry> OfferFreedSlot(sql::Session& s, const Appointment& freed);

// The Store methods of the same names (store.h states their contracts).
StoreResult<WaitingEntry> AddWaitingEntry(sql::Session& s, const WaitingEntry& entry);
StoreResult<std::vector<WaitingEntry>> ListWaitingEntries(sql::Session& s, Id clinic_id);
StoreResult<WaitingEntry> BookWaitingOffer(sql::Session& s, Id clinic_id, Id id,
                                           int expected_version);
StoreResult<WaitingEntry> WithdrawWaitingEntry(sql::Session& s, Id clinic_id, Id id,
                                               int expected_version);

}  // namespace sciaticare::store::records
