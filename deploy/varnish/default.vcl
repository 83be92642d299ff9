# Varnish in front of Focus Industry (HAProxy or one app instance behind it).
#
#   varnishd -a :6081 -f deploy/varnish/default.vcl -s malloc,256m
#
# What it caches: anonymous GET/HEAD answers that the app marks `Cache-Control: public, s-maxage=N`
# (Varnish uses s-maxage before max-age), for N seconds, and public static files for their max-age. Never cached: anything with a session or CSRF
# cookie (editors), the admin (previews included), documents (their privacy is checked per request),
# answers that set a cookie or say private/no-store/no-cache, and everything without s-maxage.
# Languages are in the path (/ and /en/), so the cache key is the URL and Accept-Language plays no part.
# Wagtail purges a published page in both languages with PURGE from the app's addresses (acl below):
# focus_industry/web/frontend_cache.py, FOCUS_FRONTEND_CACHE_URLS=http://<this varnish>:6081.
vcl 4.1;

import std;

# The app: HAProxy in front of the app instances (compose.scale.yaml, deploy/k8s) or one instance.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may say how a visitor reached us (X-Forwarded-Proto): the proxies in front that end TLS (hitch or
# nginx on this host; add a CDN's or the cloud load balancer's addresses). Everyone else's header is
# dropped: the app would take a client's "https" for a secure request.
acl tls_proxy {
    "localhost";
    "127.0.0.1";
    "::1";
}

# Who may PURGE: the app instances. Add their network (e.g. "10.0.0.0"/8) in a real deployment.
acl purge {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purge) {
            return (synth(405, "PURGE not allowed from this address"));
        }
        # A ban on the path (any host, any query string of that path is a separate object and
        # keeps its own TTL): lurker-friendly, so the ban list stays short.
        ban("obj.http.x-url == " + req.url);
        return (synth(200, "Purged"));
    }
    if (client.ip !~ tls_proxy) {
        unset req.http.X-Forwarded-Proto;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        # The whole body is read here before the app sees the request, so a client that trickles it
        # holds a Varnish thread, not a gunicorn one (Varnish's timeout_idle ends a stalled one). The
        # limit is above the largest upload the site takes (documents, TOOLBOX_MAX_UPLOAD_MB: 20).
        if (req.http.Content-Length || req.http.Transfer-Encoding) {
            if (!std.cache_req_body(32MB)) {
                return (synth(413, "Begäran är för stor / Request body too large"));
            }
        }
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)(/|$)") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Visitors get no cookie from the site; anything else a browser sends must not split the cache.
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    }
    return (lookup);
}

sub vcl_backend_response {
    set beresp.http.x-url = bereq.url;
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (bereq.url ~ "^/static/" && beresp.http.Cache-Control ~ "public"
        && beresp.http.Cache-Control !~ "(private|no-store|no-cache)") {
        # Static files (whitenoise): public for their max-age; the hashed names never change.
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "s-maxage=[1-9]") {
        # Remember for a short while not to queue visitors behind each other for this URL.
        set beresp.uncacheable = true;
        set beresp.ttl = 30s;
        return (deliver);
    }
    if (!beresp.http.Content-Encoding
        && beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml)|image/svg\+xml)") {
        # Pages leave gunicorn uncompressed: the edge gzips a page once, keeps it so, and unzips it
        # only for the rare client that does not accept gzip (as a CDN does).
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
