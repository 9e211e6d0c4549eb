-- login throttling counts failures per (name, address) and per address (LoginThrottle)
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at DESC);
