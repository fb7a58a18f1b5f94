"""An editor's API token for the benchmark scripts, made through the forms as a person would:
sign in (with the CSRF token the login page hands out), then create a personal token under Account.
Tokens rather than Basic: Basic would spend a bcrypt check on every request."""
import http.client
import re
import urllib.parse


def bearer(app, password, name, username="admin"):
    """'Bearer tl_…' for the account, against the app at the base URL `app`."""
    u = urllib.parse.urlparse(app)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    jar = {}

    def call(method, path, body=None, headers=None):
        h = dict(headers or {})
        if jar:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        c.request(method, path, body, h)
        r = c.getresponse()
        data = r.read().decode()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                cookie, _, rest = v.partition("=")
                jar[cookie] = rest.split(";")[0]
        return r, data

    _, page = call("GET", "/login")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    call("POST", "/login", urllib.parse.urlencode({"_csrf": csrf, "username": username, "password": password}), form)
    _, page = call("POST", "/editor/account/tokens", urllib.parse.urlencode({"_csrf": csrf, "name": name}), form)
    c.close()
    return "Bearer " + re.search(r"<code>(tl_[^<]+)</code>", page).group(1)
