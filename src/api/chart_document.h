// The patient chart as one JSON document: the patient, assessments with their
// scores, plan versions, the approved plan's progress, pain before and after
// each session, and the outcomes the core reads from them (responder status,
// relief between sessions).
//
// Written straight into the answer's body rather than built as a JSON tree and
// dumped: the chart is the document read most, and the tree was most of the
// cost of reading it (docs/performance.md). Members come in alphabetical order.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "api/document_facts.h"
#include "core/outcomes.h"
#include "knowledge/knowledge.h"
#include "store/records.h"

namespace sciaticare::api {

struct ChartInput {
  const store::ChartRecords& records;
  // The facts of each of records.assessments, in the same order.
  std::vector<std::shared_ptr<const AssessmentFacts>> assessment_facts;
  int planned_sessions = 0;  // Of the approved plan, if there is one.
  // The patient's own chart: approved plans only, and the patient record
  // without its staff-only fields.
  bool for_patient = false;
  // The screening that suspends the approved plan (api/care_guard.h); empty
  // when it is not suspended. The plan then shows status "suspended".
  std::string approved_plan_suspended_by;
};

// The outcomes of a chart: the responder reading over every rating and the
// relief after each session (`sessions` oldest first, one relief row each;
// pointers into the records, which stay newest first as the store reads them).
struct ChartOutcomes {
  ResponderReading responder;
  std::vector<SessionRelief> relief;
};
ChartOutcomes ReadChartOutcomes(const std::vector<store::Assessment>& assessments,
                                const std::vector<std::shared_ptr<const AssessmentFacts>>& facts,
                                const std::vector<const store::ChartSession*>& sessions,
                                const Knowledge& k);

// The chart document for `input` (its sessions are given newest first, as the
// store reads them; the document lists them oldest first, for plotting).
std::string ChartDocument(const ChartInput& input, const Knowledge& k);

}  // namespace sciaticare::api
