// Loads evidence.json: the evidence entries and their grades; every other file cites them by id.
#include "knowledge/file_loader.h"

namespace sciaticare::loading {
namespace {

class EvidenceLoader : public FileLoader {
 public:
  using FileLoader::FileLoader;

  void Load(const json& doc) {
    const json& grades = At(doc, "grades", "");
    for (const json& e : At(doc, "entries", "")) {
      std::string path = "entries." + OptStr(e, "id");
      EvidenceDef def{Str(e, "id", path), Str(e, "grade", path), Str(e, "title", path),
                      Str(e, "summary", path)};
      if (!grades.contains(def.grade)) Fail(path + ".grade", "unknown grade " + def.grade);
      k_.evidence.push_back(std::move(def));
    }
  }
};

}  // namespace

void LoadEvidence(const json& doc, Loading& loading) {
  EvidenceLoader("evidence.json", loading).Load(doc);
}

}  // namespace sciaticare::loading
