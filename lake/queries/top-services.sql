-- The ten services most applied for on a day, with how many of those were issued and rejected by now
SELECT service_id,
  count(DISTINCT CASE WHEN type = 'application.submitted' THEN application_id END) AS applications,
  count(DISTINCT CASE WHEN state = 'issued' THEN application_id END) AS issued,
  count(DISTINCT CASE WHEN state = 'rejected' THEN application_id END) AS rejected
FROM events
WHERE dt >= ? AND application_id IN (
  SELECT application_id FROM events WHERE dt = ? AND type = 'application.submitted'
)
GROUP BY service_id
ORDER BY applications DESC, service_id
LIMIT 10
