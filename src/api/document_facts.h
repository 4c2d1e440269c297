// DocumentFacts: the few facts the chart shows from stored JSON documents (an
// assessment's scores, an approved plan's planned session count), parsed once
// per record and remembered, because parsing an 11 KB assessment result on
// every chart read cost more than the rest of the read together.
//
// Remembering is safe because neither document changes once stored (store.h:
// assessments are immutable; a plan's content is fixed, only its status
// moves), so every server on a shared database derives the same facts. Memory
// is bounded: a full table starts over. Thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/records.h"

namespace sciaticare::api {

// What the chart needs of an assessment's result document.
struct AssessmentFacts {
  std::string scores_json = "{}";  // Its "scores" member as JSON text ({} when absent).
  // The ratings the outcomes follow, when the scores have them.
  std::optional<double> nrs_leg, nrs_back, odi_percent;
};

class DocumentFacts {
 public:
  explicit DocumentFacts(std::size_t max_entries = 4096) : max_entries_(max_entries) {}

  // The facts of assessment `id`, calling `load_result_json` for its result
  // document only when they are not remembered. Never null.
  std::shared_ptr<const AssessmentFacts> Assessment(
      store::Id id, const std::function<std::string()>& load_result_json);
  // "sessions.count" of plan `id`'s document (0 when absent or unreadable),
  // calling `load_plan_json` only when it is not remembered.
  int PlannedSessions(store::Id id, const std::function<std::string()>& load_plan_json);

 private:
  template <typename V, typename Parse>
  V Remembered(std::unordered_map<store::Id, V>& table, store::Id id, Parse parse);

  std::size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<store::Id, std::shared_ptr<const AssessmentFacts>> assessments_;
  std::unordered_map<store::Id, int> planned_;
};

// The facts of one result document (see AssessmentFacts); an unreadable
// document has none.
AssessmentFacts ReadAssessmentFacts(const std::string& result_json);

}  // namespace sciaticare::api
