-- Median and 90th percentile of seconds from submission to the document issued, by service, for documents issued on a day
SELECT service_id,
  count(*) AS issued,
  approx_percentile(seconds_since_submitted, 0.5) AS median_seconds,
  approx_percentile(seconds_since_submitted, 0.9) AS p90_seconds
FROM (
  SELECT DISTINCT event_id, service_id, seconds_since_submitted
  FROM events
  WHERE dt = ? AND type = 'application.changed' AND state = 'issued'
) AS issued_documents
GROUP BY service_id
ORDER BY issued DESC, service_id
