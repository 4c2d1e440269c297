// Booking a course through the store's one booking check (issues 14 and 16):
// one unit of work books 20 weekly slots under the patient's approved plan,
// each slot going through CheckSlotBookable and its screening read, for a
// patient with six assessments (their documents about 11 KB each) and a
// cleared referral. The unit is then undone (the work returns an error), so
// every iteration books the same free slots into the same records; the cost
// of committing is left out. SQLite on a temporary file always; PostgreSQL
// too when SCIATICARE_BENCH_PG_URL names an empty database (the URL
// scripts/pg-test-cluster.sh prints). Figures: docs/performance.md.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/utc_time.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace sciaticare::store {
namespace {

constexpr int kAssessments = 6;
constexpr int kCourseSlots = 20;
constexpr char kAt[] = "2026-11-23T09:00:00Z";
// A Monday, 09:00 UTC: within the default opening hours.
constexpr char kFirstSlot[] = "2027-01-04T09:00:00Z";

template <typename T>
T Must(StoreResult<T> r) {
  if (!r.ok()) throw std::runtime_error("store call failed: " + r.error().ToString());
  return std::move(r).value();
}

// A document of about 11 KB, the size of a full assessment's.
std::string AssessmentDocument() {
  std::string doc = R"({"triage":"treat","notes":")";
  doc.append(11 * 1024, 'x');
  return doc + "\"}";
}

// The clinic, its therapist and the patient whose course is booked.
struct CourseBooking {
  std::unique_ptr<Store> store;
  Id clinic = 0, therapist = 0, patient = 0, plan = 0;
};

CourseBooking Prepare(std::unique_ptr<Store> store) {
  CourseBooking b;
  b.store = std::move(store);
  // The process id and run keep the clinic and e-mail address new on a
  // reused database (the benchmark runs Prepare once per measurement).
  static int run = 0;
  const std::string tag = std::to_string(getpid()) + "-" + std::to_string(++run);
  b.clinic = Must(b.store->CreateClinic({0, "Bench clinic " + tag})).id;
  User t{
      0,   b.clinic, "thera" + tag + "@bench.example", "Thera", Role::kTherapist, "h", std::nullopt,
      true};
  b.therapist = Must(b.store->CreateUser(t)).id;
  Patient p;
  p.clinic_id = b.clinic;
  p.given_name = "Ana";
  p.family_name = "Silva";
  p.created_at = kAt;
  b.patient = Must(b.store->CreatePatient(p)).id;
  Id latest = 0;
  for (int i = 0; i < kAssessments; ++i) {
    Assessment a;
    a.clinic_id = b.clinic;
    a.patient_id = b.patient;
    a.intake_json = AssessmentDocument();
    a.result_json = AssessmentDocument();
    a.triage = "treat";
    a.knowledge_version = "bench";
    a.created_by = b.therapist;
    a.created_at = FormatUtc(*UtcSeconds(kAt) + i * 86400LL);
    latest = Must(b.store->CreateAssessment(a)).id;
    if (i == 0) {
      // A referral at the first assessment, cleared since: read, not refusing.
      Referral r;
      r.clinic_id = b.clinic;
      r.patient_id = b.patient;
      r.assessment_id = latest;
      r.urgency = "urgent";
      r.flags_json = "[]";
      r.findings = "bench";
      r.opened_by = b.therapist;
      r.opened_at = a.created_at;
      const Id referral = Must(b.store->CreateReferral(r)).id;
      ReferralEvent e;
      e.clinic_id = b.clinic;
      e.referral_id = referral;
      e.kind = "outcome";
      e.detail_json = R"({"cleared":true})";
      e.recorded_by = b.therapist;
      e.recorded_at = a.created_at;
      Must(b.store->AddReferralEvent(e));
    }
  }
  PlanRecord plan;
  plan.clinic_id = b.clinic;
  plan.patient_id = b.patient;
  plan.assessment_id = latest;
  plan.plan_json = R"({"items":[]})";
  plan.knowledge_version = "bench";
  plan.created_by = b.therapist;
  plan.created_at = kAt;
  plan = Must(b.store->CreatePlan(plan));
  b.plan = Must(b.store->ApprovePlan(b.clinic, plan.id, plan.version, b.therapist, kAt)).id;
  return b;
}

void BookCourses(benchmark::State& state, CourseBooking& b) {
  const StoreError undo = Conflict("", "undone by the benchmark");
  for (auto _ : state) {
    int booked = 0;
    const StoreStatus unit = b.store->Atomically([&]() -> StoreStatus {
      for (int week = 0; week < kCourseSlots; ++week) {
        Appointment a;
        a.clinic_id = b.clinic;
        a.patient_id = b.patient;
        a.therapist_id = b.therapist;
        a.plan_id = b.plan;
        a.starts_at = FormatUtc(*UtcSeconds(kFirstSlot) + week * 7 * 86400LL);
        a.minutes = 45;
        a.status = AppointmentStatus::kBooked;
        auto created = b.store->CreateAppointment(a);
        if (!created.ok()) return created.error();
        ++booked;
      }
      return undo;
    });
    if (booked != kCourseSlots) {
      state.SkipWithError(("a slot was refused: " + unit.error().ToString()).c_str());
      return;
    }
  }
  state.counters["slots_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * kCourseSlots), benchmark::Counter::kIsRate);
}

void BM_BookCourse_SQLite(benchmark::State& state) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("booking-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  {
    CourseBooking b = Prepare(Must(SqliteStore::Open((dir / "clinic.db").string())));
    BookCourses(state, b);
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_BookCourse_SQLite)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BookCourse_PostgreSQL(benchmark::State& state) {
  const char* url = std::getenv("SCIATICARE_BENCH_PG_URL");
  if (url == nullptr || *url == '\0') {
    state.SkipWithError("SCIATICARE_BENCH_PG_URL is not set");
    return;
  }
  CourseBooking b = Prepare(Must(PostgresStore::Open(url)));
  BookCourses(state, b);
}
BENCHMARK(BM_BookCourse_PostgreSQL)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace sciaticare::store

BENCHMARK_MAIN();
