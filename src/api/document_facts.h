// DocumentFacts: the few facts the chart, the attention list and a session
// note's review need from stored JSON documents (an assessment's scores and
// red flags, its intake as the core reads it, an approved plan's planned
// session count and reassessment points), parsed once per record and
// remembered, because parsing an 11 KB assessment result on every read cost
// more than the rest of the read together, and parsing the intake again was
// a tenth of every note write's server time.
//
// Remembering is safe because neither document changes once stored (store.h:
// assessments are immutable; a plan's content is fixed, only its status
// moves), so every server on a shared database derives the same facts. A
// loader must therefore give the record's whole stored document, never an
// emptied one. Memory is bounded: a full table starts over. Thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/intake.h"
#include "core/result.h"
#include "store/records.h"

namespace sciaticare::api {

// What the chart and the attention list need of an assessment's result document.
struct AssessmentFacts {
  std::string scores_json = "{}";  // Its "scores" member as JSON text ({} when absent).
  // The ratings the outcomes follow, when the scores have them.
  std::optional<double> nrs_leg, nrs_back, odi_percent, rmdq_total;
  // For the attention list: whether the document is a JSON object at all, the
  // reasons of its red flags, and its whole-number NRS ratings.
  bool readable = false;
  std::vector<std::string> red_flag_reasons;
  std::optional<int> leg_rating, back_rating;
};

// What the chart and the attention list need of a plan document.
struct PlanFacts {
  int planned_sessions = 0;  // "sessions.count"; 0 when absent or unreadable.
  // "reassessment.after_sessions": the session counts after which to reassess.
  std::vector<int> reassess_after_sessions;
};

class DocumentFacts {
 public:
  explicit DocumentFacts(std::size_t max_entries = 4096) : max_entries_(max_entries) {}

  // The facts of assessment `id`, calling `load_result_json` for its result
  // document only when they are not remembered. Never null.
  std::shared_ptr<const AssessmentFacts> Assessment(
      store::Id id, const std::function<std::string()>& load_result_json);
  // The facts of plan `id`, calling `load_plan_json` for its document only
  // when they are not remembered. Never null.
  std::shared_ptr<const PlanFacts> Plan(store::Id id,
                                        const std::function<std::string()>& load_plan_json);
  // The intake of assessment `id` as the core reads it, calling
  // `parse_intake` only when it is not remembered; an intake the knowledge
  // could not read is remembered with its error. Never null.
  std::shared_ptr<const Result<Intake>> AssessedIntake(
      store::Id id, const std::function<Result<Intake>()>& parse_intake);
  // The remembered facts of assessment or plan `id`; null when not remembered.
  std::shared_ptr<const AssessmentFacts> FindAssessment(store::Id id);
  std::shared_ptr<const PlanFacts> FindPlan(store::Id id);

 private:
  template <typename V>
  V Find(const std::unordered_map<store::Id, V>& table, store::Id id);
  template <typename V, typename Parse>
  V Remembered(std::unordered_map<store::Id, V>& table, store::Id id, Parse parse);

  std::size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<store::Id, std::shared_ptr<const AssessmentFacts>> assessments_;
  std::unordered_map<store::Id, std::shared_ptr<const PlanFacts>> plans_;
  std::unordered_map<store::Id, std::shared_ptr<const Result<Intake>>> intakes_;
};

// The facts of one result document (see AssessmentFacts); an unreadable
// document has none.
AssessmentFacts ReadAssessmentFacts(const std::string& result_json);
// The facts of one plan document (see PlanFacts); an unreadable document has none.
PlanFacts ReadPlanFacts(const std::string& plan_json);

}  // namespace sciaticare::api
