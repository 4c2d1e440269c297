// The demo generator's first half: a patient's story and the documents of
// their intake (symptoms, questionnaires, red flags, conditions).
#include <algorithm>
#include <array>
#include <cmath>

#include "cli/demo_calendar.h"
#include "cli/demo_generator.h"

namespace sciaticare::demo {
namespace {

using nlohmann::json;

json Symptom(const char* region, const std::string& side, const char* kind, int intensity = -1) {
  json s = {{"region", region}, {"side", side}, {"kind", kind}};
  if (intensity >= 0) s["intensity"] = std::clamp(intensity, 1, 10);
  return s;
}

json SymptomsOf(const PatientStory& p, DemoRng& rng) {
  const std::string& s = p.side;
  json list = json::array({Symptom("lower_back", "midline", "pain", p.back)});
  switch (p.pattern) {
    case Pattern::kS1:
      list.push_back(Symptom("buttock", s, "pain", p.leg));
      list.push_back(Symptom("posterior_thigh", s, "pain", p.leg - rng.Between(0, 1)));
      list.push_back(Symptom("calf", s, "pain", p.leg - 1));
      list.push_back(Symptom("foot_lateral", s, "tingling"));
      break;
    case Pattern::kL5:
      list.push_back(Symptom("buttock", s, "pain", p.leg - 1));
      list.push_back(Symptom("lateral_thigh", s, "pain", p.leg));
      list.push_back(Symptom("shin", s, "pain", p.leg - rng.Between(1, 2)));
      list.push_back(Symptom("foot_top", s, rng.Chance(40) ? "numbness" : "tingling"));
      break;
    case Pattern::kL4:
      list.push_back(Symptom("anterior_thigh", s, "pain", p.leg));
      list.push_back(Symptom("knee", s, "pain", p.leg - 1));
      list.push_back(Symptom("shin", s, "tingling"));
      break;
    case Pattern::kButtockSitting:
      list.push_back(Symptom("buttock", s, "pain", p.leg));
      list.push_back(Symptom("posterior_thigh", s, "pain", p.leg - 2));
      break;
    case Pattern::kBackDominant:
      list.push_back(Symptom("buttock", s, "pain", p.leg));
      list.push_back(Symptom("lateral_thigh", s, "pain", p.leg - 1));
      break;
  }
  return list;
}

// ODI: ten sections of 0-5 adding up to `total` (at most 50).
json OdiItems(int total, bool sex_life_unanswered, DemoRng& rng) {
  std::array<int, 10> items{};
  const int sections = sex_life_unanswered ? 9 : 10;
  total = std::clamp(total, 0, 5 * sections);
  for (int n = 0; n < total; ++n) {
    // Add a point to a random section that still has room.
    for (int tries = 0; tries < 40; ++tries) {
      int s = rng.Between(0, 9);
      if (sex_life_unanswered && s == 7) continue;
      if (items[static_cast<std::size_t>(s)] < 5) {
        ++items[static_cast<std::size_t>(s)];
        break;
      }
    }
  }
  json out = json::array();
  for (int s = 0; s < 10; ++s) {
    if (sex_life_unanswered && s == 7) {
      out.push_back(nullptr);
    } else {
      out.push_back(items[static_cast<std::size_t>(s)]);
    }
  }
  return out;
}

// The fraction of baseline pain left at week `week` (0-8).
double Remaining(const PatientStory& p, double week) {
  switch (p.trend) {
    case Trend::kFlat:
      return 1.0;
    case Trend::kWorsens:
      return 1.0 + 0.45 * std::min(week, 8.0) / 8.0;
    case Trend::kResponds:
      break;
  }
  return 1.0 - p.improvement_percent / 100.0 * std::min(week, 8.0) / 8.0;
}

json RedFlagsFalse() {
  json flags = json::object();
  for (const char* id :
       {"ces_saddle_anaesthesia", "ces_bladder_dysfunction", "ces_bowel_dysfunction",
        "ces_sexual_dysfunction", "ces_bilateral_leg_symptoms", "ces_progressive_bilateral_deficit",
        "neuro_foot_drop_or_major_weakness", "neuro_rapidly_progressing_deficit",
        "ca_history_of_cancer", "ca_unexplained_weight_loss", "ca_night_or_rest_pain",
        "inf_fever_unwell", "fx_major_trauma", "persistent_not_improving"}) {
    flags[id] = false;
  }
  return flags;
}

// The cast's own intake answers over the generated ones; "other_leg" is the
// side without the symptoms (a clot in the other calf, say).
void MergeCastIntake(const PatientStory& p, json& patient, json& conditions, json& preferences) {
  const json& extra = p.cast->intake;
  for (auto [part, target] : {std::pair{"patient", &patient}, std::pair{"conditions", &conditions},
                              std::pair{"preferences", &preferences}}) {
    if (!extra.contains(part)) continue;
    for (const auto& [key, value] : extra[part].items()) (*target)[key] = value;
  }
  for (auto& [key, value] : conditions.items()) {
    if (value.is_object() && value.value("side", "") == "other_leg") {
      value["side"] = p.side == "left" ? "right" : "left";
    }
  }
}

}  // namespace

PatientStory DrawStory(int index, const CastPatient& cast,
                       const std::pair<store::Id, std::string>& therapist, std::int64_t today,
                       DemoRng& rng) {
  PatientStory p;
  p.index = index;
  p.cast = &cast;
  p.course = cast.course;
  static constexpr std::array<Pattern, 5> kPatterns = {
      Pattern::kS1, Pattern::kL5, Pattern::kButtockSitting, Pattern::kBackDominant, Pattern::kL4};
  p.pattern = kPatterns[static_cast<std::size_t>(rng.Between(0, 9)) % kPatterns.size()];
  p.side = rng.Chance(55) ? "right" : "left";
  p.leg = rng.Between(4, 8);
  p.back = rng.Between(2, 7);
  p.trend = cast.trend;
  p.responds = p.trend == Trend::kResponds;
  p.improvement_percent = rng.Between(45, 75);
  p.odi_sex_life_unanswered = rng.Chance(30);
  static const std::vector<std::string> kAggravators = {"standing", "walking",          "bending",
                                                        "lifting",  "twisting",         "stairs",
                                                        "morning",  "coughing_sneezing"};
  p.aggravated = {p.pattern == Pattern::kButtockSitting ? "sitting" : rng.Pick(kAggravators)};
  if (p.pattern == Pattern::kButtockSitting) p.aggravated.push_back("driving");
  for (const std::string& a : kAggravators) {
    if (a != p.aggravated[0] && rng.Chance(20)) p.aggravated.push_back(a);
  }
  p.therapist = therapist.first;
  p.therapist_name = therapist.second;
  p.hour = 9 + (index * 3) % 8;
  switch (p.course) {
    case Course::kFull:
      // Paused after five sessions when the pain got worse.
      p.sessions = p.trend == Trend::kWorsens ? 5 : 8;
      p.intake_offset_days = 56 + index % 7;
      break;
    case Course::kRecent:
      p.sessions = 2 + index % 3;
      p.intake_offset_days = 7 * (p.sessions - 1) + 1 + index % 7;
      break;
    case Course::kNew:
      p.intake_offset_days = 1 + index % 2;
      break;
    case Course::kReferred:
      p.intake_offset_days = 3 + (index * 7) % 25;
      break;
  }
  // The clinic sees people on weekdays: an earlier intake day moves the
  // weekly slot off the weekend too.
  while (IsWeekend(today - p.intake_offset_days * kDay)) ++p.intake_offset_days;
  return p;
}

int PainAt(int baseline, const PatientStory& p, double week, DemoRng& rng) {
  if (p.trend == Trend::kWorsens) {
    // Up about a point every fortnight: past the minimal important change (2)
    // by the fifth session.
    const int rise = static_cast<int>(std::lround(0.6 * std::min(week, 8.0))) + rng.Between(0, 1);
    return std::clamp(baseline + std::min(rise, 4), 1, 9);
  }
  // Responders: mostly on trend, a better week now and then, rarely a small flare.
  const int noise = p.trend == Trend::kResponds ? (rng.Chance(30) ? (rng.Chance(70) ? -1 : 1) : 0)
                    : p.trend == Trend::kFlat   ? rng.Between(-1, 1)
                                                : rng.Between(-1, 0);
  int v = static_cast<int>(std::lround(baseline * Remaining(p, week))) + noise;
  if (p.trend == Trend::kResponds) v = std::min(v, baseline);
  return std::clamp(v, 1, 10);
}

json QuestionnairesAt(const PatientStory& p, double week, DemoRng& rng) {
  const int leg = week == 0 ? p.leg : PainAt(p.leg, p, week, rng);
  const int back = week == 0 ? p.back : PainAt(p.back, p, week, rng);
  const double left = Remaining(p, week);
  const int odi_base = std::clamp(p.leg * 3 + p.back + (p.index % 5) - 2, 4, 38);
  const int odi =
      static_cast<int>(std::lround(odi_base * left)) + (week == 0 ? 0 : rng.Between(-1, 1));
  json sbi = json::array();
  for (int item = 0; item < 4; ++item) {
    const int base = std::clamp((p.leg * 6 + 5) / 10 + ((p.index + item) % 3) - 1, 0, 6);
    sbi.push_back(std::clamp(static_cast<int>(std::lround(base * left)), 0, 6));
  }
  return {{"nrs_leg", leg},
          {"nrs_back", back},
          {"odi", OdiItems(std::max(odi, 0), p.odi_sex_life_unanswered, rng)},
          {"sbi", sbi}};
}

json IntakeDocument(const PatientStory& p, DemoRng& rng) {
  json patient = {{"age", p.cast->age}, {"sex", p.cast->sex}, {"pregnant", false}};
  json conditions = json::object();
  json preferences = {{"fragrance_sensitive", false}};
  const int tolerance = rng.Between(1, 100);
  preferences["pain_tolerance"] = tolerance <= 15 ? "low" : tolerance <= 70 ? "medium" : "high";
  if (rng.Chance(30)) preferences["pressure_preference"] = rng.Between(2, 4);
  // A few patients whose plan shows the precautions at work.
  MergeCastIntake(p, patient, conditions, preferences);
  if (p.index % 4 == 1) patient["first_episode"] = false;

  static const std::vector<std::string> kRelievers = {
      "lying", "walking", "changing_position", "stretching", "heat", "rest", "medication"};
  json relieved = json::array();
  for (const std::string& r : kRelievers) {
    if (rng.Chance(30)) relieved.push_back(r);
  }
  static const std::vector<int> kOnsets = {3, 5, 8, 10, 14, 20, 26, 40, 52};

  json red_flags = RedFlagsFalse();
  for (const std::string& flag : p.cast->red_flags) red_flags[flag] = true;
  // A question skipped on the form (a new patient's bladder question): the plan waits for it.
  for (const json& flag : p.cast->intake.value("unanswered_red_flags", json::array())) {
    red_flags[flag.get<std::string>()] = nullptr;
  }

  json doc = {{"patient", patient},
              {"symptoms", SymptomsOf(p, rng)},
              {"onset_weeks", rng.Pick(kOnsets)},
              {"aggravated_by", p.aggravated},
              {"relieved_by", relieved},
              {"red_flags", red_flags},
              {"conditions", conditions},
              {"preferences", preferences},
              {"questionnaires", QuestionnairesAt(p, 0, rng)}};
  if (p.index % 2 == 0) {
    json startback = json::array();
    for (int item = 0; item < 8; ++item) startback.push_back(rng.Chance(p.leg * 7) ? 1 : 0);
    startback.push_back(rng.Between(0, 4));
    doc["questionnaires"]["startback"] = startback;
  }
  return doc;
}

}  // namespace sciaticare::demo
