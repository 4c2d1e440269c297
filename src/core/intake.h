// A patient's intake as the clinical core sees it: already validated, with
// every name resolved to a vocabulary value or a knowledge index. Build one with
// ParseIntakeJson (codec/intake_json.h) or directly in code and tests.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/vocabulary.h"

namespace sciaticare {

struct Patient {
  int age = 0;
  Sex sex = Sex::kOther;
  bool pregnant = false;
  std::optional<bool> first_episode;  // First ever episode of back pain.
};

struct Symptom {
  Region region = Region::kLowerBack;
  Side side = Side::kMidline;
  SymptomKind kind = SymptomKind::kPain;
  std::optional<int> intensity;  // 0-10; always present for pain.
};

// The answer to one red-flag question. `answer` is nullopt when the question
// was put but the answer is not known yet.
struct RedFlagAnswer {
  int flag = 0;  // Index into Knowledge::red_flags.
  std::optional<bool> answer;
};

// A condition reported present, with where it is when the intake says so.
struct ConditionReport {
  int condition = 0;  // Index into Knowledge::conditions.
  RegionSet site;     // Empty when the site was not given.
  std::optional<Side> side;
  std::vector<std::string> modifiers;  // e.g. "contagious", "high_risk", "unstable".
};

// The inflammatory back pain questions (Knowledge::inflammatory): one answer
// per entry question and per feature, in the knowledge's order; nullopt where
// the question was not asked or the answer is not known.
struct InflammatoryAnswers {
  std::vector<std::optional<bool>> entry, features;
};

struct Preferences {
  std::optional<PainTolerance> pain_tolerance;
  bool fragrance_sensitive = false;
  std::optional<int> pressure_preference;  // 1-5.
};

// Raw questionnaire answers; nullopt entries are unanswered items.
struct Questionnaires {
  std::optional<int> nrs_leg;
  std::optional<int> nrs_back;
  std::optional<std::array<std::optional<int>, 10>> odi;
  std::optional<std::array<std::optional<int>, 4>> sbi;
  std::optional<std::array<std::optional<int>, 9>> startback;
  std::optional<std::array<std::optional<int>, 24>> rmdq;
};

struct Intake {
  Patient patient;
  std::vector<Symptom> symptoms;
  std::optional<double> onset_weeks;
  std::vector<Activity> aggravated_by;
  std::vector<Activity> relieved_by;
  std::vector<RedFlagAnswer> red_flags;
  std::vector<ConditionReport> conditions;
  Preferences preferences;
  Questionnaires questionnaires;
  // Symptoms spread further down the leg during a treatment since the last
  // assessment (a session note's `symptom_peripheralisation` event): the
  // reference's second sign of irritable radicular pain.
  bool symptoms_spread_in_treatment = false;
  // Asked with its features; absent in older intakes, which answered the
  // single red-flag question inflam_back_pain_pattern instead.
  std::optional<InflammatoryAnswers> inflammatory_back_pain;
};

}  // namespace sciaticare
