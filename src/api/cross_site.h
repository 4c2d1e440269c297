// The check a public form POST (login, accepting a portal invitation) makes
// before it reads its body: a page of another site must not drive it (login
// CSRF: signing the browser into an attacker's account, or completing a
// stolen invitation from a hidden form).
#pragma once

#include "http/router.h"

namespace sciaticare::api {

// Stops with 403 naming "sec-fetch-site" or "origin" when a browser says the
// request comes from another site, and 415 naming "content-type" unless the
// body is JSON (which another site's page cannot send without a preflight).
// Clients that are no browser send neither header and are let through.
void RefuseCrossSitePost(const http::Request& req);

}  // namespace sciaticare::api
