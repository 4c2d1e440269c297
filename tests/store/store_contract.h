// The behaviour every Store implementation must show, as a parameterised
// GoogleTest suite (store_contract_test.cc). A backend joins by instantiating
// StoreContractTest with a StoreBackend (sqlite_store_test.cc,
// postgres_store_test.cc), and runs the same test bodies.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "store/store.h"

namespace sciaticare::store::testing {

struct StoreBackend {
  std::string name;
  // Opens the database kept at `location` (a fresh directory per test),
  // creating it on first use; opening it again must see the same records.
  std::function<StoreResult<std::unique_ptr<Store>>(const std::filesystem::path& location)> open;
  // Why the backend cannot run here (e.g. no database server configured), or
  // empty when it can; a non-empty reason skips each test with that message.
  std::function<std::string()> skip_reason = {};
};

// Names the backend in test listings instead of dumping the struct's bytes.
inline void PrintTo(const StoreBackend& backend, std::ostream* os) { *os << backend.name; }

inline std::string BackendName(const ::testing::TestParamInfo<StoreBackend>& info) {
  return info.param.name;
}

// "ok" or the error kind, so a failed expectation shows what happened.
template <typename T>
std::string Outcome(const StoreResult<T>& r) {
  return r.ok() ? "ok" : std::string(ToString(r.error().kind));
}

// The value of `r`; fails the test (by throwing) when it is an error.
template <typename T>
T Must(StoreResult<T> r) {
  if (!r.ok()) throw std::runtime_error("store call failed: " + r.error().ToString());
  return std::move(r).value();
}

// A unique empty directory, removed with its contents when destroyed.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sciaticare-store-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Two clinics with staff, a patient each and an intake assessment each.
class StoreContractTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override;

  // Closes the store and opens the same database again.
  void Reopen();

  Patient NewPatient(Id clinic, const std::string& given, const std::string& family);
  Assessment NewAssessment(Id clinic, Id patient, Id by, const std::string& at);
  PlanRecord NewPlan(Id clinic, Id patient, Id assessment, Id by, const std::string& at);
  SessionNote NewNote(Id clinic, Id patient, Id therapist, const std::string& at);
  Appointment NewAppointment(Id clinic, Id patient, Id therapist, const std::string& at);

  TempDir dir_;
  std::unique_ptr<Store> store_;

  Clinic a_, b_;
  User admin_a_, therapist_a_, desk_a_, therapist_b_;
  Patient patient_a_, patient_b_;
  Assessment assessment_a_, assessment_b_;
};

}  // namespace sciaticare::store::testing
