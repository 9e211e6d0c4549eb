-- POST /api/customers with the UI's headers (session cookie, X-XSRF-TOKEN, Idempotency-Key) and a unique body:
-- the name, the mobile and the unified social credit code (GB 32100-2015 check character, CUS-1) all new.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

local CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
local WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
local function credit_code(first17)
  local sum = 0
  for i = 1, 17 do
    local v = string.find(CHARS, string.sub(first17, i, i), 1, true) - 1
    sum = sum + v * WEIGHTS[i]
  end
  local check = (31 - sum % 31) % 31
  return first17 .. string.sub(CHARS, check + 1, check + 1)
end

local cities = {"北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京", "苏州"}
local n = 0
local run, base

function init(args)
  -- BENCH_RUN counts wrk runs on this database (bench/run.sh keeps the counter): each thread of each run gets its
  -- own slot of 10 million numbers; 500 slots of mobiles (15x…19x) before they repeat
  run = tonumber(os.getenv("BENCH_RUN") or "0")
  slot = (run * 2 + tid) % 500
  base = (run * 2 + tid) * 10000000
end

function request()
  n = n + 1
  local u = base + n
  local city = cities[(u % #cities) + 1]
  local body = string.format(
    '{"name":"%s压测%d号商贸有限公司","city":"%s","businessFormat":"超市","creditCode":"%s",' ..
    '"contacts":[{"name":"王经理","phone":"1%d%09d","position":"老板"}]}',
    city, u, city, credit_code(string.format("9133%013d", u)), 5 + math.floor(slot / 100), (slot % 100) * 10000000 + n)
  return wrk.format("POST", "/api/customers", {
    ["Content-Type"] = "application/json",
    ["Cookie"] = cookie,
    ["X-XSRF-TOKEN"] = token,
    ["Idempotency-Key"] = string.format("wrk-%d-%d", run, u),
  }, body)
end

local reported = 0
function response(status, headers, body)
  if status ~= 201 and reported < 3 then
    reported = reported + 1
    io.stderr:write("create answered " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
  end
end
