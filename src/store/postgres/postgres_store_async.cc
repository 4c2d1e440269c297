// PostgreSQL store: the writes that go through the group commit
// (postgres_group_commit.h) — audit entries and new session notes with what
// goes with them — answered once the batch holding them has committed.
#include <memory>

#include "store/postgres/postgres_group_commit.h"
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/audit_records.h"
#include "store/validation.h"

namespace sciaticare::store {

std::optional<StoreError> PostgresStore::InsertSessionNote(SessionNote& note) {
  // In a unit of work, CreateSessionNote joins it as a subtransaction.
  StoreResult<SessionNote> created = CreateSessionNote(note);
  if (!created.ok()) return created.error();
  note = std::move(created).value();
  return std::nullopt;
}

void PostgresStore::CreateSessionNoteAsync(const SessionNote& note, AlsoWrite also,
                                           Callback<SessionNote> done) {
  if (auto problem = ValidateSessionNote(note)) return done(*problem);
  auto out = std::make_shared<SessionNote>(note);
  // The note and what goes with it (its audit entry, its kept answer) are one
  // member of the batch, under one savepoint: both are committed or neither.
  group_->Submit({[this, note, out, also = std::move(also)](
                      PgConnection& conn, PgTx& member) -> PgGroupCommit::Outcome {
                    *out = note;  // Afresh, should the batch run again.
                    PgUnitScope unit(*this, conn, member.Unit());
                    if (auto e = InsertSessionNote(*out)) return e;
                    if (!also) return std::nullopt;
                    StoreStatus more = also(*out);
                    if (!more.ok()) return more.error();
                    return std::nullopt;
                  },
                  [out, done = std::move(done)](PgGroupCommit::Outcome failed) {
                    if (failed) return done(std::move(*failed));
                    done(std::move(*out));
                  }});
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
                  /*one_statement=*/true});
}

}  // namespace sciaticare::store
