-- Shared by the wrk scripts of bench/run.sh. The sessions are logged in by bench/run.sh before wrk starts
-- (GET /api/auth/csrf, POST /api/auth/login with the JSON body the UI sends, the SESSION cookie and the
-- X-XSRF-TOKEN answer kept) and handed over in BENCH_SESSIONS as "cookie|token;cookie|token;...": thread i uses
-- session i (mod their number), so 16 connections over 2 threads act as 2 (or more) logged-in users.
local M = {}

function M.sessions()
  local list = {}
  for entry in string.gmatch(os.getenv("BENCH_SESSIONS") or "", "[^;]+") do
    local cookie, token = string.match(entry, "([^|]*)|(.*)")
    list[#list + 1] = {cookie = cookie, token = token}
  end
  assert(#list > 0, "BENCH_SESSIONS is empty: run through bench/run.sh")
  return list
end

local counter = 0
function M.setup(thread)
  local list = M.sessions()
  local s = list[(counter % #list) + 1]
  thread:set("cookie", s.cookie)
  thread:set("token", s.token)
  thread:set("tid", counter)
  counter = counter + 1
end

function M.lines(path)
  local out = {}
  local f = assert(io.open(path, "r"))
  for line in f:lines() do if line ~= "" then out[#out + 1] = line end end
  f:close()
  return out
end

-- percent-encoding of a query value (UTF-8 bytes)
function M.enc(s)
  return (string.gsub(s, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- one machine-readable line for bench/run.sh: requests, rate, latency percentiles in ms, failures
function M.done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f failed=%d\n",
    summary.requests, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad))
end

return M
