-- wrk script for QuiverPeer: POSTs the search bodies of $BODIES (one JSON per line) in turn,
-- with the bearer token $TOKEN, and counts answers that are not {"code":200,...}. The requests are
-- formatted once, in init, so the client spends its share of the shared cores on sending them.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
  requests = {}
  for line in io.lines(os.getenv("BODIES")) do
    requests[#requests + 1] = wrk.format("POST", nil, headers, line)
  end
  next_request = 1
  bad = 0
end

function request()
  local formatted = requests[next_request]
  next_request = next_request % #requests + 1
  return formatted
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
