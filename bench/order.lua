-- wrk script: Yewu order intake over HTTP (issue 10 "Speed"), run by bench/orders.sh as
--   BENCH_INPUT=<dir> wrk -t 16 -c 16 -d 30s --latency -s bench/order.lua http://localhost:<port>
-- One connection per thread, so each thread is one client that logs in like the UI and then submits orders:
--   1. GET /api/auth/csrf           -> the SESSION cookie and the CSRF token (X-XSRF-TOKEN)
--   2. POST /api/auth/login         -> the session renewed after login, and the new token in the answer's header
--   3. POST <ORDER_PATH> (default /api/orders) orders of 10 lines for one of the user's own customers, each with
--      a unique Idempotency-Key, as the UI sends it.
-- Thread n logs in as the n-th line of $BENCH_INPUT/order-users.txt ("username customerId customerId …") and
-- draws products from $BENCH_INPUT/order-products.txt ("id guidePrice" a line: standard products, sold at the
-- guide price so that no special-price approval is asked).
-- When $BENCH_INPUT/order-sessions.txt has the thread's user ("username SESSION token", written by bench/orders.sh
-- before the measured windows), the thread starts at step 3; else (or when the session is refused) it logs in
-- itself and those two requests count in wrk's latency figures. done() prints the order requests' outcome counts. The body is POST /api/orders of docs/api.md with "submit": true, so each
-- request creates the order and decides it (standing, payment mode, deposit, approvals, hold, release, promise) in
-- one transaction, as the order form's "submit" does; the answer is 201 with the decided order.

local input = os.getenv("BENCH_INPUT") or "/tmp/yewu-bench/input"
local order_path = os.getenv("ORDER_PATH") or "/api/orders"
-- ORDER_BODY=quote sends the quote form's live check instead (POST /api/quotes/check: 10 lines, nothing saved)
local body_kind = os.getenv("ORDER_BODY") or "order"
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("n", counter)
  table.insert(threads, thread)
end

local function lines(path)
  local out = {}
  local f = assert(io.open(path, "r"), "missing " .. path)
  for line in f:lines() do if line ~= "" then table.insert(out, line) end end
  f:close()
  return out
end

function init(args)
  local users = lines(input .. "/order-users.txt")
  local mine = users[(n - 1) % #users + 1]
  customers = {}
  for word in mine:gmatch("%S+") do
    if username == nil then username = word else table.insert(customers, word) end
  end
  products = lines(input .. "/order-products.txt")
  math.randomseed(os.time() + n * 7919)
  step = "csrf"
  session, token = nil, nil
  -- bench/orders.sh logs the users in before the measured windows ("username SESSION token" a line)
  local f = io.open(input .. "/order-sessions.txt", "r")
  if f then
    for line in f:lines() do
      local u, s, t = line:match("(%S+)%s+(%S+)%s+(%S+)")
      if u == username then session, token, step = s, t, "order" end
    end
    f:close()
  end
  created, failed, seq = 0, 0, 0
  statuses = {}
end

local function cookie_header()
  return session and ("SESSION=" .. session) or nil
end

local function header(headers, name)
  for k, v in pairs(headers) do
    if string.lower(k) == name then return v end
  end
  return nil
end

local function order_body()
  local parts = {}
  for i = 1, 10 do
    local id, price = products[math.random(#products)]:match("(%S+)%s+(%S+)")
    table.insert(parts, string.format('{"productId":%s,"quantity":%d,"unitPrice":%s}', id, math.random(1, 500), price))
  end
  local customer = customers[math.random(#customers)]
  if body_kind == "quote" then
    return string.format('{"customerId":%s,"lines":[%s]}', customer, table.concat(parts, ","))
  end
  return string.format('{"customerId":%s,"contactPhone":"13800138000","submit":true,"lines":[%s]}', customer, table.concat(parts, ","))
end

function request()
  local headers = { ["Accept"] = "application/json" }
  headers["Cookie"] = cookie_header()
  if step == "csrf" then
    return wrk.format("GET", "/api/auth/csrf", headers)
  end
  headers["Content-Type"] = "application/json"
  headers["X-XSRF-TOKEN"] = token
  if step == "login" then
    return wrk.format("POST", "/api/auth/login", headers,
      string.format('{"username":"%s","password":"Yewu@2026"}', username))
  end
  seq = seq + 1
  headers["Idempotency-Key"] = string.format("wrk-%d-%d-%d-%d", os.time(), n, seq, math.random(1, 1e9))
  return wrk.format("POST", order_path, headers, order_body())
end

function response(status, headers, body)
  local set_cookie = header(headers, "set-cookie")
  if set_cookie then
    local value = set_cookie:match("SESSION=([^;]+)")
    if value then session = value end
  end
  if step == "csrf" then
    token = body:match('"token"%s*:%s*"([^"]+)"')
    if status == 200 and token then step = "login" end
  elseif step == "login" then
    local renewed = header(headers, "x-xsrf-token")
    if renewed then token = renewed end
    if status == 200 then step = "order" else step = "csrf"; session = nil end
  else
    statuses[status] = (statuses[status] or 0) + 1
    if status == 201 or status == 200 then created = created + 1 else failed = failed + 1 end
    if status == 401 or status == 403 then step = "csrf"; session = nil end
  end
end

function done(summary, latency, requests)
  local ok, bad, by = 0, 0, {}
  for _, t in ipairs(threads) do
    ok = ok + (t:get("created") or 0)
    bad = bad + (t:get("failed") or 0)
    local s = t:get("statuses") or {}
    for k, v in pairs(s) do by[k] = (by[k] or 0) + v end
  end
  local codes = {}
  for k, v in pairs(by) do table.insert(codes, k .. ":" .. v) end
  table.sort(codes)
  local secs = summary.duration / 1e6
  io.write(string.format("WRK orders_ok=%d orders_failed=%d statuses=%s rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    ok, bad, table.concat(codes, ","), ok / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
