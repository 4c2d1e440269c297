#include "store/attention_documents.h"

#include <unordered_map>

namespace sciaticare::store {
namespace {

// `records[i].*document` = the document of each (id, document) pair.
template <typename Record>
void Put(std::vector<Record>& records, std::string Record::*document,
         std::vector<std::pair<Id, std::string>>&& read) {
  std::unordered_map<Id, std::string*> by_id;
  for (Record& r : records) by_id.emplace(r.id, &(r.*document));
  for (auto& [id, text] : read) {
    if (auto it = by_id.find(id); it != by_id.end()) *it->second = std::move(text);
  }
}

}  // namespace

std::vector<Id> WantedResults(const AttentionRecords& records,
                              const AttentionDocuments& documents) {
  std::vector<Id> ids;
  for (const Assessment& a : records.assessments) {
    if (a.kind == AssessmentKind::kIntake && documents.need_result(a.id)) ids.push_back(a.id);
  }
  return ids;
}

std::vector<Id> WantedPlans(const AttentionRecords& records, const AttentionDocuments& documents) {
  std::vector<Id> ids;
  for (const PlanRecord& p : records.plans) {
    if (p.status == PlanStatus::kApproved && documents.need_plan(p.id)) ids.push_back(p.id);
  }
  return ids;
}

void PutResults(AttentionRecords& records, std::vector<std::pair<Id, std::string>> results) {
  Put(records.assessments, &Assessment::result_json, std::move(results));
}

void PutPlans(AttentionRecords& records, std::vector<std::pair<Id, std::string>> plans) {
  Put(records.plans, &PlanRecord::plan_json, std::move(plans));
}

}  // namespace sciaticare::store
