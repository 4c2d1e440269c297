// The demo seeder's records, patients, intakes and plans (demo_seeder.h).
#include "cli/demo_seeder.h"

#include <cstdio>

#include "api/audit_words.h"
#include "cli/demo_calendar.h"
#include "codec/assessment_json.h"
#include "codec/intake_json.h"
#include "codec/plan_edit_json.h"
#include "core/assessment.h"
#include "core/plan_review.h"
#include "core/scoring.h"
#include "core/utc_time.h"
#include "store/validation.h"

namespace sciaticare::demo {

using nlohmann::json;

Seeder::Seeder(store::Store& db, const Knowledge& k, const DemoCast& cast, const std::string& now,
               SeedReport& report, auth::HashCost cost)
    : db_(db),
      k_(k),
      cast_(cast),
      now_(now),
      now_t_(UtcSeconds(now).value_or(0)),
      report_(report),
      cost_(cost),
      rng_(0x5C1A71CA2E2026ULL) {
  today_ = now_t_ - now_t_ % kDay;
}

void Seeder::Run() {
  store::Clinic clinic;
  clinic.name = kDemoClinicName;
  clinic_ = Take(db_.CreateClinic(clinic)).id;
  report_.clinic_id = clinic_;
  report_.clinic_name = kDemoClinicName;
  Audit("clinic", clinic_, std::nullopt, "demo clinic");

  CreateStaff();
  CreateRooms();
  for (int i = 0; i < static_cast<int>(cast_.patients.size()); ++i) CreatePatient(i);
  CreateAppointments();
  SetWorkingHours();
}

void Seeder::Audit(const char* entity, store::Id id, std::optional<store::Id> patient,
                   std::string detail) {
  store::AuditEntry e;
  e.clinic_id = clinic_;
  e.at = now_;
  e.action = "seed";
  e.entity = entity;
  e.entity_id = std::to_string(id);
  e.patient_id = patient;
  e.detail = std::move(detail);
  Take(db_.AppendAudit(e));
  ++report_.audit_entries;
}

store::Id Seeder::CreateUser(const std::string& name, const std::string& email, store::Role role,
                             const char* password, std::optional<store::Id> patient) {
  store::User u;
  u.clinic_id = clinic_;
  u.email = email;
  u.display_name = name;
  u.role = role;
  // Every demo user of a role shares its published password: hashing it once
  // per role keeps seeding quick at the server's hash cost.
  std::string& hash = password_hashes_[password];
  if (hash.empty()) hash = auth::HashPassword(password, cost_);
  u.password_hash = hash;
  u.patient_id = patient;
  const store::Id id = Take(db_.CreateUser(u)).id;
  ++report_.users;
  report_.logins.push_back({std::string(store::ToString(role)), email, password, name});
  Audit("user", id, patient, std::string("demo ") + std::string(store::ToString(role)));
  return id;
}

void Seeder::CreateStaff() {
  CreateUser(cast_.admin_name, kDemoAdminEmail, store::Role::kAdmin, kDemoAdminPassword);
  for (const CastTherapist& t : cast_.therapists) {
    const store::Id id =
        CreateUser(t.name, t.email, store::Role::kTherapist, kDemoTherapistPassword);
    store::TherapistProfile profile;
    profile.user_id = id;
    profile.clinic_id = clinic_;
    for (Technique m : t.modalities) profile.modalities.emplace_back(Name(m));
    profile.years_experience = t.years_experience;
    profile.sciatica_experience_years = t.sciatica_experience_years;
    profile.bio = t.bio;
    Take(db_.UpsertTherapistProfile(profile));
    Audit("therapist_profile", id, std::nullopt, "demo therapist profile");
    therapists_.push_back({id, t.name});
    ++report_.therapists;
  }
  front_desk_ = CreateUser(cast_.front_desk.name, cast_.front_desk.email, store::Role::kFrontDesk,
                           kDemoFrontDeskPassword);
}

// The time `days` after the intake day at `hour`:`minute`.
std::int64_t Seeder::At(const PatientStory& p, int days, int hour, int minute) const {
  return today_ - p.intake_offset_days * kDay + days * kDay + hour * kHour + minute * kMinute;
}

void Seeder::CreatePatient(int i) {
  const CastPatient& who = cast_.patients[static_cast<std::size_t>(i)];
  PatientStory p = DrawStory(i, who, therapists_[static_cast<std::size_t>(i) % therapists_.size()],
                             today_, rng_);

  store::Patient record;
  record.clinic_id = clinic_;
  record.given_name = who.given_name;
  record.family_name = who.family_name;
  record.date_of_birth = DateOfBirth(who.age, now_t_, rng_);
  record.sex = who.sex;
  // No mail address on the record: the outbox mails only patients with one
  // (records::ReadContext), so a demo clinic never mails its fictional
  // patients, neither for the bookings seeded here nor for any made later,
  // whenever someone sets up SMTP. Chosen over queueing and then cancelling
  // as "demo data" because it holds at every later booking too, and needs no
  // store method of its own. A portal login keeps its own email (below).
  record.email = "";
  char phone[32];
  std::snprintf(phone, sizeof phone, "+1 555 01%02d", 10 + i * 3);
  record.phone = phone;
  record.notes = who.occupation;
  record.created_at = FormatUtc(At(p, -3, 10, rng_.Between(0, 50)));  // Booked by phone.
  p.patient_id = Take(db_.CreatePatient(record)).id;
  ++report_.patients;
  Audit("patient", p.patient_id, p.patient_id, "demo patient");

  if (who.portal_login) {
    p.login_user = CreateUser(std::string(who.given_name) + " " + who.family_name, who.Email(),
                              store::Role::kPatient, kDemoPatientPassword, p.patient_id);
  }

  // The patient fills in the portal questionnaires the evening before.
  CreateQuestionnaire(p, 0, At(p, -1, 19, rng_.Between(0, 59)));
  CreateIntake(p);
  RecordConsent(p);

  for (int week = 0; week < p.sessions; ++week) CreateSessionNote(p, week);
  // Patients with a portal login answer every fortnight; the front desk
  // enters the others' paper forms at weeks 4 and 8.
  const std::vector<int> weeks =
      p.login_user ? std::vector<int>{2, 4, 6, 8} : std::vector<int>{4, 8};
  for (int week : weeks) {
    const std::int64_t at = At(p, 7 * week - 1, 20, rng_.Between(0, 59));
    if (p.course != Course::kReferred && p.course != Course::kNew && at < today_) {
      CreateQuestionnaire(p, week, at);
    }
  }
  patients_.push_back(std::move(p));
}

void Seeder::CreateQuestionnaire(const PatientStory& p, int week, std::int64_t at) {
  const json answers = QuestionnairesAt(p, week, rng_);
  // Scored exactly as the portal route does: the intake reader validates the
  // answers inside a minimal intake.
  json wrapper = {
      {"patient", {{"age", 30}, {"sex", "other"}}},
      {"symptoms", {{{"region", "lower_back"}, {"side", "midline"}, {"kind", "numbness"}}}},
      {"questionnaires", answers}};
  Result<Intake> parsed = ParseIntakeJson(wrapper.dump(), k_);
  if (!parsed) {
    throw SeedFailure{store::Internal("demo questionnaire: " + parsed.error().ToString())};
  }
  Assessment only_scores;
  only_scores.scores = ScoreQuestionnaires(parsed.value().questionnaires, k_);
  json result = {{"scores", AssessmentToJson(only_scores, k_)["scores"]},
                 {"knowledge_version", k_.version}};
  store::Assessment record;
  record.clinic_id = clinic_;
  record.patient_id = p.patient_id;
  record.kind = store::AssessmentKind::kPortal;
  record.triage = "not_screened";  // As the portal route: answers only, no screening.
  record.intake_json = json({{"questionnaires", answers}}).dump();
  record.result_json = result.dump();
  record.knowledge_version = k_.version;
  record.created_by = p.login_user ? *p.login_user : front_desk_;
  record.created_at = FormatUtc(at);
  const store::Id id = Take(db_.CreateAssessment(record)).id;
  ++report_.questionnaires;
  Audit("questionnaire", id, p.patient_id,
        "demo portal questionnaires, week " + std::to_string(week));
}

void Seeder::CreateIntake(PatientStory& p) {
  const json doc = IntakeDocument(p, rng_);
  Result<Intake> intake = ParseIntakeJson(doc.dump(), k_);
  if (!intake) {
    throw SeedFailure{store::Internal("demo intake of patient " + std::to_string(p.index) + ": " +
                                      intake.error().ToString())};
  }
  const Assessment assessed = Assess(intake.value(), k_);
  const json result = AssessmentToJson(assessed, k_);
  const std::int64_t at = At(p, 0, p.hour);

  store::Assessment record;
  record.clinic_id = clinic_;
  record.patient_id = p.patient_id;
  record.kind = store::AssessmentKind::kIntake;
  record.intake_json = doc.dump();
  record.result_json = result.dump();
  record.triage = std::string(Name(assessed.screening.triage));
  record.knowledge_version = assessed.knowledge_version;
  record.created_by = p.therapist;
  record.created_at = FormatUtc(at);
  const store::Id assessment = Take(db_.CreateAssessment(record)).id;
  ++report_.assessments;
  Audit("assessment", assessment, p.patient_id,
        "demo intake, screened: " + api::IdWords(record.triage));

  if (!assessed.plan) {
    ++report_.referred;
    p.course = Course::kReferred;
    p.sessions = 0;
    return;
  }
  const json& plan_doc = result["plan"];
  store::PlanRecord plan;
  plan.clinic_id = clinic_;
  plan.patient_id = p.patient_id;
  plan.assessment_id = assessment;
  plan.plan_json = plan_doc.dump();
  plan.knowledge_version = assessed.knowledge_version;
  plan.created_by = p.therapist;
  plan.created_at = record.created_at;
  const store::PlanRecord draft = Take(db_.CreatePlan(plan));
  ++report_.plans;
  Audit("plan", draft.id, p.patient_id, "demo draft plan");

  p.screening = assessed.screening;
  UsePlan(p, draft);
  // As the approval route: an unanswered cauda equina question blocks
  // approval; a required clearance must come with it.
  bool blocked = false;
  for (const json& b : plan_doc.value("approval_blockers", json::array())) {
    if (b.is_string() && b.get<std::string>().rfind("Red-flag question", 0) == 0) blocked = true;
  }
  if (p.course == Course::kNew || blocked) {
    p.sessions = 0;
    return;
  }
  store::PlanRecord chosen = draft;
  if (p.course == Course::kFull) {
    // The therapist fits the course to the patient's week before approving.
    json edit = plan_doc;
    edit["sessions"]["per_week"] = 1;
    edit["sessions"]["count"] = 8;
    std::string note = "Weekly for eight weeks to fit around work; reassessment points kept.";
    if (p.index % 3 == 0 || p.index == 2) {
      for (json& t : edit["techniques"]) {
        if (t.value("technique", "") != "self_massage" && Lighter(t)) {
          note += " One level lighter on " + ActivityWords(t.value("technique", "")) +
                  ": the patient guards on firm pressure.";
          break;
        }
      }
    }
    chosen = Revise(p, draft, edit, note, at + 25 * kMinute);
  }
  Approve(p, chosen, plan_doc.value("clearances", json::array()), at + 35 * kMinute);
}

// Lowers a plan item's pressure one level when its technique allows it.
bool Seeder::Lighter(json& item) const {
  const auto technique = ParseTechnique(item.value("technique", ""));
  if (!technique) return false;
  const int pressure = item.value("pressure", 1);
  if (pressure - 1 < k_.techniques[static_cast<std::size_t>(*technique)].min_pressure) {
    return false;
  }
  item["pressure"] = pressure - 1;
  return true;
}

// The plan a patient's sessions follow from now on.
void Seeder::UsePlan(PatientStory& p, const store::PlanRecord& plan) {
  const json doc = json::parse(plan.plan_json);
  p.session_minutes = doc["sessions"].value("minutes", 45);
  p.oils_allowed = doc.value("oils_allowed", true);
  p.plan_techniques = doc.value("techniques", json::array());
}

// A therapist's revision of `base`, checked and applied by the same core and
// codec functions as POST /plans/{id}/revisions; a refused edit is a bug in
// the demo, so it stops the seeding.
store::PlanRecord Seeder::Revise(PatientStory& p, const store::PlanRecord& base, const json& edit,
                                 const std::string& note, std::int64_t at) {
  const json base_doc = json::parse(base.plan_json);
  const json sessions = base_doc.value("sessions", json::object());
  Result<Plan> edited = ParsePlanEdit(edit, k_, sessions.value("minutes", k_.session_minutes));
  if (!edited) {
    throw SeedFailure{store::Internal("demo plan edit of patient " + std::to_string(p.index) +
                                      ": " + edited.error().ToString())};
  }
  const std::vector<Error> problems = ReviewPlanEdit(edited.value(), p.screening, k_);
  if (!problems.empty()) {
    throw SeedFailure{store::Internal("demo plan edit of patient " + std::to_string(p.index) +
                                      " refused: " + problems[0].ToString())};
  }
  json doc = ApplyPlanEdit(base_doc, edited.value(), p.screening, k_);
  doc["revision_note"] = note;
  store::PlanRecord next;
  next.clinic_id = clinic_;
  next.patient_id = p.patient_id;
  next.assessment_id = base.assessment_id;
  next.plan_json = doc.dump();
  next.knowledge_version = k_.version;
  next.created_by = p.therapist;
  next.created_at = FormatUtc(at);
  store::PlanRecord created = Take(db_.CreatePlan(next));
  ++report_.plans;
  ++report_.plan_revisions;
  Audit("plan", created.id, p.patient_id, "demo revision of the plan");
  return created;
}

void Seeder::Approve(PatientStory& p, const store::PlanRecord& plan, const json& clearances,
                     std::int64_t at) {
  std::string detail = "demo plan approved by " + p.therapist_name;
  if (!clearances.empty()) {
    // The approval route records the clearance in the audit trail.
    detail += "; clearance by " + p.cast->clearance_by + " dated " +
              FormatUtc(at - 6 * kDay).substr(0, 10);
  }
  const store::PlanRecord approved =
      Take(db_.ApprovePlan(clinic_, plan.id, plan.version, p.therapist, FormatUtc(at)));
  if (!p.approved_plan) ++report_.plans_approved;  // Patients with an approved plan.
  p.approved_plan = approved.id;
  UsePlan(p, approved);
  Audit("plan", approved.id, p.patient_id, detail);
}

}  // namespace sciaticare::demo
