// The clinic's public base URL, as patients reach the server (serve
// --public-url): the start of every absolute link the server mails. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sciaticare {

// `text` as a base URL, "http(s)://host[:port]" with no path, query,
// fragment or user part (one trailing "/" is dropped), lower-cased scheme;
// nullopt when it is anything else.
std::optional<std::string> PublicBaseUrl(std::string_view text);

}  // namespace sciaticare
