// Generates the demo clinic. Every intake is a real intake document that goes
// through ParseIntakeJson and Assess, so the demo shows what the product does
// with such a patient, not a hand-written result.
#include "cli/demo_seed.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "cli/store_url.h"
#include "codec/assessment_json.h"
#include "codec/intake_json.h"
#include "codec/plan_edit_json.h"
#include "core/assessment.h"
#include "core/plan_review.h"
#include "core/scoring.h"
#include "core/utc_time.h"
#include "core/vocabulary.h"
#include "store/validation.h"

namespace sciaticare {
namespace {

using nlohmann::json;
using store::Id;

// SplitMix64: tiny, and unlike <random>'s distributions gives the same
// numbers with every standard library.
class DemoRng {
 public:
  explicit DemoRng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // A whole number in [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool Chance(int percent) { return Between(1, 100) <= percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(Between(0, static_cast<int>(items.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

std::tm Calendar(std::int64_t t) {
  std::time_t time = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&time, &tm);
  return tm;
}

bool IsWeekend(std::int64_t t) {
  const int weekday = Calendar(t).tm_wday;
  return weekday == 0 || weekday == 6;
}

// A store failure, carried out of the generator to SeedDemoClinic.
struct SeedFailure {
  store::StoreError error;
};

template <typename T>
T Take(store::StoreResult<T> r) {
  if (!r.ok()) throw SeedFailure{r.error()};
  return std::move(r).value();
}

// ---------------------------------------------------------------------------
// The cast. All invented.

struct PersonSpec {
  const char* given;
  const char* family;
  const char* sex;  // Intake and patient record value.
  int age;
};

constexpr std::array<PersonSpec, 30> kPatients = {{
    {"Amelia", "Hartwell", "female", 34},  {"Marcus", "Delaney", "male", 52},
    {"Rosa", "Quintero", "female", 61},    {"Declan", "Furlong", "male", 45},
    {"Ingrid", "Solberg", "female", 70},   {"Tobias", "Krane", "male", 29},
    {"Leila", "Mansour", "female", 38},    {"Harold", "Pennick", "male", 74},
    {"Yuki", "Tanabe", "female", 26},      {"Bernard", "Osei", "male", 58},
    {"Clara", "Whitmore", "female", 47},   {"Felix", "Arden", "male", 19},
    {"Margot", "Lachance", "female", 66},  {"Dmitri", "Volkov", "male", 41},
    {"Sunita", "Bhaskar", "female", 55},   {"Callum", "Rourke", "male", 33},
    {"Eleanor", "Fitch", "female", 78},    {"Jonah", "Ellery", "male", 49},
    {"Beatriz", "Carvalho", "female", 43}, {"Wendell", "Prior", "male", 63},
    {"Freya", "Lindgren", "female", 31},   {"Amir", "Haddad", "male", 37},
    {"Gwen", "Trevelyan", "female", 59},   {"Patrick", "Mulvey", "male", 68},
    {"Hana", "Novakova", "female", 24},    {"Reuben", "Ashdown", "male", 56},
    {"Ottilie", "Marsh", "female", 50},    {"Kwame", "Asante", "male", 44},
    {"Juniper", "Vale", "other", 36},      {"Lorcan", "Byrne", "male", 62},
}};

// Where each patient is in their care.
enum class Course {
  kReferred,  // Screening referred them at intake: no plan, no sessions.
  kFull,      // Eight weekly sessions done; questionnaires at 0, 4 and 8 weeks.
  kRecent,    // Started two to four weeks ago.
  kNew,       // Assessed in the last days; the draft plan awaits the therapist.
};

// The leg pattern of the intake's body map.
enum class Pattern { kS1, kL5, kL4, kButtockSitting, kBackDominant };

// Why a referred patient is referred: the red flag answered yes.
struct Referral {
  int patient;
  std::vector<const char*> flags;
  const char* note;
};

const std::vector<Referral>& Referrals() {
  static const std::vector<Referral> kReferrals = {
      {4,
       {"ca_history_of_cancer", "ca_unexplained_weight_loss"},
       "Breast cancer treated 2019. Referred to GP urgently at intake."},
      {9, {"ces_saddle_anaesthesia"}, "Sent to the emergency department from the intake."},
      {13, {"inf_fever_unwell"}, "Feverish and unwell at intake; GP seen the same day."},
      {19, {"ca_night_or_rest_pain"}, "Night pain: GP review before any course starts."},
      {26, {"neuro_foot_drop_or_major_weakness"}, "Foot drop on the left; urgent GP referral."},
  };
  return kReferrals;
}

Course CourseOf(int i) {
  for (const Referral& r : Referrals()) {
    if (r.patient == i) return Course::kReferred;
  }
  if (i == 28 || i == 29) return Course::kNew;
  if (i == 21 || i == 25 || i == 27) return Course::kRecent;
  return Course::kFull;
}

// How a patient's pain goes over the course.
enum class Trend {
  kResponds,  // Down by about half over eight weeks.
  kFlat,      // No meaningful change.
  kWorsens,   // Up by two points or more: the course is paused and the GP asked to review.
};

Trend TrendOf(int i) {
  if (i == 17) return Trend::kWorsens;
  if (i == 3 || i == 10 || i == 23) return Trend::kFlat;
  return Trend::kResponds;
}

// Patients with a portal login: two responders, a non-responder and a recent start.
bool HasLogin(int i) { return i == 0 || i == 1 || i == 3 || i == 6; }

// The patient whose anticoagulated clot history needs a doctor's clearance
// before the plan may be approved.
constexpr int kClearancePatient = 22;
constexpr char kClearanceBy[] = "Dr Imogen Vance, GP";

// The patient whose plan is revised again after symptoms spread at a session.
constexpr int kRevisedAfterEventPatient = 3;

const char* Occupation(int i) {
  static constexpr std::array<const char*, 12> kJobs = {
      "Works from home at a desk; long video calls.",
      "Delivery driver, 9-hour shifts.",
      "Retired teacher; gardens most days.",
      "Warehouse supervisor; lifts and twists at work.",
      "Nurse on rotating shifts.",
      "Software developer; cycles to work.",
      "Primary school teaching assistant.",
      "Retired; walks the dog twice a day.",
      "Barista; on her feet all day.",
      "Taxi driver.",
      "Accountant; sits most of the day.",
      "Student; plays five-a-side football.",
  };
  return kJobs[static_cast<std::size_t>(i) % kJobs.size()];
}

struct TherapistSpec {
  const char* name;
  const char* email;
  std::vector<Technique> modalities;
  int years, sciatica_years;
  const char* bio;
};

constexpr char kAdminName[] = "Helen Ashcombe";
constexpr char kFrontDeskName[] = "Sam Pritchard";
constexpr char kFrontDeskEmail[] = "frontdesk@riverside.example";

const std::vector<TherapistSpec>& Therapists() {
  static const std::vector<TherapistSpec> kTherapists = {
      {"Nadia Okafor",
       "nadia.okafor@riverside.example",
       {Technique::kSwedish, Technique::kMyofascialRelease, Technique::kDeepTissue,
        Technique::kTriggerPoint},
       12,
       8,
       "Remedial massage therapist; runs the clinic's back pain programme with the physios."},
      {"Owen Lindqvist",
       "owen.lindqvist@riverside.example",
       {Technique::kSwedish, Technique::kSportsMassage, Technique::kNeuromuscular,
        Technique::kSelfMassage},
       6,
       3,
       "Sports massage therapist; teaches self-massage and keeps runners and cyclists moving."},
      {"Grace Whitlow",
       "grace.whitlow@riverside.example",
       {Technique::kSwedish, Technique::kMyofascialRelease, Technique::kSelfMassage},
       21,
       15,
       "Senior therapist; gentle myofascial work for older and pregnant clients."},
  };
  return kTherapists;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string PatientEmail(const PersonSpec& who) {
  return Lower(std::string(who.given) + "." + who.family) + "@example.com";
}

// ---------------------------------------------------------------------------
// Intake documents.

struct PatientPlan {
  int index = 0;
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
  Id therapist = 0;
  std::string therapist_name;
  Id patient_id = 0;
  std::optional<Id> login_user;
  std::optional<Id> approved_plan;
  Screening screening;  // Of the intake: what a plan revision is checked against.
  int session_minutes = 45;
  bool oils_allowed = true;
  json plan_techniques = json::array();
  int last_leg = 0, last_back = 0;  // Pain before the previous session.
};

json Symptom(const char* region, const std::string& side, const char* kind, int intensity = -1) {
  json s = {{"region", region}, {"side", side}, {"kind", kind}};
  if (intensity >= 0) s["intensity"] = std::clamp(intensity, 1, 10);
  return s;
}

json SymptomsOf(const PatientPlan& p, DemoRng& rng) {
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
double Remaining(const PatientPlan& p, double week) {
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

int PainAt(int baseline, const PatientPlan& p, double week, DemoRng& rng) {
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

// The questionnaires a patient fills in at week `week`.
json QuestionnairesAt(const PatientPlan& p, double week, DemoRng& rng) {
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

json IntakeDocument(const PatientPlan& p, DemoRng& rng) {
  const PersonSpec& who = kPatients[static_cast<std::size_t>(p.index)];
  json patient = {{"age", who.age}, {"sex", who.sex}, {"pregnant", false}};
  json conditions = json::object();
  json preferences = {{"fragrance_sensitive", false}};
  const int tolerance = rng.Between(1, 100);
  preferences["pain_tolerance"] = tolerance <= 15 ? "low" : tolerance <= 70 ? "medium" : "high";
  if (rng.Chance(30)) preferences["pressure_preference"] = rng.Between(2, 4);

  // A few patients whose plan shows the precautions at work.
  switch (p.index) {
    case 2:
      preferences["pain_tolerance"] = "low";
      break;
    case 7:
      conditions["anticoagulant_or_bleeding_disorder"] = true;
      break;
    case 8:
      preferences["fragrance_sensitive"] = true;
      break;
    case 16:
      conditions["osteoporosis"] = true;
      conditions["varicose_veins"] = {{"present", true}, {"regions", {"calf"}}, {"side", "both"}};
      break;
    case 20:
      patient["pregnant"] = true;
      conditions["pregnancy"] = {{"present", true}, {"high_risk", false}};
      break;
    case kClearancePatient:
      // A calf clot on the other leg, still on blood thinners.
      conditions["dvt_history_on_treatment"] = {{"present", true},
                                                {"regions", {"calf", "knee"}},
                                                {"side", p.side == "left" ? "right" : "left"}};
      break;
    default:
      break;
  }
  if (p.index % 4 == 1) patient["first_episode"] = false;

  static const std::vector<std::string> kRelievers = {
      "lying", "walking", "changing_position", "stretching", "heat", "rest", "medication"};
  json relieved = json::array();
  for (const std::string& r : kRelievers) {
    if (rng.Chance(30)) relieved.push_back(r);
  }
  static const std::vector<int> kOnsets = {3, 5, 8, 10, 14, 20, 26, 40, 52};

  json red_flags = RedFlagsFalse();
  for (const Referral& r : Referrals()) {
    if (r.patient != p.index) continue;
    for (const char* flag : r.flags) red_flags[flag] = true;
  }
  // A new patient whose bladder question was skipped: the plan waits for it.
  if (p.index == 29) red_flags["ces_bladder_dysfunction"] = nullptr;

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

// ---------------------------------------------------------------------------
// Session notes.

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

std::string ActivityWords(const std::string& activity) {
  std::string words = activity;
  std::replace(words.begin(), words.end(), '_', ' ');
  if (words == "coughing sneezing") words = "coughing or sneezing";
  return words;
}

// The techniques of one session, from the approved plan's items.
json SessionTechniques(const PatientPlan& p, int week) {
  json out = json::array();
  for (const json& t : p.plan_techniques) {
    const std::string technique = t.value("technique", "");
    if (technique.empty() || technique == "self_massage") continue;
    const json targets = t.value("targets", json::array());
    if (targets.empty()) continue;
    int pressure = t.value("pressure", 2);
    if (week == 0) pressure = std::max(1, pressure - 1);  // A gentler first session.
    out.push_back({{"technique", technique},
                   {"region", targets[0].value("region", "lower_back")},
                   {"side", targets[0].value("side", "midline")},
                   {"pressure", std::clamp(pressure, 1, 5)},
                   {"minutes", std::clamp(t.value("minutes", 5), 1, 120)}});
  }
  return out;
}

class Seeder {
 public:
  Seeder(store::Store& db, const Knowledge& k, const std::string& now, SeedReport& report,
         auth::HashCost cost)
      : db_(db),
        k_(k),
        now_(now),
        now_t_(UtcSeconds(now).value_or(0)),
        report_(report),
        cost_(cost),
        rng_(0x5C1A71CA2E2026ULL) {
    today_ = now_t_ - now_t_ % kDay;
  }

  void Run() {
    store::Clinic clinic;
    clinic.name = kDemoClinicName;
    clinic_ = Take(db_.CreateClinic(clinic)).id;
    report_.clinic_id = clinic_;
    report_.clinic_name = kDemoClinicName;
    Audit("clinic", clinic_, std::nullopt, "demo clinic");

    CreateStaff();
    for (int i = 0; i < static_cast<int>(kPatients.size()); ++i) CreatePatient(i);
    CreateAppointments();
  }

 private:
  // --- Records and their audit entries --------------------------------------

  void Audit(const char* entity, Id id, std::optional<Id> patient, std::string detail) {
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

  Id CreateUser(const std::string& name, const std::string& email, store::Role role,
                const char* password, std::optional<Id> patient = std::nullopt) {
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
    const Id id = Take(db_.CreateUser(u)).id;
    ++report_.users;
    report_.logins.push_back({std::string(store::ToString(role)), email, password, name});
    Audit("user", id, patient, std::string("demo ") + std::string(store::ToString(role)));
    return id;
  }

  void CreateStaff() {
    CreateUser(kAdminName, kDemoAdminEmail, store::Role::kAdmin, kDemoAdminPassword);
    for (const TherapistSpec& t : Therapists()) {
      const Id id = CreateUser(t.name, t.email, store::Role::kTherapist, kDemoTherapistPassword);
      store::TherapistProfile profile;
      profile.user_id = id;
      profile.clinic_id = clinic_;
      for (Technique m : t.modalities) profile.modalities.emplace_back(Name(m));
      profile.years_experience = t.years;
      profile.sciatica_experience_years = t.sciatica_years;
      profile.bio = t.bio;
      Take(db_.UpsertTherapistProfile(profile));
      Audit("therapist_profile", id, std::nullopt, "demo therapist profile");
      therapists_.push_back({id, t.name});
      ++report_.therapists;
    }
    front_desk_ = CreateUser(kFrontDeskName, kFrontDeskEmail, store::Role::kFrontDesk,
                             kDemoFrontDeskPassword);
  }

  // --- Patients --------------------------------------------------------------

  std::string DateOfBirth(int age) {
    const std::tm today = Calendar(now_t_);
    const int month = rng_.Between(1, 12), day = rng_.Between(1, 28);
    int year = today.tm_year + 1900 - age;
    // Not had this year's birthday yet: born a year earlier.
    if (month > today.tm_mon + 1 || (month == today.tm_mon + 1 && day > today.tm_mday)) --year;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }

  PatientPlan PlanPatient(int i) {
    PatientPlan p;
    p.index = i;
    p.course = CourseOf(i);
    static constexpr std::array<Pattern, 5> kPatterns = {
        Pattern::kS1, Pattern::kL5, Pattern::kButtockSitting, Pattern::kBackDominant, Pattern::kL4};
    p.pattern = kPatterns[static_cast<std::size_t>(rng_.Between(0, 9)) % kPatterns.size()];
    p.side = rng_.Chance(55) ? "right" : "left";
    p.leg = rng_.Between(4, 8);
    p.back = rng_.Between(2, 7);
    p.trend = TrendOf(i);
    p.responds = p.trend == Trend::kResponds;
    p.improvement_percent = rng_.Between(45, 75);
    p.odi_sex_life_unanswered = rng_.Chance(30);
    static const std::vector<std::string> kAggravators = {"standing", "walking",          "bending",
                                                          "lifting",  "twisting",         "stairs",
                                                          "morning",  "coughing_sneezing"};
    p.aggravated = {p.pattern == Pattern::kButtockSitting ? "sitting" : rng_.Pick(kAggravators)};
    if (p.pattern == Pattern::kButtockSitting) p.aggravated.push_back("driving");
    for (const std::string& a : kAggravators) {
      if (a != p.aggravated[0] && rng_.Chance(20)) p.aggravated.push_back(a);
    }
    const auto& therapist = therapists_[static_cast<std::size_t>(i) % therapists_.size()];
    p.therapist = therapist.first;
    p.therapist_name = therapist.second;
    p.hour = 9 + (i * 3) % 8;
    switch (p.course) {
      case Course::kFull:
        // Paused after five sessions when the pain got worse.
        p.sessions = p.trend == Trend::kWorsens ? 5 : 8;
        p.intake_offset_days = 56 + i % 7;
        break;
      case Course::kRecent:
        p.sessions = 2 + i % 3;
        p.intake_offset_days = 7 * (p.sessions - 1) + 1 + i % 7;
        break;
      case Course::kNew:
        p.intake_offset_days = 1 + i % 2;
        break;
      case Course::kReferred:
        p.intake_offset_days = 3 + (i * 7) % 25;
        break;
    }
    // The clinic sees people on weekdays: an earlier intake day moves the
    // weekly slot off the weekend too.
    while (IsWeekend(today_ - p.intake_offset_days * kDay)) ++p.intake_offset_days;
    return p;
  }

  // The time `days` after the intake day at `hour`:`minute`.
  std::int64_t At(const PatientPlan& p, int days, int hour, int minute = 0) const {
    return today_ - p.intake_offset_days * kDay + days * kDay + hour * kHour + minute * kMinute;
  }

  void CreatePatient(int i) {
    PatientPlan p = PlanPatient(i);
    const PersonSpec& who = kPatients[static_cast<std::size_t>(i)];

    store::Patient record;
    record.clinic_id = clinic_;
    record.given_name = who.given;
    record.family_name = who.family;
    record.date_of_birth = DateOfBirth(who.age);
    record.sex = who.sex;
    record.email = PatientEmail(who);
    char phone[32];
    std::snprintf(phone, sizeof phone, "+1 555 01%02d", 10 + i * 3);
    record.phone = phone;
    record.notes = Occupation(i);
    record.created_at = FormatUtc(At(p, -3, 10, rng_.Between(0, 50)));  // Booked by phone.
    p.patient_id = Take(db_.CreatePatient(record)).id;
    ++report_.patients;
    Audit("patient", p.patient_id, p.patient_id, "demo patient");

    if (HasLogin(i)) {
      p.login_user = CreateUser(std::string(who.given) + " " + who.family, record.email,
                                store::Role::kPatient, kDemoPatientPassword, p.patient_id);
    }

    // The patient fills in the portal questionnaires the evening before.
    CreateQuestionnaire(p, 0, At(p, -1, 19, rng_.Between(0, 59)));
    CreateIntake(p);

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

  void CreateQuestionnaire(const PatientPlan& p, int week, std::int64_t at) {
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
    const Id id = Take(db_.CreateAssessment(record)).id;
    ++report_.questionnaires;
    Audit("questionnaire", id, p.patient_id,
          "demo portal questionnaires, week " + std::to_string(week));
  }

  void CreateIntake(PatientPlan& p) {
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
    const Id assessment = Take(db_.CreateAssessment(record)).id;
    ++report_.assessments;
    Audit("assessment", assessment, p.patient_id, "demo intake, " + record.triage);

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
  bool Lighter(json& item) const {
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
  void UsePlan(PatientPlan& p, const store::PlanRecord& plan) {
    const json doc = json::parse(plan.plan_json);
    p.session_minutes = doc["sessions"].value("minutes", 45);
    p.oils_allowed = doc.value("oils_allowed", true);
    p.plan_techniques = doc.value("techniques", json::array());
  }

  // A therapist's revision of `base`, checked and applied by the same core and
  // codec functions as POST /plans/{id}/revisions; a refused edit is a bug in
  // the demo, so it stops the seeding.
  store::PlanRecord Revise(PatientPlan& p, const store::PlanRecord& base, const json& edit,
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
    Audit("plan", created.id, p.patient_id, "demo revision of plan " + std::to_string(base.id));
    return created;
  }

  void Approve(PatientPlan& p, const store::PlanRecord& plan, const json& clearances,
               std::int64_t at) {
    std::string detail = "demo plan approved by " + p.therapist_name;
    if (!clearances.empty()) {
      // The approval route records the clearance in the audit trail.
      detail += "; clearance by " + std::string(kClearanceBy) + " dated " +
                FormatUtc(at - 6 * kDay).substr(0, 10);
    }
    const store::PlanRecord approved =
        Take(db_.ApprovePlan(clinic_, plan.id, plan.version, p.therapist, FormatUtc(at)));
    if (!p.approved_plan) ++report_.plans_approved;  // Patients with an approved plan.
    p.approved_plan = approved.id;
    UsePlan(p, approved);
    Audit("plan", approved.id, p.patient_id, detail);
  }

  void CreateSessionNote(PatientPlan& p, int week) {
    if (!p.approved_plan) return;
    if (p.index == kRevisedAfterEventPatient && week == 2) {
      // Tingling spread after the last session: every technique one level lighter.
      store::PlanRecord current = Take(db_.GetPlan(clinic_, *p.approved_plan));
      json edit = json::parse(current.plan_json);
      json kept = json::array();
      for (json& t : edit["techniques"]) {
        // What cannot be given more lightly (deep tissue) is dropped.
        if (t.value("technique", "") == "self_massage" || Lighter(t)) kept.push_back(t);
      }
      edit["techniques"] = kept;
      edit["sessions"]["count"] = 8 - week;  // The sessions left of the course.
      const std::int64_t before = At(p, 7 * week, p.hour - 1, 30);
      const store::PlanRecord lighter =
          Revise(p, current, edit,
                 "Symptoms spread down the leg after session 2: one level lighter throughout, deep "
                 "work dropped.",
                 before);
      Approve(p, lighter, json::array(), before + 10 * kMinute);
    }
    const std::int64_t at = At(p, 7 * week, p.hour + (week == 0 ? 1 : 0), rng_.Between(0, 2) * 5);
    int leg_before = week == 0 ? p.leg : PainAt(p.leg, p, week, rng_);
    int back_before = week == 0 ? p.back : PainAt(p.back, p, week, rng_);
    if (week > 0 && p.responds) {
      // Gradual: never more than a point worse than last week.
      leg_before = std::min(leg_before, p.last_leg + 1);
      back_before = std::min(back_before, p.last_back + 1);
    }
    p.last_leg = leg_before;
    p.last_back = back_before;
    const int leg_after = std::max(0, leg_before - (p.responds ? rng_.Between(1, 2) : 1));
    const int back_after = std::max(0, back_before - (p.responds ? rng_.Between(1, 2) : 1));
    const std::string worse = ActivityWords(p.aggravated[0]);

    static const std::vector<std::string> kBetter = {"Sleeping better.",
                                                     "Managed a full week at work.",
                                                     "Walking further before the leg pain starts.",
                                                     "Doing the stretches most days.",
                                                     "Back to gentle swimming.",
                                                     "Less stiff in the mornings."};
    static const std::vector<std::string> kSame = {
        "Much the same as last week.", "Not much change overall; some good days.",
        "Flared after a long day at work.", "Finding the exercises hard to keep up."};

    store::SessionNote note;
    note.clinic_id = clinic_;
    note.patient_id = p.patient_id;
    note.plan_id = p.approved_plan;
    note.therapist_id = p.therapist;
    note.occurred_at = FormatUtc(at);
    note.created_at = FormatUtc(at + (p.session_minutes + 10) * kMinute);
    if (week == 0) {
      note.subjective = "First session. " + std::string(p.side == "left" ? "Left" : "Right") +
                        " leg pain " + std::to_string(leg_before) + "/10, back " +
                        std::to_string(back_before) + "/10; worst with " + worse + ".";
    } else {
      note.subjective = "Leg pain " + std::to_string(leg_before) + "/10 this week (" +
                        std::to_string(p.leg) + " at intake). " +
                        (p.responds && leg_before < p.leg ? rng_.Pick(kBetter) : rng_.Pick(kSame));
    }
    const bool tender = !p.responds || leg_before >= 5;
    note.objective = std::string(tender ? "Hypertonic " : "Mild tone in ") +
                     RegionWords(p.pattern) + " on the " + p.side + "; " +
                     (tender ? "tender on palpation." : "less tender than last week.");
    if (week == 0) {
      note.assessment = "Presentation matches the intake; started gently within the plan's caps.";
    } else if (p.responds && leg_before < p.leg) {
      note.assessment = "Improving: leg pain " + std::to_string(p.leg) + " -> " +
                        std::to_string(leg_before) + " since intake.";
    } else if (p.trend == Trend::kWorsens && leg_before > p.leg) {
      note.assessment = "Worse than at intake: leg pain " + std::to_string(p.leg) + " -> " +
                        std::to_string(leg_before) + "; relief lasts a day at most.";
    } else {
      note.assessment = "No meaningful change since intake.";
    }
    if (p.trend == Trend::kWorsens && week == p.sessions - 1) {
      note.plan_text =
          "Leg pain worse for two sessions running: massage paused and a GP review requested, "
          "as the plan's escalation says. Review here after the GP appointment.";
    } else if (week == 7 && !p.responds) {
      note.plan_text =
          "No meaningful change after eight weeks: stop the course and refer back to "
          "physiotherapy / GP, as the plan's escalation says.";
    } else if (week == 3) {
      note.plan_text =
          "Halfway: questionnaires due this week. Continue weekly; home stretches "
          "reviewed.";
    } else {
      note.plan_text = "Continue the approved plan weekly; keep walking and the home stretches.";
    }
    note.leg_pain_before = leg_before;
    note.leg_pain_after = leg_after;
    note.back_pain_before = back_before;
    note.back_pain_after = back_after;
    note.techniques_json = SessionTechniques(p, week).dump();
    note.oils_used = p.oils_allowed && rng_.Chance(70);

    json events = json::array();
    if (p.index == 3 && week == 1) {
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
    } else if (week <= 2 && rng_.Chance(12)) {
      events.push_back({{"kind", "soreness"},
                        {"severity", "mild"},
                        {"note", "Post-massage soreness in the " + p.side +
                                     " buttock the next day; settled within 48 hours."}});
    }
    note.adverse_events_json = events.dump();
    const Id id = Take(db_.CreateSessionNote(note)).id;
    ++report_.session_notes;
    Audit("session", id, p.patient_id, "demo session note, week " + std::to_string(week + 1));
    PastAppointments(p, week, at);
  }

  // The appointment a session was booked as, marked done, and now and then a
  // cancelled or missed (no-show) one before it.
  void PastAppointments(const PatientPlan& p, int week, std::int64_t session_at) {
    const std::int64_t slot = session_at - session_at % kHour;
    std::int64_t missed = slot - 2 * kDay;
    while (IsWeekend(missed)) missed -= kDay;
    if (week == 3 && p.index % 6 == 1) {
      Attend(p, missed, store::AppointmentStatus::kCancelled,
             "Cancelled by phone the day before (childcare); moved a few days later.");
    }
    if (week == 5 && p.index % 7 == 2) {
      Attend(p, missed, store::AppointmentStatus::kNoShow,
             "Did not come and did not call. Rebooked a few days later.");
    }
    Attend(p, slot, store::AppointmentStatus::kDone,
           week == 0 ? "First session." : "Weekly session " + std::to_string(week + 1) + ".");
  }

  // A past appointment: booked, then given its outcome as PATCH /appointments/{id} does.
  void Attend(const PatientPlan& p, std::int64_t at, store::AppointmentStatus outcome,
              const std::string& note) {
    store::Appointment a;
    a.clinic_id = clinic_;
    a.patient_id = p.patient_id;
    a.therapist_id = p.therapist;
    a.starts_at = FormatUtc(at);
    a.minutes = p.session_minutes;
    a.status = store::AppointmentStatus::kBooked;
    a.plan_id = p.approved_plan;
    a.note = note;
    const store::Appointment booked = Take(db_.CreateAppointment(a));
    Take(db_.UpdateAppointmentStatus(clinic_, booked.id, outcome, booked.version));
    ++report_.appointments;
    if (outcome == store::AppointmentStatus::kCancelled ||
        outcome == store::AppointmentStatus::kNoShow) {
      ++report_.appointments_missed;
    }
    Audit("appointment", booked.id, p.patient_id,
          "demo appointment " + a.starts_at + ", " + std::string(store::ToString(outcome)));
  }

  // --- Appointments ----------------------------------------------------------

  void Book(const PatientPlan& p, int day, int hour, int minutes, store::AppointmentStatus status,
            const std::string& note) {
    // Weekdays only, except that a demo opened at a weekend still has a day's list.
    while (day != 0 && IsWeekend(today_ + day * kDay)) ++day;
    // One appointment per therapist per hour.
    while (booked_.count({p.therapist, day, hour}) != 0 && hour < 18) ++hour;
    booked_.insert({p.therapist, day, hour});
    store::Appointment a;
    a.clinic_id = clinic_;
    a.patient_id = p.patient_id;
    a.therapist_id = p.therapist;
    a.starts_at = FormatUtc(today_ + day * kDay + hour * kHour);
    a.minutes = minutes;
    a.status = status;
    a.plan_id = p.approved_plan;
    a.note = note;
    const Id id = Take(db_.CreateAppointment(a)).id;
    ++report_.appointments;
    if (status == store::AppointmentStatus::kRequested) ++report_.appointment_requests;
    Audit("appointment", id, p.patient_id, "demo appointment " + a.starts_at);
  }

  void CreateAppointments() {
    for (const PatientPlan& p : patients_) {
      // The patient's weekly slot: the first intake weekday from today on.
      const int first = (7 - p.intake_offset_days % 7) % 7;
      switch (p.course) {
        case Course::kFull: {
          // Spread over the fortnight, with a full day today.
          const int day = p.index % 4 == 0 ? 0 : 1 + (p.index * 4) % 14;
          if (p.trend == Trend::kWorsens) {
            Book(p, day, p.hour, 30, store::AppointmentStatus::kBooked,
                 "Review after the GP appointment: leg pain worse, massage paused.");
          } else if (!p.responds) {
            Book(p, day, p.hour, 30, store::AppointmentStatus::kBooked,
                 "Review: no meaningful change at eight weeks; discuss physiotherapy referral.");
          } else if (day == 0 || p.index % 3 != 2) {
            Book(p, day, p.hour, p.session_minutes, store::AppointmentStatus::kBooked,
                 "Maintenance session after the eight-week course.");
          }
          if (p.login_user && p.responds) {
            Book(p, 2 + p.index % 5, 18, p.session_minutes, store::AppointmentStatus::kRequested,
                 "Requested from the portal: an evening slot after work, please.");
          }
          break;
        }
        case Course::kRecent:
          for (int day = first; day <= 14; day += 7) {
            Book(p, day, p.hour, p.session_minutes, store::AppointmentStatus::kBooked,
                 "Weekly session " + std::to_string(p.sessions + 1 + (day - first) / 7) + ".");
          }
          break;
        case Course::kNew:
          Book(p, first, p.hour, p.session_minutes, store::AppointmentStatus::kBooked,
               p.index == 29 ? "First session once the bladder question is answered and the plan "
                               "approved."
                             : "First session: plan to be approved at the visit.");
          Book(p, first + 7, p.hour, p.session_minutes, store::AppointmentStatus::kRequested,
               "Requested from the portal.");
          break;
        case Course::kReferred:
          if (p.index == 19) {
            Book(p, 12, 11, 30, store::AppointmentStatus::kRequested,
                 "Asks to start once the GP has reviewed the night pain.");
          }
          break;
      }
    }
  }

  store::Store& db_;
  const Knowledge& k_;
  const std::string now_;
  const std::int64_t now_t_;
  std::int64_t today_ = 0;  // Midnight UTC of `now`.
  SeedReport& report_;
  const auth::HashCost cost_;
  DemoRng rng_;
  Id clinic_ = 0, front_desk_ = 0;
  std::vector<std::pair<Id, std::string>> therapists_;
  std::vector<PatientPlan> patients_;
  std::set<std::tuple<Id, int, int>> booked_;
  std::map<std::string, std::string> password_hashes_;
};

}  // namespace

store::StoreResult<bool> StoreHasClinic(store::Store& db) {
  for (store::Id id = 1; id <= kClinicIdGapTolerance; ++id) {
    auto clinic = db.GetClinic(id);
    if (clinic.ok()) return true;
    if (clinic.kind() != store::StoreErrorKind::kNotFound) return clinic.error();
  }
  return false;
}

store::StoreStatus SeedDemoClinic(store::Store& db, const Knowledge& k, const std::string& now,
                                  SeedReport& report, auth::HashCost cost) {
  if (!IsUtcTime(now)) {
    return store::Invalid("now", "must be a UTC time like 2026-11-23T20:15:00Z");
  }
  auto has_clinic = StoreHasClinic(db);
  if (!has_clinic) return has_clinic.error();
  if (has_clinic.value()) {
    return store::Conflict("",
                           "the database already holds a clinic; the demo is seeded only "
                           "into an empty database");
  }
  report = SeedReport{};
  try {
    Seeder(db, k, now, report, cost).Run();
  } catch (const SeedFailure& failure) {
    return failure.error;
  } catch (const std::exception& e) {
    return store::Internal(std::string("seeding the demo clinic: ") + e.what());
  }
  return store::Done{};
}

store::StoreStatus SeedDemoDatabase(const std::string& url, const Knowledge& k,
                                    const std::string& now, SeedReport& report,
                                    auth::HashCost cost) {
  auto opened = OpenStore(url, /*bulk_load=*/true);
  if (!opened) return store::Invalid("db", opened.error().message);
  const std::unique_ptr<store::Store> db = std::move(opened).value();
  return SeedDemoClinic(*db, k, now, report, cost);
}

std::vector<DemoLogin> DemoLogins() {
  std::vector<DemoLogin> logins = {{"admin", kDemoAdminEmail, kDemoAdminPassword, kAdminName}};
  for (const TherapistSpec& t : Therapists()) {
    logins.push_back({"therapist", t.email, kDemoTherapistPassword, t.name});
  }
  logins.push_back({"front_desk", kFrontDeskEmail, kDemoFrontDeskPassword, kFrontDeskName});
  for (int i = 0; i < static_cast<int>(kPatients.size()); ++i) {
    if (!HasLogin(i)) continue;
    const PersonSpec& who = kPatients[static_cast<std::size_t>(i)];
    logins.push_back({"patient", PatientEmail(who), kDemoPatientPassword,
                      std::string(who.given) + " " + who.family});
  }
  return logins;
}

}  // namespace sciaticare
