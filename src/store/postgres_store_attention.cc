// PostgreSQL store: the clinic's attention list records, one query per record
// kind (and one per kind of document asked for), read in one repeatable-read
// transaction, so every part comes from the same snapshot.
#include "store/attention_documents.h"
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/referral_records.h"
#include "store/sql_columns.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

std::pair<Id, std::string> PgReadIdAndText(const pqxx::row& r) {
  return {r[0].as<std::int64_t>(), r[1].as<std::string>()};
}

}  // namespace

StoreResult<AttentionRecords> PostgresStore::ReadAttention(Id clinic_id, int session_limit,
                                                           const AttentionDocuments& documents) {
  if (auto problem = CheckPage({session_limit, 0})) return *problem;
  static const std::string patients_sql =
      "SELECT " + kPgPatientColumns + " FROM patients WHERE clinic_id = $1 " + kPgPatientNameOrder;
  static const std::string assessments_sql =
      "SELECT " + EmptiedColumns(kPgAssessmentColumns, {"intake_json", "result_json"}, "''::text") +
      " FROM assessments WHERE clinic_id = $1 ORDER BY patient_id, created_at, id";
  static const std::string plans_sql =
      "SELECT " + EmptiedColumns(kPgPlanColumns, {"plan_json"}, "''::text") +
      " FROM plans WHERE clinic_id = $1 ORDER BY patient_id, version_no";
  // Each patient's newest notes, numbered newest first, then put oldest first.
  static const std::string sessions_sql =
      "SELECT " + kPgAttentionSessionColumns + " FROM (SELECT " + kPgAttentionSessionColumns +
      ", ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY occurred_at DESC, id DESC) AS newest "
      "FROM session_notes WHERE clinic_id = $1) AS n WHERE newest <= $2 "
      "ORDER BY patient_id, occurred_at, id";
  static const std::string results_sql =
      "SELECT id, result_json FROM assessments WHERE clinic_id = $1 AND id = ANY($2::bigint[])";
  static const std::string plan_documents_sql =
      "SELECT id, plan_json FROM plans WHERE clinic_id = $1 AND id = ANY($2::bigint[])";
  return Run([&](PgConnection& c) -> StoreResult<AttentionRecords> {
    PgTx tx(c, PgTx::Kind::kSnapshot);
    AttentionRecords records;
    records.patients = All(tx.Exec(patients_sql, clinic_id), PgReadPatient);
    records.assessments = All(tx.Exec(assessments_sql, clinic_id), PgReadAssessment);
    records.plans = All(tx.Exec(plans_sql, clinic_id), PgReadPlan);
    records.sessions = All(tx.Exec(sessions_sql, clinic_id, session_limit), PgReadAttentionSession);
    PgSession session(c, &tx);
    records.referrals = records::ReadReferrals(session, clinic_id, 0);
    if (const auto ids = WantedResults(records, documents); !ids.empty()) {
      PutResults(records,
                 All(tx.Exec(results_sql, clinic_id, IdArray(ids, '{', '}')), PgReadIdAndText));
    }
    if (const auto ids = WantedPlans(records, documents); !ids.empty()) {
      PutPlans(records, All(tx.Exec(plan_documents_sql, clinic_id, IdArray(ids, '{', '}')),
                            PgReadIdAndText));
    }
    tx.Commit();
    return records;
  });
}

}  // namespace sciaticare::store
