// SQLite store: the append-only audit trail. There is deliberately no code
// here that updates or deletes an entry, and the schema's triggers refuse it.
#include "store/sqlite_group_commit.h"
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

// An unset filter is bound as NULL and matches everything.
constexpr const char* kAuditFilter =
    "clinic_id = :clinic AND (:user IS NULL OR user_id = :user) AND "
    "(:patient IS NULL OR patient_id = :patient) AND (:action IS NULL OR action = :action) AND "
    "(:from IS NULL OR at >= :from) AND (:to IS NULL OR at < :to) ";

SqliteQuery& BindAuditFilter(SqliteQuery& q, Id clinic_id, const AuditQuery& query) {
  return q.Bind(":clinic", clinic_id)
      .Bind(":user", query.user_id)
      .Bind(":patient", query.patient_id)
      .Bind(":action", query.action)
      .Bind(":from", query.from)
      .Bind(":to", query.to);
}

}  // namespace

// One change at most, as the last statement (GroupCommit::Job::one_statement).
std::optional<StoreError> SqliteStore::InsertAudit(AuditEntry& entry) {
  if (Prepare("SELECT 1 FROM clinics WHERE id = :id").Bind(":id", entry.clinic_id).Scalar() == 0) {
    return NotFound("clinic_id", "no such clinic");
  }
  Prepare(
      "INSERT INTO audit (clinic_id, at, user_id, action, entity, entity_id, patient_id, "
      "remote_addr, detail) VALUES (:clinic, :at, :user, :action, :entity, :entity_id, "
      ":patient, :remote, :detail)")
      .Bind(":clinic", entry.clinic_id)
      .Bind(":at", entry.at)
      .Bind(":user", entry.user_id)
      .Bind(":action", entry.action)
      .Bind(":entity", entry.entity)
      .Bind(":entity_id", entry.entity_id)
      .Bind(":patient", entry.patient_id)
      .Bind(":remote", entry.remote_addr)
      .Bind(":detail", entry.detail)
      .Exec();
  entry.id = Db().getLastInsertRowid();
  return std::nullopt;
}

StoreResult<AuditEntry> SqliteStore::AppendAudit(const AuditEntry& entry) {
  if (auto problem = ValidateAudit(entry)) return *problem;
  return Writing([&]() -> StoreResult<AuditEntry> {
    AuditEntry out = entry;
    if (auto e = InsertAudit(out)) return *e;
    return out;
  });
}

void SqliteStore::AppendAuditAsync(const AuditEntry& entry, Callback<AuditEntry> done) {
  if (auto problem = ValidateAudit(entry)) return done(*problem);
  auto out = std::make_shared<AuditEntry>(entry);
  group_->Submit({[this, out] { return InsertAudit(*out); },
                  [out, done = std::move(done)](GroupCommit::Outcome failed) {
                    if (failed) return done(std::move(*failed));
                    done(std::move(*out));
                  },
                  /*one_statement=*/true});
}

StoreResult<Page<AuditEntry>> SqliteStore::ListAudit(Id clinic_id, const AuditQuery& query) {
  if (auto problem = ValidateAuditQuery(query)) return *problem;
  return Reading([&]() -> StoreResult<Page<AuditEntry>> {
    SqliteTransaction tx;  // The count and the page from one snapshot.
    Page<AuditEntry> page;
    SqliteQuery count = Prepare(std::string("SELECT COUNT(*) FROM audit WHERE ") + kAuditFilter);
    page.total = BindAuditFilter(count, clinic_id, query).Scalar();
    SqliteQuery rows = Prepare("SELECT " + kAuditColumns + " FROM audit WHERE " + kAuditFilter +
                               "ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
    page.items = BindAuditFilter(rows, clinic_id, query)
                     .Bind(":limit", query.page.limit)
                     .Bind(":offset", query.page.offset)
                     .All(ReadAudit);
    tx.commit();
    return page;
  });
}

}  // namespace sciaticare::store
