// The demo clinic of `serve --demo`: what it holds, that it is the same every
// time, and that it goes only into an empty database.
#include "cli/demo_seed.h"

#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>

#include "api/consent_guard.h"
#include "api/note_techniques.h"
#include "auth/credentials.h"
#include "cli/demo_seed_test_support.h"
#include "core/vocabulary.h"
#include "store/sqlite_store.h"
#include "store/store_contract.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using demo_seed_testing::kFortnight;
using demo_seed_testing::kNow;
using demo_seed_testing::kToday;
using demo_seed_testing::kTomorrow;
using demo_seed_testing::OpenIn;
using demo_seed_testing::WeekdayOf;
using nlohmann::json;
using store::testing::Must;
using store::testing::TempDir;

// One seeded database shared by the read-only checks (seeding is the slow part).
class DemoSeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = OpenIn(*dir_, "demo.db").release();
    report_ = new SeedReport();
    seeded_ = new store::StoreStatus(
        SeedDemoClinic(*db_, testing::K(), kNow, *report_, auth::HashCost::kFastForTests));
  }
  static void TearDownTestSuite() {
    delete seeded_;
    delete report_;
    delete db_;
    delete dir_;
  }
  void SetUp() override {
    ASSERT_TRUE(seeded_->ok()) << seeded_->error().ToString();
    clinic_ = report_->clinic_id;
  }

  std::vector<store::Patient> Patients() {
    store::PatientQuery all;
    all.page.limit = store::kMaxPageSize;
    return Must(db_->ListPatients(clinic_, all)).items;
  }
  std::vector<store::SessionNote> Notes(store::Id patient) {
    store::PageRequest all;
    all.limit = store::kMaxPageSize;
    return Must(db_->ListSessionNotes(clinic_, patient, all)).items;
  }

  static TempDir* dir_;
  static store::SqliteStore* db_;
  static SeedReport* report_;
  static store::StoreStatus* seeded_;
  store::Id clinic_ = 0;
};

TempDir* DemoSeedTest::dir_ = nullptr;
store::SqliteStore* DemoSeedTest::db_ = nullptr;
SeedReport* DemoSeedTest::report_ = nullptr;
store::StoreStatus* DemoSeedTest::seeded_ = nullptr;

TEST_F(DemoSeedTest, DemoHasTheClinicStaffAndThirtyPatients) {
  EXPECT_EQ(Must(db_->GetClinic(clinic_)).name, "Riverside Massage & Physio");
  EXPECT_EQ(report_->patients, 30);
  EXPECT_EQ(Patients().size(), 30u);

  std::map<store::Role, int> roles;
  for (const store::User& u : Must(db_->ListUsers(clinic_))) ++roles[u.role];
  EXPECT_EQ(roles[store::Role::kAdmin], 1);
  EXPECT_GE(roles[store::Role::kTherapist], 3);
  EXPECT_EQ(roles[store::Role::kFrontDesk], 1);
  EXPECT_EQ(roles[store::Role::kPatient], 4);

  auto profiles = Must(db_->ListTherapistProfiles(clinic_));
  ASSERT_GE(profiles.size(), 3u);
  for (const auto& p : profiles) {
    EXPECT_FALSE(p.modalities.empty());
    for (const std::string& m : p.modalities) EXPECT_TRUE(ParseTechnique(m)) << m;
    EXPECT_GT(p.years_experience, 0);
    EXPECT_LE(p.sciatica_experience_years, p.years_experience);
  }
}

TEST_F(DemoSeedTest, DemoPatientsHavePlausibleDemographics) {
  std::map<std::string, int> sexes;
  for (const store::Patient& p : Patients()) {
    ++sexes[p.sex];
    ASSERT_EQ(p.date_of_birth.size(), 10u);
    const int born = std::stoi(p.date_of_birth.substr(0, 4));
    EXPECT_GE(2026 - born, 19) << p.given_name;
    EXPECT_LE(2026 - born, 79) << p.given_name;
    // Fictional patients have no mail address: the clinic never mails them.
    EXPECT_EQ(p.email, "") << p.given_name;
  }
  EXPECT_GE(sexes["female"], 10);
  EXPECT_GE(sexes["male"], 10);
}

TEST_F(DemoSeedTest, DemoReferredPatientsHaveNoPlanAndTheOthersApprovedPlans) {
  int referred = 0, approved = 0;
  for (const store::Patient& p : Patients()) {
    auto assessments = Must(db_->ListAssessments(clinic_, p.id));
    const store::Assessment* intake = nullptr;
    for (const auto& a : assessments) {
      if (a.kind == store::AssessmentKind::kIntake) intake = &a;
    }
    ASSERT_NE(intake, nullptr) << p.given_name;
    const json result = json::parse(intake->result_json);
    EXPECT_EQ(result["triage"], intake->triage);
    if (intake->triage.rfind("refer_", 0) == 0) {
      ++referred;
      EXPECT_TRUE(result["plan"].is_null());
      EXPECT_TRUE(Must(db_->ListPlans(clinic_, p.id)).empty()) << p.given_name;
      EXPECT_EQ(Must(db_->ListSessionNotes(clinic_, p.id, {})).total, 0);
      continue;
    }
    ASSERT_FALSE(Must(db_->ListPlans(clinic_, p.id)).empty()) << p.given_name;
    auto current = db_->GetCurrentPlan(clinic_, p.id);
    if (current) {
      ++approved;
      EXPECT_TRUE(current.value().approved_by.has_value());
    }
  }
  EXPECT_GE(referred, 3);
  EXPECT_EQ(referred, report_->referred);
  EXPECT_GE(approved, 20);
  EXPECT_EQ(approved, report_->plans_approved);
}

TEST_F(DemoSeedTest, DemoSessionNotesTellAPlausibleStory) {
  int notes = 0, improved = 0, flat = 0, adverse = 0, adverse_lately = 0;
  for (const store::Patient& p : Patients()) {
    auto list = Notes(p.id);  // Newest first.
    notes += static_cast<int>(list.size());
    for (const auto& n : list) {
      EXPECT_LT(n.occurred_at, kNow);
      ASSERT_TRUE(n.leg_pain_before && n.leg_pain_after && n.back_pain_before && n.back_pain_after);
      EXPECT_GT(*n.leg_pain_before, *n.leg_pain_after);
      EXPECT_GT(*n.back_pain_before, *n.back_pain_after);
      EXPECT_TRUE(n.plan_id.has_value());
      const json techniques = json::parse(n.techniques_json);
      EXPECT_TRUE(techniques.is_array() && !techniques.empty());
      if (!json::parse(n.adverse_events_json).empty()) {
        ++adverse;
        if (n.occurred_at >= std::string("2026-11-09")) ++adverse_lately;  // Last two weeks.
      }
      EXPECT_FALSE(n.subjective.empty());
    }
    if (list.size() == 8) {
      const int first = *list.back().leg_pain_before, last = *list.front().leg_pain_before;
      if (last < first - 1) ++improved;
      if (std::abs(last - first) <= 1) ++flat;
    }
  }
  EXPECT_GE(notes, 150);
  EXPECT_EQ(notes, report_->session_notes);
  EXPECT_GE(improved, 10);  // Responders.
  EXPECT_GE(flat, 2);       // Non-responders.
  EXPECT_GE(adverse, 1);
  EXPECT_LE(adverse, notes / 5);  // Occasional.
  EXPECT_GE(adverse_lately, 1);   // On the attention list.
}

// Issue 15: the demo chart shows consent before hands-on work. Each patient
// with session notes consented, to treatment and by name to every sensitive
// area their notes work, before the first note, recorded by their therapist;
// a few (not yet asked, or referred at intake) have none and no notes.
TEST_F(DemoSeedTest, DemoConsentIsRecordedBeforeHandsOnWorkAndCoversIt) {
  const Knowledge& k = testing::K();
  int with = 0, without = 0;
  std::set<std::string> forms;
  bool an_area_named = false;
  for (const store::Patient& p : Patients()) {
    const auto consents = Must(db_->ListConsents(clinic_, p.id));
    const auto notes = Notes(p.id);
    if (consents.empty()) {
      ++without;
      EXPECT_TRUE(notes.empty()) << p.given_name << " has notes but no consent";
      continue;
    }
    ++with;
    ASSERT_EQ(consents.size(), 1u) << p.given_name;
    const store::ConsentRecord& c = consents.front();
    EXPECT_TRUE(c.treatment) << p.given_name;
    EXPECT_FALSE(c.note.empty()) << p.given_name;
    forms.insert(c.form);
    const ConsentInForce in_force = api::ConsentOf(consents, k);
    an_area_named = an_area_named || in_force.areas.Contains(Region::kButtock);
    for (const store::SessionNote& n : notes) {
      EXPECT_LT(c.recorded_at, n.occurred_at) << p.given_name;
      EXPECT_EQ(c.recorded_by, n.therapist_id) << p.given_name;
      EXPECT_FALSE(ConsentRefuses(in_force, api::RegionsWorked(n.techniques_json),
                                  k.consent_sensitive_regions))
          << p.given_name << " note of " << n.occurred_at;
    }
  }
  EXPECT_EQ(with, report_->consents);
  EXPECT_GE(without, 2);  // A clinician sees what a chart without consent looks like...
  EXPECT_LE(without, 5);  // ...in a few patients only.
  EXPECT_EQ(forms, (std::set<std::string>{"verbal", "written"}));
  EXPECT_TRUE(an_area_named);
}

TEST_F(DemoSeedTest, DemoHasPortalQuestionnairesAtBaselineAndWeeksFourAndEight) {
  int with_three = 0, fortnightly = 0;
  for (const store::Patient& p : Patients()) {
    int portal = 0;
    for (const auto& a : Must(db_->ListAssessments(clinic_, p.id))) {
      if (a.kind != store::AssessmentKind::kPortal) continue;
      ++portal;
      const json scores = json::parse(a.result_json)["scores"];
      EXPECT_TRUE(scores.contains("nrs_leg") && scores.contains("odi") && scores.contains("sbi"));
    }
    EXPECT_GE(portal, 1) << p.given_name;
    if (portal >= 3) ++with_three;
    if (portal >= 5) ++fortnightly;
  }
  EXPECT_GE(with_three, 15);
  EXPECT_GE(fortnightly, 3);  // The portal users.
}

TEST_F(DemoSeedTest, DemoHasAppointmentsTodayAndForTwoWeeks) {
  auto today = Must(db_->ListAppointments(clinic_, kToday, kTomorrow));
  EXPECT_GE(today.size(), 3u);
  for (const auto& a : today) EXPECT_EQ(a.status, store::AppointmentStatus::kBooked);
  auto fortnight = Must(db_->ListAppointments(clinic_, kToday, kFortnight));
  EXPECT_GE(fortnight.size(), 15u);
  int requested = 0;
  for (const auto& a : fortnight) {
    EXPECT_FALSE(store::IsFinal(a.status)) << a.starts_at;
    if (a.status == store::AppointmentStatus::kRequested) ++requested;
  }
  EXPECT_GE(requested, 2);
  EXPECT_EQ(requested, report_->appointment_requests);
}

// A demo clinic mails none of its fictional patients: seeding its bookings
// queues nothing, and neither does a booking made later, so setting up SMTP
// on a demo database sends nothing to them.
TEST_F(DemoSeedTest, DemoQueuesNoMailForItsFictionalPatients) {
  ASSERT_FALSE(Must(db_->ListAppointments(clinic_, kToday, kFortnight)).empty());
  EXPECT_TRUE(Must(db_->ListMailOutbox(clinic_, store::kMaxPageSize)).empty());
  const store::Patient someone = Patients().front();
  const store::Id therapist =
      Must(db_->ListAppointments(clinic_, kToday, kFortnight)).front().therapist_id;
  store::Appointment later;
  later.clinic_id = clinic_;
  later.patient_id = someone.id;
  later.therapist_id = therapist;
  later.starts_at = "2027-03-02T10:00:00Z";
  later.minutes = 45;
  later.status = store::AppointmentStatus::kBooked;
  if (db_->CreateAppointment(later).ok()) {
    EXPECT_TRUE(Must(db_->ListMailOutbox(clinic_, store::kMaxPageSize)).empty());
  }
}

// The demo clinic has rooms, and its coming bookings are spread over them:
// each room holds some, requests name none (the front desk chooses on booking).
TEST_F(DemoSeedTest, DemoHasRoomsWithTheComingBookingsSpreadOverThem) {
  const auto rooms = Must(db_->ListRooms(clinic_));
  ASSERT_GE(rooms.size(), 2u);
  std::map<store::Id, int> in_room;
  for (const auto& a : Must(db_->ListAppointments(clinic_, kToday, kFortnight))) {
    if (a.status == store::AppointmentStatus::kRequested) {
      EXPECT_EQ(a.room_id, std::nullopt) << a.starts_at;
    } else {
      ASSERT_TRUE(a.room_id.has_value()) << a.starts_at;
      ++in_room[*a.room_id];
    }
  }
  for (const auto& r : rooms) EXPECT_GE(in_room[r.id], 2) << r.name;
}

// The weeks behind: every session note was a booked appointment, now done;
// a few slots were cancelled and a few missed (no-show).
TEST_F(DemoSeedTest, DemoPastAppointmentsAreDoneCancelledOrMissed) {
  auto past = Must(db_->ListAppointments(clinic_, "2026-09-01T00:00:00Z", kToday));
  std::map<store::AppointmentStatus, int> by_status;
  for (const auto& a : past) {
    ++by_status[a.status];
    EXPECT_TRUE(store::IsFinal(a.status)) << a.starts_at;
    EXPECT_NE(WeekdayOf(a.starts_at), 0) << a.starts_at;
    EXPECT_NE(WeekdayOf(a.starts_at), 6) << a.starts_at;
  }
  EXPECT_EQ(by_status[store::AppointmentStatus::kDone], report_->session_notes);
  EXPECT_GE(by_status[store::AppointmentStatus::kCancelled], 2);
  EXPECT_GE(by_status[store::AppointmentStatus::kNoShow], 2);
  EXPECT_EQ(by_status[store::AppointmentStatus::kCancelled] +
                by_status[store::AppointmentStatus::kNoShow],
            report_->appointments_missed);
  auto fortnight = Must(db_->ListAppointments(clinic_, kToday, kFortnight));
  EXPECT_EQ(static_cast<int>(past.size() + fortnight.size()), report_->appointments);
}

// Therapists revise drafts before approving them (the plan review screen),
// once more after an adverse event, and approve one plan on a doctor's
// clearance, which the audit trail records as the approval route does.
TEST_F(DemoSeedTest, DemoPlansHaveRevisionsAndAnApprovalWithClearance) {
  int with_revision = 0, three_versions = 0;
  for (const store::Patient& p : Patients()) {
    auto plans = Must(db_->ListPlans(clinic_, p.id));
    if (plans.size() < 2) continue;
    ++with_revision;
    if (plans.size() >= 3) ++three_versions;
    EXPECT_EQ(plans.front().status, store::PlanStatus::kSuperseded) << p.given_name;
    EXPECT_EQ(plans.back().status, store::PlanStatus::kApproved) << p.given_name;
    const json revised = json::parse(plans.back().plan_json);
    EXPECT_TRUE(revised.value("edited_by_therapist", false));
    EXPECT_FALSE(revised.value("revision_note", "").empty());
    EXPECT_EQ(revised["sessions"].value("count", 0) >= 1, true);
  }
  EXPECT_GE(with_revision, 10);
  EXPECT_GE(three_versions, 1);
  EXPECT_EQ(report_->plan_revisions, report_->plans - report_->assessments + report_->referred);

  store::AuditQuery approvals;
  approvals.action = "seed";
  approvals.page.limit = store::kMaxPageSize;
  int cleared = 0;
  for (std::int64_t offset = 0;; offset += store::kMaxPageSize) {
    approvals.page.offset = offset;
    auto page = Must(db_->ListAudit(clinic_, approvals));
    for (const auto& e : page.items) {
      if (e.detail.find("clearance by ") == std::string::npos) continue;
      ++cleared;
      ASSERT_TRUE(e.patient_id.has_value());
      const json plan = json::parse(Must(db_->GetCurrentPlan(clinic_, *e.patient_id)).plan_json);
      EXPECT_FALSE(plan["clearances"].empty());
    }
    if (page.items.size() < static_cast<std::size_t>(store::kMaxPageSize)) break;
  }
  EXPECT_EQ(cleared, 1);
}

// The attention list's cases: someone whose leg pain rose by the minimal
// important change (2 points), and someone past a reassessment point of their
// approved plan with no assessment since.
TEST_F(DemoSeedTest, DemoHasWorsePainAndAReassessmentDue) {
  int worse = 0, due = 0;
  for (const store::Patient& p : Patients()) {
    auto notes = Notes(p.id);  // Newest first.
    if (notes.size() >= 2 && *notes.front().leg_pain_before >= *notes.back().leg_pain_before + 2) {
      ++worse;
    }
    auto current = db_->GetCurrentPlan(clinic_, p.id);
    if (!current) continue;
    std::vector<const store::SessionNote*> under_plan;
    for (auto it = notes.rbegin(); it != notes.rend(); ++it) {
      if (it->plan_id == current.value().id) under_plan.push_back(&*it);
    }
    int checkpoint = 0;
    const json plan = json::parse(current.value().plan_json);
    for (const json& c : plan["reassessment"]["after_sessions"]) {
      if (c.get<int>() <= static_cast<int>(under_plan.size())) checkpoint = c.get<int>();
    }
    if (checkpoint == 0) continue;
    const std::string reached = under_plan[static_cast<std::size_t>(checkpoint - 1)]->created_at;
    std::string latest;
    for (const auto& a : Must(db_->ListAssessments(clinic_, p.id)))
      latest = std::max(latest, a.created_at);
    if (latest < reached) ++due;
  }
  EXPECT_EQ(worse, 1);
  EXPECT_GE(due, 1);
}

TEST_F(DemoSeedTest, DemoLoginsWorkWithTheDocumentedPasswords) {
  EXPECT_EQ(report_->logins.size(), DemoLogins().size());
  for (std::size_t i = 0; i < report_->logins.size() && i < DemoLogins().size(); ++i) {
    EXPECT_EQ(report_->logins[i].email, DemoLogins()[i].email);
    EXPECT_EQ(report_->logins[i].role, DemoLogins()[i].role);
  }
  for (const DemoLogin& login : DemoLogins()) {
    const store::User user = Must(db_->FindUserByEmail(login.email));
    EXPECT_EQ(store::ToString(user.role), login.role);
    EXPECT_TRUE(auth::VerifyPassword(login.password, user.password_hash)) << login.email;
  }
  EXPECT_EQ(Must(db_->FindUserByEmail(kDemoAdminEmail)).role, store::Role::kAdmin);
  EXPECT_TRUE(auth::VerifyPassword("demo-admin-2026",
                                   Must(db_->FindUserByEmail(kDemoAdminEmail)).password_hash));
}

// The README tells people how to log in: it must name every demo login.
TEST(DemoSeed, ReadmeListsEveryDemoLogin) {
  const std::string readme = testing::ReadSourceFile("README.md");
  for (const DemoLogin& login : DemoLogins()) {
    EXPECT_NE(readme.find(login.email), std::string::npos) << login.email;
    EXPECT_NE(readme.find(login.password), std::string::npos) << login.password;
  }
  EXPECT_NE(readme.find("artifacts/screenshots/"), std::string::npos);
}

TEST_F(DemoSeedTest, DemoRecordsAreInTheAuditTrailAsSeed) {
  store::AuditQuery query;
  query.action = "seed";
  query.page.limit = 1;
  const auto page = Must(db_->ListAudit(clinic_, query));
  EXPECT_EQ(page.total, report_->audit_entries);
  EXPECT_GE(page.total, 30 + 30 + 150);
}

TEST_F(DemoSeedTest, DemoSeedingTwiceIsRefused) {
  SeedReport again;
  auto second = SeedDemoClinic(*db_, testing::K(), kNow, again, auth::HashCost::kFastForTests);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.kind(), store::StoreErrorKind::kConflict);
  EXPECT_EQ(Patients().size(), 30u);
  EXPECT_EQ(db_->GetClinic(clinic_ + 1).kind(), store::StoreErrorKind::kNotFound);
}

}  // namespace
}  // namespace sciaticare
