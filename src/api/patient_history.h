// A patient's details history as a person reads it: each change that made a
// new version, who made it, when, why, and each field it changed with the
// value before and after. Pure: built from the kept versions and the current
// record, no I/O.
#pragma once

#include <string>
#include <vector>

#include "store/records.h"

namespace sciaticare::api {

struct FieldChange {
  std::string field;  // The API's field name, e.g. "family_name".
  std::string before;
  std::string after;
};

struct PatientDetailsChange {
  int from_version = 0;  // The change turned this version into from_version + 1.
  store::Id changed_by = 0;
  std::string changed_by_name;
  std::string changed_at;
  std::string reason;
  std::vector<FieldChange> fields;  // In the order of the patient's fields; may be empty.
};

// The changes, newest first. `versions` are the patient's kept versions in
// any order; each is compared with the next version kept, or with `current`
// for the latest. A version whose successor is missing is compared with the
// nearest later one, so nothing is skipped silently.
std::vector<PatientDetailsChange> PatientHistory(std::vector<store::PatientVersion> versions,
                                                 const store::Patient& current);

}  // namespace sciaticare::api
