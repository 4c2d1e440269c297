// Clinical cases as data (tests/clinical/README.md): loading the case files
// under tests/clinical/cases/ and building each case's intake document from a
// named base intake (tests/clinical/bases.json) and the case's changes.
// A case file that cannot be read, or a case with an unknown or missing key,
// still yields a case, carrying `load_error`, so the runner fails it by name
// instead of the test binary failing to start.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sciaticare::testing {

struct ClinicalCase {
  std::string id;          // Unique over every file; the test's name.
  std::string file;        // e.g. "cases/red_flags.json", for failure messages.
  std::string title;       // Plain language: what the case shows.
  std::string source;      // Reference file and section in shared/clinical.
  nlohmann::json intake;   // The intake document after the base and the changes.
  nlohmann::json expect;   // The expectations, checked by clinical_expectations.h.
  std::string load_error;  // Non-empty: the case is broken and must fail.
};

// How GoogleTest names a case in its output: file and id.
void PrintTo(const ClinicalCase& c, std::ostream* os);

// Every case of every *.json file under tests/clinical/cases, files in name order.
std::vector<ClinicalCase> LoadClinicalCases();

// The base intake documents of tests/clinical/bases.json, by name.
const nlohmann::json& ClinicalBases();

// Builds an intake document: base `base_name`, then the RFC 7386 merge patch
// `changes` (may be null), then the RFC 6902 operations `edits` (may be null;
// used where a merge patch cannot say it, e.g. an answer set to null).
// Throws std::invalid_argument naming what is wrong.
nlohmann::json BuildIntakeDocument(const std::string& base_name, const nlohmann::json& changes,
                                   const nlohmann::json& edits);

}  // namespace sciaticare::testing
