#include "http/static_files.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace sciaticare::http {
namespace {

constexpr std::string_view kNotBuiltPage =
    "<!doctype html>\n<html lang=\"en\"><head><meta "
    "charset=\"utf-8\"><title>Sciaticare</title></head>\n"
    "<body><h1>Sciaticare</h1>\n"
    "<p>The web application was not built into this server binary. The REST API is served under "
    "<a href=\"/api/v1/openapi.json\">/api/v1</a>.</p>\n"
    "<p>To include the web application, install Node.js and npm and run "
    "<code>scripts/build.sh</code> "
    "(it runs <code>npm ci</code> and <code>npm run build</code> in <code>web/</code> before the "
    "C++ "
    "build).</p>\n</body></html>\n";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// True when the Accept-Encoding header accepts gzip (a "gzip" token without q=0).
bool AcceptsGzip(std::string_view header) {
  std::size_t pos = 0;
  while (pos <= header.size()) {
    std::size_t comma = header.find(',', pos);
    std::string_view part =
        header.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    pos = comma == std::string_view::npos ? header.size() + 1 : comma + 1;
    std::string token;
    for (char c : part)
      token.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    token.erase(std::remove(token.begin(), token.end(), ' '), token.end());
    std::string_view t = token;
    std::string_view name = t.substr(0, t.find(';'));
    if (name != "gzip" && name != "*") continue;
    std::size_t q = t.find(";q=");
    if (q != std::string_view::npos) {
      std::string_view value = t.substr(q + 3);
      if (value == "0" || value == "0." || value == "0.0" || value == "0.00" || value == "0.000")
        return false;
    }
    return true;
  }
  return false;
}

// True when If-None-Match names `etag` (quoted, weak or not) or is "*".
bool Matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.empty()) return false;
  if (if_none_match == "*") return true;
  std::size_t at = if_none_match.find(etag);
  return at != std::string_view::npos;
}

const EmbeddedFile* Find(std::span<const EmbeddedFile> files, std::string_view path) {
  for (const EmbeddedFile& f : files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

Response NotBuilt() {
  Response r;
  r.status = 200;
  r.content_type = "text/html; charset=utf-8";
  r.headers["Cache-Control"] = "no-cache";
  r.body = std::string(kNotBuiltPage);
  return r;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  std::size_t slash = path.rfind('/');
  std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  std::string ext;
  for (char c : path.substr(dot))
    ext.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (const auto& [suffix, type] : kTypes) {
    if (suffix == ext) return type;
  }
  return "application/octet-stream";
}

Response ServeStaticFile(std::span<const EmbeddedFile> files, const Request& request) {
  const std::string& path = request.path;
  if (path == "/api" || StartsWith(path, "/api/"))
    return ErrorResponse(404, "", "no such resource");
  if (request.method != "GET") {
    Response r = ErrorResponse(405, "", "method not allowed");
    r.headers["Allow"] = "GET";
    return r;
  }
  if (files.empty()) return NotBuilt();

  const EmbeddedFile* file = nullptr;
  if (path != "/") file = Find(files, path);
  if (file == nullptr) {
    // A missing asset, or any path whose last segment looks like a file name,
    // is a real 404: answering index.html would hand a script tag HTML.
    std::string_view last = std::string_view(path).substr(path.rfind('/') + 1);
    if (path != "/" && (StartsWith(path, "/assets/") || last.find('.') != std::string_view::npos)) {
      Response r = Response::Text(404, "not found\n");
      r.headers["Cache-Control"] = "no-cache";
      return r;
    }
    file = Find(files, "/index.html");
    if (file == nullptr) return NotBuilt();
  }

  const bool gzip = !file->gzip.empty() && AcceptsGzip(request.Header("accept-encoding"));
  const std::string etag = "\"" + std::string(file->etag) + (gzip ? "-gz" : "") + "\"";
  Response r;
  r.content_type = std::string(ContentTypeFor(file->path));
  r.headers["ETag"] = etag;
  r.headers["X-Content-Type-Options"] = "nosniff";
  if (!file->gzip.empty()) r.headers["Vary"] = "Accept-Encoding";
  if (StartsWith(file->path, "/assets/")) {
    r.headers["Cache-Control"] = "public, max-age=31536000, immutable";
  } else {
    r.headers["Cache-Control"] = "no-cache";
  }
  if (file->path == "/index.html") {
    r.headers["Content-Security-Policy"] =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    r.headers["Referrer-Policy"] = "no-referrer";
    r.headers["X-Frame-Options"] = "DENY";
  }
  if (Matches(request.Header("if-none-match"), etag)) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  if (gzip) {
    r.headers["Content-Encoding"] = "gzip";
    r.body = std::string(file->gzip);
  } else {
    r.body = std::string(file->data);
  }
  return r;
}

void AddStaticFiles(Router& router, std::span<const EmbeddedFile> files) {
  router.SetFallback([files](Request& request) { return ServeStaticFile(files, request); });
}

}  // namespace sciaticare::http
