// PostgreSQL store: the writes that go through the group commit
// (postgres_group_commit.h) — audit entries and new session notes with what
// goes with them — answered once the batch holding them has committed.
#include <memory>

#include "store/postgres/postgres_group_commit.h"
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/audit_records.h"
#include "store/records/session_note_records.h"
#include "store/validation.h"

namespace sciaticare::store {

void PostgresStore::CreateSessionNoteAsync(const SessionNote& note, std::optional<AuditEntry> audit,
                                           AlsoWrite also, Callback<SessionNote> done) {
  if (auto problem = ValidateSessionNote(note)) return done(*problem);
  if (audit) {
    if (auto problem = ValidateAudit(*audit)) return done(*problem);
  }
  auto out = std::make_shared<SessionNote>(note);
  // The note's audit entry is appended by the batch once the note is stored
  // (PgGroupCommit::Job::then_audit): with the other members' entries in one
  // statement, or under the member's savepoint when the batch runs isolated.
  auto entry = audit ? std::make_shared<AuditEntry>(*audit) : nullptr;
  // The note and what goes with it (its audit entry, its kept answer) are one
  // member of the batch: all are committed or none.
  PgGroupCommit::Job job{[this, note, out, entry, also = std::move(also)](
                             PgConnection& conn, PgTx& member) -> PgGroupCommit::Outcome {
                           *out = note;  // Afresh, should the batch run again.
                           // Store calls made by `also` join this member's transaction
                           // without savepoints of their own: should any fail, the
                           // member's savepoint undoes the whole member.
                           PgUnitScope unit(*this, conn, member.Unit(), PgUnitScope::Writes::kJoin);
                           PgSession s(conn, &member);
                           if (auto e = records::InsertSessionNote(s, *out)) return e;
                           if (entry) entry->entity_id = std::to_string(out->id);
                           if (!also) return std::nullopt;
                           StoreStatus more = also(*out);
                           if (!more.ok()) return more.error();
                           if (conn.unit_failed()) return Internal("the note could not be stored");
                           return std::nullopt;
                         },
                         [out, done = std::move(done)](PgGroupCommit::Outcome failed) {
                           if (failed) return done(std::move(*failed));
                           done(std::move(*out));
                         }};
  job.then_audit = std::move(entry);
  group_->Submit(std::move(job));
}

void PostgresStore::AppendAuditAsync(const AuditEntry& entry, Callback<AuditEntry> done) {
  if (auto problem = ValidateAudit(entry)) return done(*problem);
  auto out = std::make_shared<AuditEntry>(entry);
  group_->Submit({[out](PgConnection& conn, PgTx& tx) -> PgGroupCommit::Outcome {
                    PgSession s(conn, &tx);
                    return records::InsertAudit(s, *out);
                  },
                  [out, done = std::move(done)](PgGroupCommit::Outcome failed) {
                    if (failed) return done(std::move(*failed));
                    done(std::move(*out));
                  },
                  /*one_statement=*/true, /*audit=*/out});
}

}  // namespace sciaticare::store
