// SQLite store: the writes that go through the group commit
// (sqlite_group_commit.h), audit entries and new session notes with what goes
// with them, answered once the batch holding them is on disk.
#include <memory>

#include "store/records/audit_records.h"
#include "store/records/session_note_records.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_group_commit.h"
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {

void SqliteStore::CreateSessionNoteAsync(const SessionNote& note, std::optional<AuditEntry> audit,
                                         AlsoWrite also, Callback<SessionNote> done) {
  if (auto problem = ValidateSessionNote(note)) return done(*problem);
  if (audit) {
    if (auto problem = ValidateAudit(*audit)) return done(*problem);
  }
  auto out = std::make_shared<SessionNote>(note);
  // The note and what goes with it (its audit entry, its kept answer) are one
  // member of the batch, under one savepoint: all are committed or none.
  group_->Submit(
      {[out, audit = std::move(audit), also = std::move(also)]() mutable -> GroupCommit::Outcome {
         SqliteSession s = SqliteSession::OnCurrent();
         if (auto e = records::InsertSessionNote(s, *out)) return e;
         if (audit) {
           AuditEntry entry = *audit;
           entry.entity_id = std::to_string(out->id);
           if (auto e = records::InsertAudit(s, entry)) return e;
         }
         if (!also) return std::nullopt;
         StoreStatus more = also(*out);
         if (!more.ok()) return more.error();
         return std::nullopt;
       },
       [out, done = std::move(done)](GroupCommit::Outcome failed) {
         if (failed) return done(std::move(*failed));
         done(std::move(*out));
       }});
}

void SqliteStore::AppendAuditAsync(const AuditEntry& entry, Callback<AuditEntry> done) {
  if (auto problem = ValidateAudit(entry)) return done(*problem);
  auto out = std::make_shared<AuditEntry>(entry);
  // The job runs on the group commit's writer thread, in its batch's transaction.
  group_->Submit({[out] {
                    SqliteSession s = SqliteSession::OnCurrent();
                    return records::InsertAudit(s, *out);
                  },
                  [out, done = std::move(done)](GroupCommit::Outcome failed) {
                    if (failed) return done(std::move(*failed));
                    done(std::move(*out));
                  },
                  /*one_statement=*/true});
}

}  // namespace sciaticare::store
