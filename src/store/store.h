// Store: the one interface through which the clinic server keeps its records.
// SQLite (sqlite_store.h) and PostgreSQL (postgres_store.h) implement it, and
// tests/store/store_contract.h is the behaviour both must show.
//
// Contract shared by every method:
//  - Patient data is scoped by clinic: each read and write names the clinic,
//    and a record of another clinic is kNotFound, exactly like a missing one,
//    so ids leak nothing across clinics.
//  - Records with a `version` use optimistic concurrency: an update names the
//    version it read; a stale one is kConflict and nothing is stored.
//  - Times are ISO-8601 UTC strings "YYYY-MM-DDTHH:MM:SSZ" given by the caller
//    (they order correctly as text); no record's time comes from the store's
//    clock (only the migration log notes when a migration ran).
//  - Failures are values (StoreResult); implementations do not throw.
//  - The audit trail is append-only: there is no method to change or remove an
//    entry, and the database refuses it too.
//
// The interface is composed of one part a family (account_store.h,
// patient_store.h, session_note_store.h, schedule_store.h, mail_outbox_store.h,
// calendar_feed_store.h, audit_store.h); Store adds units of work and
// the asynchronous writes that use them. store/record_store.h writes the
// methods once over a SQL session for both databases.
#pragma once

#include <functional>
#include <optional>
#include <utility>

#include "store/account_store.h"
#include "store/audit_store.h"
#include "store/calendar_feed_store.h"
#include "store/care_records_store.h"
#include "store/invitation_mail_store.h"
#include "store/mail_outbox_store.h"
#include "store/patient_store.h"
#include "store/records.h"
#include "store/schedule_store.h"
#include "store/session_note_store.h"
#include "store/store_paging.h"
#include "store/store_result.h"

namespace sciaticare::store {

class Store : public AccountStore,
              public PatientStore,
              public SessionNoteStore,
              public ScheduleStore,
              public MailOutboxStore,
              public CalendarFeedStore,
              public CareRecordsStore,
              public InvitationMailStore,
              public AuditStore {
 public:
  ~Store() override = default;

  // Units of work. Runs `work` as one transaction: every write it makes
  // through this store on the calling thread (audit entries included) is
  // committed together when it succeeds, and none is when it fails (or when a
  // read in it failed in the database), with its error returned (kInternal when
  // the commit fails). A unit begun inside another joins it. Others see nothing
  // of it until it commits; on SQLite they wait, so keep units short.
  virtual StoreStatus Atomically(const std::function<StoreStatus()>& work) = 0;

  // As CreateSessionNote in a unit of work, for a caller that would rather not
  // block a thread: `audit` (when set) is appended in the same unit once the
  // note is stored, its entity_id set to the note's id; then `also` (when set)
  // runs in that unit (say, to keep the answer, see Atomically), and its
  // failure undoes the note; `done` gets the stored note once all of it is
  // durable. Both stores commit many concurrent calls together (their group
  // commits; PostgreSQL appends the audit entries of a batch in one
  // statement); this default commits each call on its own.
  using AlsoWrite = std::function<StoreStatus(const SessionNote& stored)>;
  virtual void CreateSessionNoteAsync(const SessionNote& note, std::optional<AuditEntry> audit,
                                      AlsoWrite also, Callback<SessionNote> done) {
    const Callback<SessionNote> call = std::move(done);
    std::optional<SessionNote> stored;
    StoreStatus unit = Atomically([&]() -> StoreStatus {
      StoreResult<SessionNote> created = CreateSessionNote(note);
      if (!created.ok()) return created.error();
      if (audit) {
        AuditEntry entry = *audit;
        entry.entity_id = std::to_string(created.value().id);
        StoreResult<AuditEntry> appended = AppendAudit(entry);
        if (!appended.ok()) return appended.error();
      }
      if (also) {
        StoreStatus more = also(created.value());
        if (!more.ok()) return more;
      }
      stored = std::move(created).value();
      return Done{};
    });
    if (!unit.ok()) return call(unit.error());
    call(std::move(*stored));
  }
  void CreateSessionNoteAsync(const SessionNote& note, AlsoWrite also, Callback<SessionNote> done) {
    CreateSessionNoteAsync(note, std::nullopt, std::move(also), std::move(done));
  }
  void CreateSessionNoteAsync(const SessionNote& note, Callback<SessionNote> done) {
    CreateSessionNoteAsync(note, std::nullopt, nullptr, std::move(done));
  }
};

}  // namespace sciaticare::store
