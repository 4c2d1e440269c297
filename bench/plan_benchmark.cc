// Plan generation throughput. Target (issue 2): at least 100,000 plans per
// second on one core for the clinical core. Figures: docs/performance.md.
#include <benchmark/benchmark.h>

#include "codec/assessment_json.h"
#include "codec/intake_json.h"
#include "core/assessment.h"
#include "knowledge/knowledge_loader.h"

namespace sciaticare {
namespace {

// A typical intake: L5 pattern, questionnaires, one precaution.
constexpr std::string_view kIntake = R"({
  "patient": {"age": 52, "sex": "male", "pregnant": false},
  "symptoms": [
    {"region": "lower_back", "side": "midline", "kind": "pain", "intensity": 4},
    {"region": "buttock", "side": "right", "kind": "pain", "intensity": 6},
    {"region": "lateral_thigh", "side": "right", "kind": "pain", "intensity": 5},
    {"region": "shin", "side": "right", "kind": "tingling"},
    {"region": "foot_top", "side": "right", "kind": "numbness"}],
  "onset_weeks": 9,
  "aggravated_by": ["sitting", "bending"],
  "relieved_by": ["walking"],
  "red_flags": {"ces_saddle_anaesthesia": false, "ces_bladder_dysfunction": false},
  "conditions": {"osteoporosis": true},
  "preferences": {"pain_tolerance": "medium", "fragrance_sensitive": true},
  "questionnaires": {"nrs_leg": 6, "nrs_back": 4, "odi": [2, 3, 1, null, 2, 2, 1, 0, 2, 3],
                     "sbi": [3, 2, 1, 4], "startback": [1, 1, 0, 0, 0, 0, 0, 0, 4]}
})";

Intake ParsedIntake() {
  Result<Intake> in = ParseIntakeJson(kIntake, BuiltinKnowledge());
  if (!in) std::abort();
  return in.value();
}

// The clinical core alone: screening, scores, body pattern and plan.
void BM_Assess(benchmark::State& state) {
  const Knowledge& k = BuiltinKnowledge();
  const Intake intake = ParsedIntake();
  for (auto _ : state) {
    Assessment a = Assess(intake, k);
    benchmark::DoNotOptimize(a);
  }
  state.counters["plans_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Assess);

void BM_ParseIntake(benchmark::State& state) {
  const Knowledge& k = BuiltinKnowledge();
  for (auto _ : state) {
    Result<Intake> in = ParseIntakeJson(kIntake, k);
    benchmark::DoNotOptimize(in);
  }
}
BENCHMARK(BM_ParseIntake);

// What `sciaticare plan --json` does per document, without process start-up.
void BM_ParseAssessSerialize(benchmark::State& state) {
  const Knowledge& k = BuiltinKnowledge();
  for (auto _ : state) {
    Result<Intake> in = ParseIntakeJson(kIntake, k);
    std::string out = AssessmentToJson(Assess(in.value(), k), k).dump();
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_ParseAssessSerialize);

}  // namespace
}  // namespace sciaticare

BENCHMARK_MAIN();
