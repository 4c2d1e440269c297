// The append-only audit trail, written once for both stores over the SQL
// session. There is deliberately no code here that updates or deletes an
// entry, and both schemas' triggers refuse it. Throws what the session
// throws (the store maps it).
#pragma once

#include <optional>

#include "store/sql/sql_session.h"
#include "store/store.h"

namespace sciaticare::store::records {

// The insert of one valid entry, in the caller's transaction (a group
// commit's batch on SQLite), as one statement that stores nothing and
// answers kNotFound ("clinic_id") when the clinic is not there; fills in
// `entry.id` (GroupCommit::Job::one_statement).
std::optional<StoreError> InsertAudit(sql::Session& s, AuditEntry& entry);

// The Store methods of the same names (store.h states their contracts).
StoreResult<AuditEntry> AppendAudit(sql::Session& s, const AuditEntry& entry);
StoreResult<Page<AuditEntry>> ListAudit(sql::Session& s, Id clinic_id, const AuditQuery& query);

}  // namespace sciaticare::store::records
