-- Appends a batch's events to a group of users' sequences atomically (one script call; every
-- key of the group lives in one hash slot). Needs Redis 6.2 or later (ZMSCORE).
-- KEYS: for each user, its sequence (score = event time, member = event id and item id) and its
--   de-duplication window (score = ingestion time, member = event id).
-- ARGV[1]: events kept; ARGV[2]: now (ms); ARGV[3]: de-duplication window (ms);
-- ARGV[4]: sequence time-to-live (ms, 0 = none); then, for each user, the number n of its
--   events followed by n (event id, member, event time) triples.
-- Returns, for each user, the number of new (not duplicate) events and their 1-based positions.
local maxLength = tonumber(ARGV[1])
local now = ARGV[2]
local window = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
local horizon = '(' .. (tonumber(now) - window)
local result = {}
local a = 5
for k = 1, #KEYS, 2 do
  local sequence, ids = KEYS[k], KEYS[k + 1]
  local n = tonumber(ARGV[a])
  a = a + 1
  redis.call('ZREMRANGEBYSCORE', ids, '-inf', horizon)
  local eventIds = {}
  for j = 1, n do
    eventIds[j] = ARGV[a + (j - 1) * 3]
  end
  local known = redis.call('ZMSCORE', ids, unpack(eventIds))
  local count = #result + 1
  result[count] = 0
  local fresh, members, seen = {}, {}, {}
  for j = 1, n do
    local id = eventIds[j]
    if not known[j] and not seen[id] then
      seen[id] = true
      fresh[#fresh + 1] = now
      fresh[#fresh + 1] = id
      members[#members + 1] = ARGV[a + 2]
      members[#members + 1] = ARGV[a + 1]
      result[count] = result[count] + 1
      result[#result + 1] = j
    end
    a = a + 3
  end
  if #fresh > 0 then
    redis.call('ZADD', ids, unpack(fresh))
    redis.call('ZADD', sequence, unpack(members))
    local size = redis.call('ZCARD', sequence)
    if size > maxLength then
      redis.call('ZREMRANGEBYRANK', sequence, 0, size - maxLength - 1)
    end
    redis.call('PEXPIRE', ids, window)
    if ttl > 0 then
      redis.call('PEXPIRE', sequence, ttl)
    end
  end
end
return result
