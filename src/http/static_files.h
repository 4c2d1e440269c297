// Serves the web application (web/dist, compiled into the binary by
// cmake/embed_tree.cmake) at /. Unknown non-API paths answer index.html so the
// client-side router can take them; /api/... paths that no route matched stay
// JSON 404s. Hashed assets under /assets/ are cached for a year (immutable),
// index.html is revalidated every time (no-cache) with its ETag. Compressible
// files were gzip-compressed at build time and are sent compressed to clients
// that accept gzip. A binary built without web/dist answers a plain page
// saying the web application was not built.
#pragma once

#include <span>
#include <string_view>

#include "http/router.h"

namespace sciaticare::http {

struct EmbeddedFile {
  std::string_view path;  // URL path, e.g. "/index.html", "/assets/index-1a2b3c.js".
  std::string_view data;  // The bytes as built.
  std::string_view gzip;  // gzip -9 of `data`, or empty when not worth it.
  std::string_view etag;  // Hex digest of `data` (without quotes).
};

// The files of web/dist embedded at build time; empty when web/dist did not exist.
std::span<const EmbeddedFile> EmbeddedWebFiles();

// "text/javascript; charset=utf-8" for "/a/b.js", and so on; a binary type otherwise.
std::string_view ContentTypeFor(std::string_view path);

// Answers one request for a file of `files` (GET only).
Response ServeStaticFile(std::span<const EmbeddedFile> files, const Request& request);

// Makes ServeStaticFile the router's answer for every path no route matches.
// Register after the API routes.
void AddStaticFiles(Router& router, std::span<const EmbeddedFile> files = EmbeddedWebFiles());

}  // namespace sciaticare::http
