// The attention list read on the SQL session: one statement per record kind,
// and one per kind of document asked for, whatever the clinic's size.
#include "store/records/attention_records.h"

#include <string>
#include <utility>

#include "store/attention_documents.h"
#include "store/records/patient_rows.h"
#include "store/records/plan_records.h"
#include "store/records/referral_records.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kAttentionSessionColumns =
    "id, patient_id, plan_id, occurred_at, created_at, leg_pain_before, back_pain_before, "
    "adverse_events_json";

AttentionSession ReadAttentionSession(const sql::Row& r) {
  AttentionSession n;
  n.id = r.Int64(0);
  n.patient_id = r.Int64(1);
  n.plan_id = r.OptInt64(2);
  n.occurred_at = r.Text(3);
  n.created_at = r.Text(4);
  n.leg_pain_before = r.OptInt(5);
  n.back_pain_before = r.OptInt(6);
  n.adverse_events_json = r.Text(7);
  return n;
}

std::pair<Id, std::string> ReadIdAndText(const sql::Row& r) { return {r.Int64(0), r.Text(1)}; }

// The (id, document) pairs of `column` in `table` for `ids`.
std::vector<std::pair<Id, std::string>> ReadDocuments(sql::Session& s, const char* table,
                                                      const char* column, Id clinic_id,
                                                      const std::vector<Id>& ids) {
  return s
      .Prepare(std::string("SELECT id, ") + column + " FROM " + table +
               " WHERE clinic_id = ? AND " + s.InIdList("id"))
      .Bind(clinic_id)
      .Bind(s.IdList(ids))
      .All(ReadIdAndText);
}

}  // namespace

StoreResult<AttentionRecords> ReadAttention(sql::Session& s, Id clinic_id, int session_limit,
                                            const AttentionDocuments& documents) {
  if (auto problem = CheckPage({session_limit, 0})) return *problem;
  // By name, case-insensitively, as the patients_by_name index orders them.
  const std::string patients_sql =
      "SELECT " + kPatientColumns + " FROM patients WHERE clinic_id = ? ORDER BY " +
      s.CaseFoldedOrder("family_name") + ", " + s.CaseFoldedOrder("given_name") + ", id";
  static const std::string assessments_sql =
      "SELECT " + kAssessmentHeadColumns +
      " FROM assessments WHERE clinic_id = ? ORDER BY patient_id, created_at, id";
  // Each patient's newest notes, numbered newest first, then put oldest first.
  static const std::string sessions_sql =
      "SELECT " + kAttentionSessionColumns + " FROM (SELECT " + kAttentionSessionColumns +
      ", ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY occurred_at DESC, id DESC) AS newest "
      "FROM session_notes WHERE clinic_id = ?) AS n WHERE newest <= ? "
      "ORDER BY patient_id, occurred_at, id";
  auto tx = s.Begin(sql::TxKind::kRead);
  AttentionRecords records;
  records.patients = s.Prepare(patients_sql).Bind(clinic_id).All(ReadPatient);
  records.assessments = s.Prepare(assessments_sql).Bind(clinic_id).All(ReadAssessment);
  records.plans = ReadClinicPlanHeads(s, clinic_id);
  records.sessions =
      s.Prepare(sessions_sql).Bind(clinic_id).Bind(session_limit).All(ReadAttentionSession);
  records.referrals = ReadReferrals(s, clinic_id, 0);
  if (const auto ids = WantedResults(records, documents); !ids.empty()) {
    PutResults(records, ReadDocuments(s, "assessments", "result_json", clinic_id, ids));
  }
  if (const auto ids = WantedPlans(records, documents); !ids.empty()) {
    PutPlans(records, ReadDocuments(s, "plans", "plan_json", clinic_id, ids));
  }
  tx->Commit();
  return records;
}

}  // namespace sciaticare::store::records
