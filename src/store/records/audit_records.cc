// The audit trail on the SQL session: its one column list and row reader.
#include "store/records/audit_records.h"

#include <string>

#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kAuditColumns =
    "id, clinic_id, at, user_id, action, entity, entity_id, patient_id, remote_addr, detail";

// An unset filter is bound as NULL and matches everything. The casts give
// PostgreSQL the parameter's type where nothing else in the SQL does.
const std::string kAuditFilter =
    "clinic_id = ? AND (CAST(? AS BIGINT) IS NULL OR user_id = ?) AND "
    "(CAST(? AS BIGINT) IS NULL OR patient_id = ?) AND "
    "(CAST(? AS TEXT) IS NULL OR action = ?) AND (CAST(? AS TEXT) IS NULL OR at >= ?) AND "
    "(CAST(? AS TEXT) IS NULL OR at < ?) ";

sql::Query& BindAuditFilter(sql::Query& q, Id clinic_id, const AuditQuery& query) {
  return q.Bind(clinic_id)
      .Bind(query.user_id)
      .Bind(query.user_id)
      .Bind(query.patient_id)
      .Bind(query.patient_id)
      .Bind(query.action)
      .Bind(query.action)
      .Bind(query.from)
      .Bind(query.from)
      .Bind(query.to)
      .Bind(query.to);
}

AuditEntry ReadAudit(const sql::Row& r) {
  AuditEntry e;
  e.id = r.Int64(0);
  e.clinic_id = r.Int64(1);
  e.at = r.Text(2);
  e.user_id = r.OptInt64(3);
  e.action = r.Text(4);
  e.entity = r.Text(5);
  e.entity_id = r.Text(6);
  e.patient_id = r.OptInt64(7);
  e.remote_addr = r.Text(8);
  e.detail = r.Text(9);
  return e;
}

}  // namespace

std::optional<StoreError> InsertAudit(sql::Session& s, AuditEntry& entry) {
  // The clinic check is the statement's own (a row only when the clinic is
  // there), not a query before it: one statement, one round trip on
  // PostgreSQL. The casts give PostgreSQL the types of the ids bound as NULL.
  static const std::string sql =
      "INSERT INTO audit (clinic_id, at, user_id, action, entity, entity_id, patient_id, "
      "remote_addr, detail) SELECT id, ?, CAST(? AS BIGINT), ?, ?, ?, CAST(? AS BIGINT), ?, ? "
      "FROM clinics WHERE id = ? RETURNING id";
  entry.id = s.Prepare(sql)
                 .Bind(entry.at)
                 .Bind(entry.user_id)
                 .Bind(entry.action)
                 .Bind(entry.entity)
                 .Bind(entry.entity_id)
                 .Bind(entry.patient_id)
                 .Bind(entry.remote_addr)
                 .Bind(entry.detail)
                 .Bind(entry.clinic_id)
                 .Scalar();
  if (entry.id == 0) return NotFound("clinic_id", "no such clinic");
  return std::nullopt;
}

StoreResult<AuditEntry> AppendAudit(sql::Session& s, const AuditEntry& entry) {
  if (auto problem = ValidateAudit(entry)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  AuditEntry out = entry;
  if (auto e = InsertAudit(s, out)) return *e;
  tx->Commit();
  return out;
}

StoreResult<Page<AuditEntry>> ListAudit(sql::Session& s, Id clinic_id, const AuditQuery& query) {
  if (auto problem = ValidateAuditQuery(query)) return *problem;
  auto tx = s.Begin(sql::TxKind::kRead);  // The count and the page from one snapshot.
  Page<AuditEntry> page;
  sql::Query count = s.Prepare("SELECT COUNT(*) FROM audit WHERE " + kAuditFilter);
  page.total = BindAuditFilter(count, clinic_id, query).Scalar();
  sql::Query rows = s.Prepare("SELECT " + kAuditColumns + " FROM audit WHERE " + kAuditFilter +
                              "ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
  page.items = BindAuditFilter(rows, clinic_id, query)
                   .Bind(query.page.limit)
                   .Bind(query.page.offset)
                   .All(ReadAudit);
  return page;
}

}  // namespace sciaticare::store::records
