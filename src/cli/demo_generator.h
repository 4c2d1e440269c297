// The demo clinic's generator: from a cast member and the fixed-seed random
// numbers, the story of their care (pattern, pain, course dates) and the
// documents it produces (intake, questionnaires, session note texts). Pure:
// no store, no clock; the seeder writes what these return. The order of the
// random draws is part of the demo: the same seed gives the same clinic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/demo_cast.h"
#include "cli/demo_rng.h"
#include "core/screening.h"
#include "store/store.h"

namespace sciaticare::demo {

// The leg pattern of the intake's body map.
enum class Pattern { kS1, kL5, kL4, kButtockSitting, kBackDominant };

// One patient's course through the demo, drawn once and filled in as the
// seeder writes their records.
struct PatientStory {
  int index = 0;  // In the cast.
  const CastPatient* cast = nullptr;
  Course course = Course::kFull;
  Pattern pattern = Pattern::kS1;
  std::string side;  // "left" or "right".
  int leg = 5, back = 4;
  Trend trend = Trend::kResponds;
  bool responds = true;          // trend == kResponds.
  int improvement_percent = 60;  // Of the baseline pain, gone by week 8 for responders.
  bool odi_sex_life_unanswered = false;
  std::vector<std::string> aggravated;
  int intake_offset_days = 0;  // Intake this many days before today.
  int sessions = 0;
  int hour = 9;
  store::Id therapist = 0;
  std::string therapist_name;
  store::Id patient_id = 0;
  std::optional<store::Id> login_user;
  std::optional<store::Id> approved_plan;
  Screening screening;  // Of the intake: what a plan revision is checked against.
  int session_minutes = 45;
  bool oils_allowed = true;
  nlohmann::json plan_techniques = nlohmann::json::array();
  int last_leg = 0, last_back = 0;  // Pain before the previous session.
};

// Draws the story of cast member `index`, seen by `therapist` (id, name),
// with the intake on a weekday before `today` (midnight UTC).
PatientStory DrawStory(int index, const CastPatient& cast,
                       const std::pair<store::Id, std::string>& therapist, std::int64_t today,
                       DemoRng& rng);

// The patient's pain (0-10) at week `week`, from `baseline` and their trend.
int PainAt(int baseline, const PatientStory& p, double week, DemoRng& rng);

// The questionnaire answers the patient gives at week `week` (0: intake).
nlohmann::json QuestionnairesAt(const PatientStory& p, double week, DemoRng& rng);

// The patient's intake document, as the intake form would send it.
nlohmann::json IntakeDocument(const PatientStory& p, DemoRng& rng);

// An activity name as words ("coughing_sneezing" -> "coughing or sneezing").
std::string ActivityWords(const std::string& activity);

// The clinical text, pain scores, techniques and adverse events of the
// session in week `week` (0: the first); ids and times are the seeder's.
// Updates the story's last pain scores.
store::SessionNote SessionNoteOf(PatientStory& p, int week, DemoRng& rng);

}  // namespace sciaticare::demo
