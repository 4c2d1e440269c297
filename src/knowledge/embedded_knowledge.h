// The knowledge/*.json files, compiled into the binary by cmake/embed_knowledge.cmake.
#pragma once

#include <span>
#include <string_view>
#include <utility>

namespace sciaticare {

// Every embedded file as (file name, content).
std::span<const std::pair<std::string_view, std::string_view>> EmbeddedKnowledgeFileList();

// The first 12 hex digits of the SHA-256 of all embedded files: two binaries
// with the same hash decide from the same clinical content.
std::string_view EmbeddedKnowledgeHash();

}  // namespace sciaticare
