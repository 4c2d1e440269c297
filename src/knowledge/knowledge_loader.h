// Builds a Knowledge value from the knowledge/*.json files. The binary carries
// those files compiled in; tests may hand in altered copies to check that
// broken data is refused with a message naming the file and field.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

// File name (e.g. "red_flags.json") -> file content.
using KnowledgeFiles = std::map<std::string, std::string_view, std::less<>>;

// Parses and cross-checks every file. Fails with the file and field at fault
// when a file is missing, malformed, or refers to an id that does not exist.
Result<Knowledge> LoadKnowledge(const KnowledgeFiles& files);

// The files compiled into this binary.
const KnowledgeFiles& EmbeddedKnowledgeFiles();

// The knowledge compiled into this binary, loaded once (thread-safe). The
// embedded files are checked by the test suite, so a failure here is a build
// defect: it throws std::logic_error.
const Knowledge& BuiltinKnowledge();

}  // namespace sciaticare
