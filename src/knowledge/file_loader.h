// Internal to knowledge loading (knowledge_loader.h is the public face): the
// helpers every knowledge file's loader reads with, and one loader per file.
// A loader reads its document into the Knowledge being built and throws
// DataError naming the file and field at fault; LoadKnowledge turns that into
// an Error. Files load in a fixed order (knowledge_loader.cc): a later file
// may refer to ids an earlier one defined (evidence ids, region sets).
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "knowledge/knowledge.h"

namespace sciaticare::loading {

using nlohmann::json;

// Thrown inside the loaders only; LoadKnowledge turns it into an Error.
struct DataError {
  std::string where;
  std::string what;
};

// What the loaders build, and what one file leaves for a later one.
struct Loading {
  Knowledge k;
  std::map<std::string, RegionSet> region_sets;  // regions.json "sets", by name.
};

// The typed reads every file's loader shares: each fails with DataError
// "<file>: <path>.<key>" and a message.
class FileLoader {
 public:
  FileLoader(std::string file, Loading& loading)
      : file_(std::move(file)), k_(loading.k), loading_(loading) {}

 protected:
  [[noreturn]] void Fail(const std::string& field, const std::string& what) const;
  const json& At(const json& obj, const char* key, const std::string& path) const;
  std::string Str(const json& obj, const char* key, const std::string& path) const;
  std::string OptStr(const json& obj, const char* key) const;
  int Int(const json& obj, const char* key, const std::string& path) const;
  // An optional "same_day": true. Only an urgent referral can be same-day, and
  // only when urgencies.urgent gives the same-day wording to show.
  bool SameDay(const json& obj, Urgency urgency, const std::string& path) const;
  Region RegionOf(const json& v, const std::string& path) const;
  Technique TechniqueOf(const json& v, const std::string& path) const;
  Activity ActivityOf(const json& v, const std::string& path) const;
  RegionSet RegionList(const json& v, const std::string& path) const;
  // A region list, or the name of a set from regions.json.
  RegionSet RegionsOrSet(const json& v, const std::string& path) const;
  int EvidenceOf(const json& v, const std::string& path) const;
  Urgency UrgencyOf(const json& v, const std::string& path) const;

  const std::string file_;
  Knowledge& k_;
  Loading& loading_;
};

// One loader per knowledge file, named after it.
void LoadManifest(const json& doc, Loading& loading);           // manifest.json: the version
void LoadEvidence(const json& doc, Loading& loading);           // evidence.json
void LoadRegions(const json& doc, Loading& loading);            // regions.json
void LoadTechniques(const json& doc, Loading& loading);         // techniques.json
void LoadRedFlags(const json& doc, Loading& loading);           // red_flags.json
void LoadContraindications(const json& doc, Loading& loading);  // contraindications.json
void LoadPlanning(const json& doc, Loading& loading);           // planning.json
void LoadQuestionnaires(const json& doc, Loading& loading);     // questionnaires.json

}  // namespace sciaticare::loading
