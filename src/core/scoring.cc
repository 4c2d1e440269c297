#include "core/scoring.h"

namespace sciaticare {

OdiScore ScoreOdi(const std::array<std::optional<int>, 10>& sections, const Knowledge& k) {
  OdiScore s;
  for (const auto& section : sections) {
    if (!section) continue;
    ++s.answered;
    s.sum += *section;
  }
  if (s.answered == 0 || s.answered < k.odi_min_answered) return s;
  // percent = sum / (5 n) * 100 = 20 sum / n; in tenths 200 sum / n, rounded half up
  // in integers so that 16/45 gives exactly 35.6.
  const int n = s.answered;
  const int tenths = (2 * 200 * s.sum + n) / (2 * n);
  s.percent = tenths / 10.0;
  // Bands come from the exact value, not the rounded one.
  for (const OdiBand& band : k.odi_bands) {
    if (20.0 * s.sum <= band.max * n) {
      s.band = band.id;
      s.band_label = band.label;
      break;
    }
  }
  return s;
}

SbiScore ScoreSbi(const std::array<std::optional<int>, 4>& items, const Knowledge& k) {
  SbiScore s;
  int total = 0;
  bool complete = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i]) {
      complete = false;
      continue;
    }
    total += *items[i];
    if (*items[i] >= k.sbi_bothersome_min) s.bothersome_items.push_back(static_cast<int>(i) + 1);
  }
  if (complete) {
    s.total = total;
    s.success = total <= k.sbi_success_max;
  }
  return s;
}

StartBackScore ScoreStartBack(const std::array<std::optional<int>, 9>& items, const Knowledge& k) {
  StartBackScore s;
  int total = 0, psychosocial = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i]) return s;
    // Item 9 is stored as its answer index 0-4 and scores 1 only from "very much".
    int points = i == 8 ? (*items[i] >= k.startback_item9_scored_from ? 1 : 0) : *items[i];
    total += points;
    if (i >= 4) psychosocial += points;
  }
  s.total = total;
  s.psychosocial = psychosocial;
  if (total <= k.startback_low_max_total)
    s.risk = "low";
  else if (psychosocial <= k.startback_medium_max_psychosocial)
    s.risk = "medium";
  else
    s.risk = "high";
  return s;
}

RmdqScore ScoreRmdq(const std::array<std::optional<int>, 24>& items) {
  RmdqScore s;
  for (const auto& item : items) s.total += item.value_or(0);
  return s;
}

Scores ScoreQuestionnaires(const Questionnaires& q, const Knowledge& k) {
  Scores s;
  s.nrs_leg = q.nrs_leg;
  s.nrs_back = q.nrs_back;
  if (q.odi) s.odi = ScoreOdi(*q.odi, k);
  if (q.sbi) s.sbi = ScoreSbi(*q.sbi, k);
  if (q.startback) s.startback = ScoreStartBack(*q.startback, k);
  if (q.rmdq) s.rmdq = ScoreRmdq(*q.rmdq);
  return s;
}

}  // namespace sciaticare
