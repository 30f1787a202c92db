-- Counts a batch's new events: item popularity and the ingested-events counter, atomically.
-- KEYS[1]: item popularity (sorted set); KEYS[2]: ingested-events counter (same hash tag).
-- ARGV[1]: new events in the batch; then (item id, count) pairs.
for i = 2, #ARGV, 2 do
  redis.call('ZINCRBY', KEYS[1], ARGV[i + 1], ARGV[i])
end
return redis.call('INCRBY', KEYS[2], ARGV[1])
