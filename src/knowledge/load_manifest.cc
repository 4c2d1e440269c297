// Loads manifest.json: the knowledge version the clinical content is released as.
#include "knowledge/file_loader.h"

namespace sciaticare::loading {
namespace {

class ManifestLoader : public FileLoader {
 public:
  using FileLoader::FileLoader;

  void Load(const json& doc) { k_.version = Str(doc, "knowledge_version", ""); }
};

}  // namespace

void LoadManifest(const json& doc, Loading& loading) {
  ManifestLoader("manifest.json", loading).Load(doc);
}

}  // namespace sciaticare::loading
