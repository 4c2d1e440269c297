// Loads the knowledge files in the order their cross references need: each
// file's own loader (file_loader.h) checks its fields and the ids it cites.
#include "knowledge/knowledge_loader.h"

#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "knowledge/embedded_knowledge.h"
#include "knowledge/file_loader.h"

namespace sciaticare {
namespace {

using loading::DataError;
using loading::Loading;
using nlohmann::json;

// Every knowledge file but the manifest, in loading order: evidence first
// (everything cites it), regions before the files that name region sets.
constexpr struct {
  const char* name;
  void (*load)(const json& doc, Loading& loading);
} kFileLoaders[] = {
    {"evidence.json", loading::LoadEvidence},
    {"regions.json", loading::LoadRegions},
    {"techniques.json", loading::LoadTechniques},
    {"red_flags.json", loading::LoadRedFlags},
    {"contraindications.json", loading::LoadContraindications},
    {"planning.json", loading::LoadPlanning},
    {"questionnaires.json", loading::LoadQuestionnaires},
};

json Require(const KnowledgeFiles& files, const std::string& name) {
  auto it = files.find(name);
  if (it == files.end()) throw DataError{name, "file missing"};
  json doc = json::parse(it->second, nullptr, false);
  if (doc.is_discarded()) throw DataError{name, "not valid JSON"};
  return doc;
}

// FNV-1a over every file's name and content: the same content, the same
// version suffix, whichever binary or test loaded it.
std::string ContentHash(const KnowledgeFiles& files) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](std::string_view bytes) {
    for (unsigned char c : bytes) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  for (const auto& [name, content] : files) {
    mix(name);
    mix(std::string_view("\0", 1));
    mix(content);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return std::string(hex, 12);
}

Knowledge LoadAll(const KnowledgeFiles& files) {
  Loading loading;
  // The version names the content: the manifest's release plus a hash of every file.
  loading::LoadManifest(Require(files, "manifest.json"), loading);
  loading.k.version += "+" + ContentHash(files);
  for (const auto& [name, load] : kFileLoaders) {
    const json doc = Require(files, name);
    try {
      load(doc, loading);
    } catch (const json::exception& e) {
      // A JSON type error inside a loader still names the file.
      throw DataError{name, std::string("wrong type of value: ") + e.what()};
    }
  }
  return std::move(loading.k);
}

}  // namespace

Result<Knowledge> LoadKnowledge(const KnowledgeFiles& files) {
  try {
    return LoadAll(files);
  } catch (const loading::DataError& e) {
    return Error{e.where, e.what};
  } catch (const nlohmann::json::exception& e) {
    return Error{"knowledge", e.what()};
  }
}

const KnowledgeFiles& EmbeddedKnowledgeFiles() {
  static const KnowledgeFiles files = [] {
    KnowledgeFiles f;
    for (const auto& [name, content] : EmbeddedKnowledgeFileList())
      f.emplace(std::string(name), content);
    return f;
  }();
  return files;
}

const Knowledge& BuiltinKnowledge() {
  static const Knowledge knowledge = [] {
    Result<Knowledge> loaded = LoadKnowledge(EmbeddedKnowledgeFiles());
    if (!loaded)
      throw std::logic_error("embedded knowledge is invalid: " + loaded.error().ToString());
    return std::move(loaded).value();
  }();
  return knowledge;
}

}  // namespace sciaticare
