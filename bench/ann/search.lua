-- wrk script for QuiverPeer: POSTs the search bodies of $BODIES (one JSON per line) in turn,
-- with the bearer token $TOKEN, and counts answers that are not {"code":200,...}.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  bodies = {}
  for line in io.lines(os.getenv("BODIES")) do
    bodies[#bodies + 1] = line
  end
  next_body = 1
  bad = 0
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  if status ~= 200 or string.sub(body, 1, 11) ~= '{"code":200' then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("bad")
  end
  io.write("bad answers: " .. total .. "\n")
end
