// Audit entries of many requests appended with one statement (the PostgreSQL
// group commit's batch): one round trip instead of two for each entry. The
// entries' ids are set in the order given. Throws what the statement throws
// (a clinic that does not exist, text PostgreSQL cannot hold), having stored
// nothing; the caller then appends them one by one to find the culprit.
// Internal to the PostgreSQL store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/records.h"

namespace sciaticare::store {

class PgConnection;
class PgTx;

void InsertAuditsTogether(PgConnection& conn, PgTx& tx, const std::vector<AuditEntry*>& entries);

// The same statement in a transaction of its own: BEGIN, the INSERT and
// COMMIT sent in one round trip (libpq's pipeline mode), for a batch of
// audit entries alone, as every audited read's is. Throws what
// RunPipelined throws (postgres_pipeline.h), which rolls back a failed
// INSERT's transaction: a lost connection is pqxx::in_doubt_error unless
// it was found lost before anything was sent.
void CommitAuditsInOneRoundTrip(PgConnection& conn, const std::vector<AuditEntry*>& entries);

// The PostgreSQL array literal of `values` ("{...}"), each element quoted;
// nullopt is NULL. For parameters cast to TEXT[] or BIGINT[].
std::string PgArrayLiteral(const std::vector<std::optional<std::string>>& values);

}  // namespace sciaticare::store
