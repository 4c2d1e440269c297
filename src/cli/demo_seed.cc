// The demo clinic's public face (demo_seed.h): refuses a database that
// already holds a clinic, then runs the seeder (demo_seeder.h) over the cast
// (demo/cast.json) and turns a store failure into a value.
#include "cli/demo_seed.h"

#include <memory>
#include <stdexcept>

#include "cli/demo_cast.h"
#include "cli/demo_seeder.h"
#include "cli/store_url.h"
#include "core/utc_time.h"
#include "store/validation.h"

namespace sciaticare {

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
    demo::Seeder(db, k, demo::BuiltinDemoCast(), now, report, cost).Run();
  } catch (const demo::SeedFailure& failure) {
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
  const demo::DemoCast& cast = demo::BuiltinDemoCast();
  std::vector<DemoLogin> logins = {{"admin", kDemoAdminEmail, kDemoAdminPassword, cast.admin_name}};
  for (const demo::CastTherapist& t : cast.therapists) {
    logins.push_back({"therapist", t.email, kDemoTherapistPassword, t.name});
  }
  logins.push_back(
      {"front_desk", cast.front_desk.email, kDemoFrontDeskPassword, cast.front_desk.name});
  for (const demo::CastPatient& who : cast.patients) {
    if (!who.portal_login) continue;
    logins.push_back(
        {"patient", who.Email(), kDemoPatientPassword, who.given_name + " " + who.family_name});
  }
  return logins;
}

}  // namespace sciaticare
