// Scores the validated questionnaires (outcome-measures reference, section
// numbers below). Every scorer is pure and takes its thresholds from Knowledge.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/intake.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

// Oswestry Disability Index v2.1a (Fairbank & Pynsent 2000): the percentage of
// the maximum over answered sections, 1 decimal, half up. With fewer than
// Knowledge::odi_min_answered sections, percent and band are absent.
struct OdiScore {
  int answered = 0;
  int sum = 0;
  std::optional<double> percent;
  std::string band, band_label;
};

// Sciatica Bothersomeness Index: four items 0-6, total 0-24; no total when an
// item is missing (no published rule for missing items).
struct SbiScore {
  std::optional<int> total;
  std::vector<int> bothersome_items;  // 1-based item numbers scored at or above the threshold.
  std::optional<bool> success;        // total <= success threshold (Haugen 2011).
};

// Keele STarT Back: total 0-9, psychosocial (items 5-9) 0-5 and risk group
// (Hill 2008). Absent when any item is unanswered.
struct StartBackScore {
  std::optional<int> total;
  std::optional<int> psychosocial;
  std::string risk;  // "low", "medium", "high", or empty when incomplete.
};

// Roland-Morris, 24 items: the count of ticked statements.
struct RmdqScore {
  int total = 0;
};

struct Scores {
  std::optional<int> nrs_leg, nrs_back;
  std::optional<OdiScore> odi;
  std::optional<SbiScore> sbi;
  std::optional<StartBackScore> startback;
  std::optional<RmdqScore> rmdq;
};

OdiScore ScoreOdi(const std::array<std::optional<int>, 10>& sections, const Knowledge& k);
SbiScore ScoreSbi(const std::array<std::optional<int>, 4>& items, const Knowledge& k);
StartBackScore ScoreStartBack(const std::array<std::optional<int>, 9>& items, const Knowledge& k);
RmdqScore ScoreRmdq(const std::array<std::optional<int>, 24>& items);

// Scores every questionnaire the intake carries.
Scores ScoreQuestionnaires(const Questionnaires& q, const Knowledge& k);

}  // namespace sciaticare
