// The demo generator's second half: what a therapist writes in a session
// note (SOAP text, pain before and after, techniques, adverse events).
#include <algorithm>

#include "cli/demo_generator.h"

namespace sciaticare::demo {
namespace {

using nlohmann::json;

const char* RegionWords(Pattern pattern) {
  switch (pattern) {
    case Pattern::kS1:
      return "hamstrings and calf";
    case Pattern::kL5:
      return "gluteus medius and the iliotibial band";
    case Pattern::kL4:
      return "quadriceps and hip flexors";
    case Pattern::kButtockSitting:
      return "deep hip rotators and gluteals";
    case Pattern::kBackDominant:
      break;
  }
  return "lumbar erectors and quadratus lumborum";
}

// The regions of one plan item as a note's row names them: each region and
// side once (two muscles of one region are one place worked).
json RowTargets(const json& item) {
  json out = json::array();
  for (const json& t : item.value("targets", json::array())) {
    json target = {{"region", t.value("region", "")}, {"side", t.value("side", "")}};
    if (std::find(out.begin(), out.end(), target) == out.end()) out.push_back(std::move(target));
  }
  return out;
}

// The work of one session as the note form prefills it from the approved
// plan (web/src/forms/workRows.ts): one row per planned item with all its
// regions and its minutes, so the rows add up to the plan's technique
// minutes; stored as the API stores it (api/note_techniques.h), a row of one
// region as "region" and "side", a row of several as "targets".
json SessionTechniques(const PatientStory& p, int week) {
  json out = json::array();
  for (const json& t : p.plan_techniques) {
    const std::string technique = t.value("technique", "");
    json targets = RowTargets(t);
    if (technique.empty() || targets.empty()) continue;
    int pressure = t.value("pressure", 2);
    if (week == 0) pressure = std::max(1, pressure - 1);  // A gentler first session.
    json row = {{"technique", technique},
                {"pressure", std::clamp(pressure, 1, 5)},
                {"minutes", std::clamp(t.value("minutes", 5), 1, 120)}};
    if (targets.size() == 1) {
      row["region"] = targets[0]["region"];
      row["side"] = targets[0]["side"];
    } else {
      row["targets"] = std::move(targets);
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::string Subjective(const PatientStory& p, int week, int leg_before, int back_before,
                       DemoRng& rng) {
  static const std::vector<std::string> kBetter = {"Sleeping better.",
                                                   "Managed a full week at work.",
                                                   "Walking further before the leg pain starts.",
                                                   "Doing the stretches most days.",
                                                   "Back to gentle swimming.",
                                                   "Less stiff in the mornings."};
  static const std::vector<std::string> kSame = {
      "Much the same as last week.", "Not much change overall; some good days.",
      "Flared after a long day at work.", "Finding the exercises hard to keep up."};
  if (week == 0) {
    return "First session. " + std::string(p.side == "left" ? "Left" : "Right") + " leg pain " +
           std::to_string(leg_before) + "/10, back " + std::to_string(back_before) +
           "/10; worst with " + ActivityWords(p.aggravated[0]) + ".";
  }
  return "Leg pain " + std::to_string(leg_before) + "/10 this week (" + std::to_string(p.leg) +
         " at intake). " + (p.responds && leg_before < p.leg ? rng.Pick(kBetter) : rng.Pick(kSame));
}

std::string AssessmentText(const PatientStory& p, int week, int leg_before) {
  if (week == 0) return "Presentation matches the intake; started gently within the plan's caps.";
  if (p.responds && leg_before < p.leg) {
    return "Improving: leg pain " + std::to_string(p.leg) + " -> " + std::to_string(leg_before) +
           " since intake.";
  }
  if (p.trend == Trend::kWorsens && leg_before > p.leg) {
    return "Worse than at intake: leg pain " + std::to_string(p.leg) + " -> " +
           std::to_string(leg_before) + "; relief lasts a day at most.";
  }
  return "No meaningful change since intake.";
}

std::string PlanText(const PatientStory& p, int week) {
  if (p.trend == Trend::kWorsens && week == p.sessions - 1) {
    return "Leg pain worse for two sessions running: massage paused and a GP review requested, "
           "as the plan's escalation says. Review here after the GP appointment.";
  }
  if (week == 7 && !p.responds) {
    return "No meaningful change after eight weeks: stop the course and refer back to "
           "physiotherapy / GP, as the plan's escalation says.";
  }
  if (week == 3) {
    return "Halfway: questionnaires due this week. Continue weekly; home stretches "
           "reviewed.";
  }
  return "Continue the approved plan weekly; keep walking and the home stretches.";
}

json AdverseEvents(const PatientStory& p, int week, DemoRng& rng) {
  json events = json::array();
  if (p.cast->symptoms_spread_at_session == week + 1) {
    events.push_back({{"kind", "symptom_peripheralisation"},
                      {"severity", "mild"},
                      {"note", "Tingling spread to the " + p.side +
                                   " calf for about an hour after the session; pressure "
                                   "reduced next time."}});
  } else if (p.trend == Trend::kWorsens && week == p.sessions - 2) {
    events.push_back({{"kind", "symptom_peripheralisation"},
                      {"severity", "moderate"},
                      {"note", "Pins and needles into the " + p.side +
                                   " foot during gluteal work; stopped at once, settled in "
                                   "twenty minutes."}});
  } else if (p.course == Course::kRecent && week == p.sessions - 1 && p.index % 2 == 1) {
    events.push_back({{"kind", "bruising"},
                      {"severity", "mild"},
                      {"note", "Small bruise over the " + p.side +
                                   " buttock two days later; lighter there next time."}});
  } else if (week <= 2 && rng.Chance(12)) {
    events.push_back({{"kind", "soreness"},
                      {"severity", "mild"},
                      {"note", "Post-massage soreness in the " + p.side +
                                   " buttock the next day; settled within 48 hours."}});
  }
  return events;
}

}  // namespace

std::string ActivityWords(const std::string& activity) {
  std::string words = activity;
  std::replace(words.begin(), words.end(), '_', ' ');
  if (words == "coughing sneezing") words = "coughing or sneezing";
  return words;
}

store::SessionNote SessionNoteOf(PatientStory& p, int week, DemoRng& rng) {
  int leg_before = week == 0 ? p.leg : PainAt(p.leg, p, week, rng);
  int back_before = week == 0 ? p.back : PainAt(p.back, p, week, rng);
  if (week > 0 && p.responds) {
    // Gradual: never more than a point worse than last week.
    leg_before = std::min(leg_before, p.last_leg + 1);
    back_before = std::min(back_before, p.last_back + 1);
  }
  p.last_leg = leg_before;
  p.last_back = back_before;
  const int leg_after = std::max(0, leg_before - (p.responds ? rng.Between(1, 2) : 1));
  const int back_after = std::max(0, back_before - (p.responds ? rng.Between(1, 2) : 1));

  store::SessionNote note;
  note.patient_id = p.patient_id;
  note.plan_id = p.approved_plan;
  note.therapist_id = p.therapist;
  note.subjective = Subjective(p, week, leg_before, back_before, rng);
  const bool tender = !p.responds || leg_before >= 5;
  note.objective = std::string(tender ? "Hypertonic " : "Mild tone in ") + RegionWords(p.pattern) +
                   " on the " + p.side + "; " +
                   (tender ? "tender on palpation." : "less tender than last week.");
  note.assessment = AssessmentText(p, week, leg_before);
  note.plan_text = PlanText(p, week);
  note.leg_pain_before = leg_before;
  note.leg_pain_after = leg_after;
  note.back_pain_before = back_before;
  note.back_pain_after = back_after;
  note.techniques_json = SessionTechniques(p, week).dump();
  note.oils_used = p.oils_allowed && rng.Chance(70);
  note.adverse_events_json = AdverseEvents(p, week, rng).dump();
  return note;
}

}  // namespace sciaticare::demo
