#include "clinical/clinical_case.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "test_support.h"

namespace sciaticare::testing {
namespace {

using nlohmann::json;

const std::set<std::string> kCaseKeys = {"id",      "title", "source", "base",
                                         "changes", "edits", "expect"};
const std::set<std::string> kRequiredCaseKeys = {"id", "title", "source", "base", "expect"};
const std::set<std::string> kFileKeys = {"topic", "cases"};

// Test names may hold letters, digits and single underscores only.
bool IsValidId(const std::string& id) {
  if (id.empty() || id.front() == '_' || id.back() == '_') return false;
  if (id.find("__") != std::string::npos) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string KeyProblems(const json& object, const std::set<std::string>& allowed,
                        const std::set<std::string>& required) {
  std::string problems;
  for (const auto& [key, value] : object.items()) {
    if (!allowed.count(key)) problems += "unknown key \"" + key + "\"; ";
  }
  for (const std::string& key : required) {
    if (!object.contains(key)) problems += "missing key \"" + key + "\"; ";
  }
  return problems;
}

ClinicalCase ReadCase(const json& c, const std::string& file, std::size_t index) {
  ClinicalCase out;
  out.file = file;
  out.id = "case_" + std::to_string(index);
  if (!c.is_object()) {
    out.load_error = "a case must be an object";
    return out;
  }
  if (c.contains("id") && c["id"].is_string()) out.id = c["id"].get<std::string>();
  out.load_error = KeyProblems(c, kCaseKeys, kRequiredCaseKeys);
  if (!IsValidId(out.id)) {
    out.load_error += "id \"" + out.id + "\" must be lower-case letters, digits and underscores";
    out.id = "case_" + std::to_string(index);
  }
  if (!out.load_error.empty()) return out;
  try {
    out.title = c.at("title").get<std::string>();
    out.source = c.at("source").get<std::string>();
    if (out.title.empty() || out.source.empty()) throw std::invalid_argument("empty title/source");
    out.expect = c.at("expect");
    if (!out.expect.is_object() || out.expect.empty()) {
      throw std::invalid_argument("\"expect\" must be an object with at least one expectation");
    }
    out.intake = BuildIntakeDocument(c.at("base").get<std::string>(), c.value("changes", json()),
                                     c.value("edits", json()));
  } catch (const std::exception& e) {
    out.load_error = e.what();
  }
  return out;
}

void ReadFile(const std::filesystem::path& path, std::vector<ClinicalCase>& cases) {
  const std::string file = "cases/" + path.filename().string();
  json doc;
  try {
    doc = json::parse(ReadSourceFile("tests/clinical/" + file));
  } catch (const std::exception& e) {
    ClinicalCase broken;
    broken.file = file;
    broken.id = path.stem().string() + "_unreadable";
    broken.load_error = e.what();
    cases.push_back(broken);
    return;
  }
  std::string problems = doc.is_object() ? KeyProblems(doc, kFileKeys, kFileKeys)
                                         : std::string("the file must hold one object");
  if (problems.empty() && !doc["cases"].is_array()) problems = "\"cases\" must be a list";
  if (!problems.empty()) {
    ClinicalCase broken;
    broken.file = file;
    broken.id = path.stem().string() + "_unreadable";
    broken.load_error = problems;
    cases.push_back(broken);
    return;
  }
  for (std::size_t i = 0; i < doc["cases"].size(); ++i) {
    cases.push_back(ReadCase(doc["cases"][i], file, i));
  }
}

}  // namespace

const json& ClinicalBases() {
  static const json bases = json::parse(ReadSourceFile("tests/clinical/bases.json")).at("bases");
  return bases;
}

json BuildIntakeDocument(const std::string& base_name, const json& changes, const json& edits) {
  if (!ClinicalBases().contains(base_name)) {
    throw std::invalid_argument("unknown base intake \"" + base_name + "\" (see bases.json)");
  }
  json doc = ClinicalBases()[base_name].at("intake");
  if (!changes.is_null()) {
    if (!changes.is_object()) throw std::invalid_argument("\"changes\" must be an object");
    doc.merge_patch(changes);
  }
  if (!edits.is_null()) {
    if (!edits.is_array()) throw std::invalid_argument("\"edits\" must be a list");
    doc = doc.patch(edits);  // Throws json::exception naming the failing operation.
  }
  return doc;
}

void PrintTo(const ClinicalCase& c, std::ostream* os) { *os << c.file << " " << c.id; }

std::vector<ClinicalCase> LoadClinicalCases() {
  std::vector<std::filesystem::path> files;
  const std::filesystem::path dir =
      std::filesystem::path(SCIATICARE_SOURCE_DIR) / "tests" / "clinical" / "cases";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<ClinicalCase> cases;
  for (const auto& path : files) ReadFile(path, cases);
  // A repeated id would hide one case behind another's name: both fail.
  std::set<std::string> seen, repeated;
  for (const ClinicalCase& c : cases) {
    if (!seen.insert(c.id).second) repeated.insert(c.id);
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (repeated.count(cases[i].id)) {
      cases[i].load_error += "id used by more than one case; ";
      cases[i].id += "_" + std::to_string(i);
    }
  }
  return cases;
}

}  // namespace sciaticare::testing
