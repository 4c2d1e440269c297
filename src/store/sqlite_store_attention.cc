// SQLite store: the clinic's attention list records, one query per record
// kind (and one per kind of document asked for), read in one transaction on
// a read connection, so every part comes from the same snapshot.
#include "store/attention_documents.h"
#include "store/records/referral_records.h"
#include "store/sql_columns.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

std::pair<Id, std::string> ReadIdAndText(SQLite::Statement& s) {
  return {s.getColumn(0).getInt64(), s.getColumn(1).getString()};
}

}  // namespace

StoreResult<AttentionRecords> SqliteStore::ReadAttention(Id clinic_id, int session_limit,
                                                         const AttentionDocuments& documents) {
  if (auto problem = CheckPage({session_limit, 0})) return *problem;
  static const std::string patients_sql =
      "SELECT " + kPatientColumns + " FROM patients WHERE clinic_id = :clinic " + kPatientNameOrder;
  static const std::string assessments_sql =
      "SELECT " + EmptiedColumns(kAssessmentColumns, {"intake_json", "result_json"}, "''") +
      " FROM assessments WHERE clinic_id = :clinic ORDER BY patient_id, created_at, id";
  static const std::string plans_sql =
      "SELECT " + EmptiedColumns(kPlanColumns, {"plan_json"}, "''") +
      " FROM plans WHERE clinic_id = :clinic ORDER BY patient_id, version_no";
  // Each patient's newest notes, numbered newest first, then put oldest first.
  static const std::string sessions_sql =
      "SELECT " + kAttentionSessionColumns + " FROM (SELECT " + kAttentionSessionColumns +
      ", ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY occurred_at DESC, id DESC) AS newest "
      "FROM session_notes WHERE clinic_id = :clinic) AS n WHERE newest <= :limit "
      "ORDER BY patient_id, occurred_at, id";
  static const std::string results_sql =
      "SELECT id, result_json FROM assessments WHERE clinic_id = :clinic AND id IN "
      "(SELECT value FROM json_each(:ids))";
  static const std::string plan_documents_sql =
      "SELECT id, plan_json FROM plans WHERE clinic_id = :clinic AND id IN "
      "(SELECT value FROM json_each(:ids))";
  return Reading([&]() -> StoreResult<AttentionRecords> {
    SqliteTransaction tx;
    AttentionRecords records;
    records.patients = Prepare(patients_sql).Bind(":clinic", clinic_id).All(ReadPatient);
    records.assessments = Prepare(assessments_sql).Bind(":clinic", clinic_id).All(ReadAssessment);
    records.plans = Prepare(plans_sql).Bind(":clinic", clinic_id).All(ReadPlanRow);
    records.sessions = Prepare(sessions_sql)
                           .Bind(":clinic", clinic_id)
                           .Bind(":limit", session_limit)
                           .All(ReadAttentionSession);
    SqliteSession session = SqliteSession::OnCurrent();
    records.referrals = records::ReadReferrals(session, clinic_id, 0);
    if (const auto ids = WantedResults(records, documents); !ids.empty()) {
      PutResults(records, Prepare(results_sql)
                              .Bind(":clinic", clinic_id)
                              .Bind(":ids", IdArray(ids, '[', ']'))
                              .All(ReadIdAndText));
    }
    if (const auto ids = WantedPlans(records, documents); !ids.empty()) {
      PutPlans(records, Prepare(plan_documents_sql)
                            .Bind(":clinic", clinic_id)
                            .Bind(":ids", IdArray(ids, '[', ']'))
                            .All(ReadIdAndText));
    }
    tx.commit();
    return records;
  });
}

}  // namespace sciaticare::store
