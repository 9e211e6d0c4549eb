-- GET requests: BENCH_PATHS names a file of request paths (one per line, already percent-encoded); each
-- connection walks it from its thread's offset, so the same pages and searches are asked at every concurrency.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

local paths, i

function init(args)
  paths = common.lines(os.getenv("BENCH_PATHS"))
  i = (tid * 997) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Cookie"] = cookie, ["Accept"] = "application/json"})
end

local reported = 0
function response(status, headers, body)
  if status ~= 200 and reported < 3 then
    reported = reported + 1
    io.stderr:write("read answered " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
  end
end
