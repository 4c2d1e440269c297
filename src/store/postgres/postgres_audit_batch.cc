// One INSERT ... SELECT FROM unnest(arrays) for a batch's audit entries: the
// statement is the same whatever the number of entries, so it is prepared
// once per connection.
#include "store/postgres/postgres_audit_batch.h"

#include <stdexcept>

#include "store/postgres/postgres_pipeline.h"
#include "store/postgres_query.h"

namespace sciaticare::store {
namespace {

// The columns of records::InsertAudit, in its order. RETURNING gives the
// rows in the order unnest produced them, which is the arrays' order.
const std::string kInsertAudits =
    "INSERT INTO audit (clinic_id, at, user_id, action, entity, entity_id, patient_id, "
    "remote_addr, detail) SELECT * FROM unnest(CAST($1 AS BIGINT[]), CAST($2 AS TEXT[]), "
    "CAST($3 AS BIGINT[]), CAST($4 AS TEXT[]), CAST($5 AS TEXT[]), CAST($6 AS TEXT[]), "
    "CAST($7 AS BIGINT[]), CAST($8 AS TEXT[]), CAST($9 AS TEXT[])) RETURNING id";

std::optional<std::string> IdText(const std::optional<Id>& id) {
  if (!id) return std::nullopt;
  return std::to_string(*id);
}

}  // namespace

std::string PgArrayLiteral(const std::vector<std::optional<std::string>>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    if (!values[i]) {
      out += "NULL";
      continue;
    }
    out += '"';
    for (char c : *values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

namespace {

// The statement's parameters: one array literal per column.
std::vector<std::string> AuditArrays(const std::vector<AuditEntry*>& entries) {
  constexpr std::size_t kColumns = 9;
  std::vector<std::vector<std::optional<std::string>>> columns(kColumns);
  for (auto& column : columns) column.reserve(entries.size());
  for (const AuditEntry* e : entries) {
    columns[0].emplace_back(std::to_string(e->clinic_id));
    columns[1].emplace_back(e->at);
    columns[2].push_back(IdText(e->user_id));
    columns[3].emplace_back(e->action);
    columns[4].emplace_back(e->entity);
    columns[5].emplace_back(e->entity_id);
    columns[6].push_back(IdText(e->patient_id));
    columns[7].emplace_back(e->remote_addr);
    columns[8].emplace_back(e->detail);
  }
  std::vector<std::string> params;
  params.reserve(kColumns);
  for (const auto& column : columns) params.push_back(PgArrayLiteral(column));
  return params;
}

void CheckAllStored(std::size_t stored, std::size_t entries) {
  if (stored != entries) throw std::runtime_error("audit entries were not all stored");
}

}  // namespace

void InsertAuditsTogether(PgConnection& conn, PgTx& tx, const std::vector<AuditEntry*>& entries) {
  std::vector<PgParam> params;
  for (std::string& array : AuditArrays(entries)) params.emplace_back(std::move(array));
  const pqxx::result ids = tx.ExecNamed(conn.StatementName(kInsertAudits), params);
  CheckAllStored(ids.size(), entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) entries[i]->id = ids[i][0].as<Id>();
}

void CommitAuditsInOneRoundTrip(PgConnection& conn, const std::vector<AuditEntry*>& entries) {
  const std::string& begin = conn.PreparedNow("BEGIN");
  const std::string& name = conn.PreparedNow(kInsertAudits);
  const std::string& commit = conn.PreparedNow("COMMIT");
  const std::vector<PgResult> ids =
      RunPipelined(conn.raw().handle(), begin, {{name, AuditArrays(entries)}}, commit);
  PgPipelinedRows rows(ids[0].get());
  std::size_t stored = 0;
  for (; rows.Step(); ++stored) {
    if (stored < entries.size()) entries[stored]->id = rows.Int64(0);
  }
  CheckAllStored(stored, entries.size());
}

}  // namespace sciaticare::store
