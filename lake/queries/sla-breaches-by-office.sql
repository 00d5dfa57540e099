-- Applications escalated past their SLA on a day, by office (department and district)
SELECT office, count(DISTINCT event_id) AS breaches
FROM events
WHERE dt = ? AND type = 'sla.breached'
GROUP BY office
ORDER BY breaches DESC, office
