// Loads techniques.json: every technique with its pressure range, minutes per region and evidence.
#include "knowledge/file_loader.h"

namespace sciaticare::loading {
namespace {

class TechniquesLoader : public FileLoader {
 public:
  using FileLoader::FileLoader;

  void Load(const json& doc) {
    std::array<bool, kTechniqueCount> seen{};
    for (const json& t : At(doc, "techniques", "")) {
      Technique id = TechniqueOf(At(t, "id", "techniques"), "techniques.id");
      std::string path = "techniques." + std::string(Name(id));
      TechniqueDef& def = k_.techniques[static_cast<std::size_t>(id)];
      def.label = Str(t, "label", path);
      def.description = Str(t, "description", path);
      const json& p = At(t, "pressure", path);
      if (!p.is_array() || p.size() != 2) Fail(path + ".pressure", "must be [min, max]");
      def.min_pressure = p[0].get<int>();
      def.max_pressure = p[1].get<int>();
      if (def.min_pressure < 1 || def.max_pressure > 5 || def.min_pressure > def.max_pressure) {
        Fail(path + ".pressure", "must lie within 1-5, min <= max");
      }
      def.minutes_per_region = Int(t, "minutes_per_region", path);
      def.evidence = EvidenceOf(At(t, "evidence", path), path + ".evidence");
      seen[static_cast<std::size_t>(id)] = true;
    }
    for (std::size_t i = 0; i < kTechniqueCount; ++i) {
      if (!seen[i]) Fail("techniques", "missing technique " + std::string(TechniqueNames()[i]));
    }
  }
};

}  // namespace

void LoadTechniques(const json& doc, Loading& loading) {
  TechniquesLoader("techniques.json", loading).Load(doc);
}

}  // namespace sciaticare::loading
