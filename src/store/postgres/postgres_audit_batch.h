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

// The PostgreSQL array literal of `values` ("{...}"), each element quoted;
// nullopt is NULL. For parameters cast to TEXT[] or BIGINT[].
std::string PgArrayLiteral(const std::vector<std::optional<std::string>>& values);

}  // namespace sciaticare::store
