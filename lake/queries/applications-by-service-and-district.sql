-- Applications submitted on a day (India date, the parameter), by service and district
SELECT service_id, coalesce(district, '(none)') AS district, count(DISTINCT event_id) AS applications
FROM events
WHERE dt = ? AND type = 'application.submitted'
GROUP BY service_id, coalesce(district, '(none)')
ORDER BY applications DESC, service_id, district
