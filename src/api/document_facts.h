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
#include <mutex>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "store/records.h"

namespace sciaticare::api {

class DocumentFacts {
 public:
  explicit DocumentFacts(std::size_t max_entries = 4096) : max_entries_(max_entries) {}

  // The "scores" member of assessment `id`'s result document ({} when absent or unreadable).
  nlohmann::json AssessmentScores(store::Id id, const std::string& result_json);
  // As above, calling `load_result_json` only when the scores are not remembered.
  nlohmann::json AssessmentScores(store::Id id,
                                  const std::function<std::string()>& load_result_json);
  // "sessions.count" of plan `id`'s document (0 when absent or unreadable).
  int PlannedSessions(store::Id id, const std::string& plan_json);

 private:
  template <typename V, typename Parse>
  V Remembered(std::unordered_map<store::Id, V>& table, store::Id id, Parse parse);

  std::size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<store::Id, nlohmann::json> scores_;
  std::unordered_map<store::Id, int> planned_;
};

}  // namespace sciaticare::api
