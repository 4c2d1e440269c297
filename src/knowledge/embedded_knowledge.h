// The knowledge/*.json files, compiled into the binary by cmake/embed_files.cmake.
#pragma once

#include <span>
#include <string_view>
#include <utility>

namespace sciaticare {

// Every embedded file as (file name, content).
std::span<const std::pair<std::string_view, std::string_view>> EmbeddedKnowledgeFileList();

}  // namespace sciaticare
