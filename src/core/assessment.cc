#include "core/assessment.h"

namespace sciaticare {

Assessment Assess(const Intake& intake, const Knowledge& k) {
  Assessment a;
  a.knowledge_version = k.version;
  a.pattern = ReadBodyPattern(intake.symptoms, k);
  a.screening = Screen(intake, a.pattern, k);
  a.scores = ScoreQuestionnaires(intake.questionnaires, k);
  if (!IsReferral(a.screening.triage)) {
    a.plan = MakePlan(intake, a.screening, a.pattern, a.scores, k);
  }
  return a;
}

Screening ScreenIntake(const Intake& intake, const Knowledge& k) {
  return Screen(intake, ReadBodyPattern(intake.symptoms, k), k);
}

}  // namespace sciaticare
