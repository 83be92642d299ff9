"""Safe logins to the editors' workplace: throttled password logins (django-axes) and two-factor
authentication with an authenticator app (django-otp's TOTP devices).

- `throttling`: the client address, the lockout message on Wagtail's own login page.
- `two_factor`: who must use a second factor, the middleware that holds the admin back until the
  session is verified, and the enrolment and verification views.
"""
