// The demo seeder: writes the demo cast's generated story into a Store, each
// record with its "seed" audit entry. Internal to the demo (demo_seed.h is
// the public face): records and plans in demo_seeder.cc, session notes and
// appointments in demo_seeder_visits.cc. A store failure is thrown as
// SeedFailure and returned as a value by SeedDemoClinic.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/demo_cast.h"
#include "cli/demo_generator.h"
#include "cli/demo_rng.h"
#include "cli/demo_seed.h"

namespace sciaticare::demo {

// A store failure, carried out of the seeder to SeedDemoClinic.
struct SeedFailure {
  store::StoreError error;
};

template <typename T>
T Take(store::StoreResult<T> r) {
  if (!r.ok()) throw SeedFailure{r.error()};
  return std::move(r).value();
}

class Seeder {
 public:
  Seeder(store::Store& db, const Knowledge& k, const DemoCast& cast, const std::string& now,
         SeedReport& report, auth::HashCost cost);

  // Writes the whole clinic; throws SeedFailure.
  void Run();

 private:
  // demo_seeder.cc: records, patients, intakes and plans.
  void Audit(const char* entity, store::Id id, std::optional<store::Id> patient,
             std::string detail);
  store::Id CreateUser(const std::string& name, const std::string& email, store::Role role,
                       const char* password, std::optional<store::Id> patient = std::nullopt);
  void CreateStaff();
  // The time `days` after the intake day at `hour`:`minute`.
  std::int64_t At(const PatientStory& p, int days, int hour, int minute = 0) const;
  void CreatePatient(int i);
  void CreateQuestionnaire(const PatientStory& p, int week, std::int64_t at);
  void CreateIntake(PatientStory& p);
  bool Lighter(nlohmann::json& item) const;
  void UsePlan(PatientStory& p, const store::PlanRecord& plan);
  store::PlanRecord Revise(PatientStory& p, const store::PlanRecord& base,
                           const nlohmann::json& edit, const std::string& note, std::int64_t at);
  void Approve(PatientStory& p, const store::PlanRecord& plan, const nlohmann::json& clearances,
               std::int64_t at);

  // demo_seeder_consent.cc: the consent taken at intake.
  std::vector<Region> SensitiveAreasOf(const PatientStory& p) const;
  void RecordConsent(const PatientStory& p);

  // demo_seeder_visits.cc: session notes and appointments.
  void CreateSessionNote(PatientStory& p, int week);
  void PastAppointments(const PatientStory& p, int week, std::int64_t session_at);
  void Attend(const PatientStory& p, std::int64_t at, store::AppointmentStatus outcome,
              const std::string& note);
  void Book(const PatientStory& p, int day, int hour, int minutes, store::AppointmentStatus status,
            const std::string& note);
  void CreateAppointments();
  // The clinic's rooms; each therapist works in one of them (RoomOf), so the
  // demo's appointments spread over the rooms without two in one at once.
  void CreateRooms();
  std::optional<store::Id> RoomOf(store::Id therapist) const;
  // Every therapist's working week, set once the history is seeded (the
  // visits already kept are not moved by hours given after them).
  void SetWorkingHours();

  store::Store& db_;
  const Knowledge& k_;
  const DemoCast& cast_;
  const std::string now_;
  const std::int64_t now_t_;
  std::int64_t today_ = 0;  // Midnight UTC of `now`.
  SeedReport& report_;
  const auth::HashCost cost_;
  DemoRng rng_;
  store::Id clinic_ = 0, front_desk_ = 0;
  std::vector<std::pair<store::Id, std::string>> therapists_;
  std::vector<store::Id> rooms_;
  std::vector<PatientStory> patients_;
  std::set<std::tuple<store::Id, int, int>> booked_;
  // The hours (since the epoch) each therapist's done and booked visits hold:
  // the store refuses a second appointment in a held hour.
  std::set<std::pair<store::Id, std::int64_t>> held_;
  // `at`, moved on by whole hours until the therapist's hour is free.
  std::int64_t FreeHour(store::Id therapist, std::int64_t at) const;
  std::map<std::string, std::string> password_hashes_;
};

}  // namespace sciaticare::demo
