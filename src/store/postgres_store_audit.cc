// PostgreSQL store: the append-only audit trail. There is deliberately no code
// here that updates or deletes an entry, and the schema's triggers refuse it.
#include "store/postgres_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

using Kind = PgTx::Kind;

// An unset filter is bound as NULL and matches everything.
constexpr const char* kAuditFilter =
    "clinic_id = $1 AND ($2::bigint IS NULL OR user_id = $2::bigint) AND "
    "($3::bigint IS NULL OR patient_id = $3::bigint) AND "
    "($4::text IS NULL OR action = $4::text) AND ($5::text IS NULL OR at >= $5::text) AND "
    "($6::text IS NULL OR at < $6::text) ";

std::vector<PgParam> AuditFilter(Id clinic_id, const AuditQuery& query) {
  return {Arg(clinic_id),    Arg(query.user_id), Arg(query.patient_id),
          Arg(query.action), Arg(query.from),    Arg(query.to)};
}

}  // namespace

StoreResult<AuditEntry> PostgresStore::AppendAudit(const AuditEntry& entry) {
  if (auto problem = ValidateAudit(entry)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<AuditEntry> {
    PgTx tx(c, Kind::kWrite);
    if (auto e = PgCheckClinic(tx, entry.clinic_id)) return *e;
    AuditEntry out = entry;
    out.id = Scalar(
        tx.Exec("INSERT INTO audit (clinic_id, at, user_id, action, entity, entity_id, "
                "patient_id, remote_addr, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                "RETURNING id",
                entry.clinic_id, entry.at, entry.user_id, entry.action, entry.entity,
                entry.entity_id, entry.patient_id, entry.remote_addr, entry.detail));
    tx.Commit();
    return out;
  });
}

StoreResult<Page<AuditEntry>> PostgresStore::ListAudit(Id clinic_id, const AuditQuery& query) {
  if (auto problem = ValidateAuditQuery(query)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<Page<AuditEntry>> {
    PgTx tx(c, Kind::kSnapshot);  // The count and the page from one snapshot.
    Page<AuditEntry> page;
    page.total =
        Scalar(tx.ExecParams(std::string("SELECT COUNT(*) FROM audit WHERE ") + kAuditFilter,
                             AuditFilter(clinic_id, query)));
    std::vector<PgParam> params = AuditFilter(clinic_id, query);
    params.push_back(Arg(query.page.limit));
    params.push_back(Arg(query.page.offset));
    page.items =
        All(tx.ExecParams("SELECT " + kPgAuditColumns + " FROM audit WHERE " + kAuditFilter +
                              "ORDER BY at DESC, id DESC LIMIT $7 OFFSET $8",
                          params),
            PgReadAudit);
    tx.Commit();
    return page;
  });
}

}  // namespace sciaticare::store
