// The part of the Store interface for treatment records: session notes, their
// signing and amendments, referrals, and the one-snapshot reads behind the
// patient chart and the attention list. (Store adds the asynchronous
// CreateSessionNoteAsync, which needs its units of work.)
// Store (store.h) inherits it, so both stores implement it and the store's
// shared contract (store.h: a clinic's records only, optimistic versions,
// caller-given UTC times, failures as values) holds here too.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/model/accounts.h"
#include "store/model/session_notes.h"
#include "store/store_paging.h"
#include "store/store_result.h"

namespace sciaticare::store {

// Which documents ReadAttention reads: asked, within the read, about each
// intake assessment's result and the approved plan's document; one answered
// false stays empty. A caller that remembers what it needs of these immutable
// documents (by record id) spares copying them on every read.
struct AttentionDocuments {
  std::function<bool(Id assessment_id)> need_result = [](Id) { return true; };
  std::function<bool(Id plan_id)> need_plan = [](Id) { return true; };
};

class SessionNoteStore {
 public:
  virtual ~SessionNoteStore() = default;

  // Session notes. Update replaces a draft's clinical content (plan_id,
  // occurred_at, SOAP text, pain ratings, techniques, oils, adverse events);
  // patient, therapist and created_at are fixed. A signed note is refused
  // with kConflict naming "status": it changes only by AmendSessionNote.
  virtual StoreResult<SessionNote> CreateSessionNote(const SessionNote& note) = 0;
  virtual StoreResult<SessionNote> GetSessionNote(Id clinic_id, Id id) = 0;
  virtual StoreResult<SessionNote> UpdateSessionNote(const SessionNote& note,
                                                     int expected_version) = 0;
  // Signs a draft note (kConflict naming "status" when it is signed already,
  // "version" when it changed since `expected_version`): records the signer
  // and when, locks its content, and bumps its version. `signed_by` must be
  // a therapist or admin of the clinic.
  virtual StoreResult<SessionNote> SignSessionNote(Id clinic_id, Id id, int expected_version,
                                                   Id signed_by, const std::string& signed_at) = 0;
  // Replaces a signed note's clinical content with `amended`'s, appending
  // `amendment` (reason, amended_by, amended_at) with the content before and
  // after, in one transaction. kConflict naming "status" for a draft (edit
  // it with UpdateSessionNote, which refuses signed notes the same way);
  // kInvalid naming "reason" when the reason is empty or nothing changes.
  virtual StoreResult<SessionNote> AmendSessionNote(const SessionNote& amended,
                                                    int expected_version,
                                                    const NoteAmendment& amendment) = 0;
  // A note's amendments, oldest first, with the amender's name; kNotFound
  // when the note is not in the clinic.
  virtual StoreResult<std::vector<NoteAmendment>> ListNoteAmendments(Id clinic_id,
                                                                     Id session_id) = 0;
  // Newest occurred_at first.
  virtual StoreResult<Page<SessionNote>> ListSessionNotes(Id clinic_id, Id patient_id,
                                                          const PageRequest& page) = 0;
  // The patient chart's records (see ChartRecords) with the newest
  // `session_limit` notes (1..kMaxPageSize); kNotFound when the patient is not
  // in the clinic. With `sign_in`, the caller's sign-in is read in the same
  // snapshot (see SignInConfirmation), whether the patient is found or not.
  virtual StoreResult<ChartRecords> ReadChart(Id clinic_id, Id patient_id, int session_limit,
                                              SignInConfirmation* sign_in) = 0;
  StoreResult<ChartRecords> ReadChart(Id clinic_id, Id patient_id, int session_limit) {
    return ReadChart(clinic_id, patient_id, session_limit, nullptr);
  }
  // The clinic's attention list records (see AttentionRecords), with each
  // patient's newest `session_limit` notes (1..kMaxPageSize) and the documents
  // `documents` asks for. A clinic without patients (or none at all) has empty
  // lists.
  virtual StoreResult<AttentionRecords> ReadAttention(Id clinic_id, int session_limit,
                                                      const AttentionDocuments& documents) = 0;

  // Referrals (see Referral). Create checks that the patient, assessment,
  // session note and user are the clinic's (kNotFound otherwise) and ignores
  // `id` and `events`. AddReferralEvent appends to a referral of the clinic.
  virtual StoreResult<Referral> CreateReferral(const Referral& referral) = 0;
  virtual StoreResult<ReferralEvent> AddReferralEvent(const ReferralEvent& event) = 0;
  virtual StoreResult<Referral> GetReferral(Id clinic_id, Id id) = 0;
  // Oldest first, each with its events; kNotFound when the patient is not the clinic's.
  virtual StoreResult<std::vector<Referral>> ListReferrals(Id clinic_id, Id patient_id) = 0;

  // Whether a session note of the patient stored at or after `since` (a UTC
  // time; empty for all), other than note `except_note`, records the adverse
  // event kind "symptom_peripheralisation" (symptoms spread down the leg
  // during treatment). Answered from a partial index, not by reading notes.
  virtual StoreResult<bool> SymptomsSpreadSince(Id clinic_id, Id patient_id, std::string_view since,
                                                Id except_note) = 0;
};

}  // namespace sciaticare::store
