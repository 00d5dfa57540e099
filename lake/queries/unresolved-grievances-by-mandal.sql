-- Grievances registered up to a day that have no outcome yet, by district and mandal
SELECT coalesce(district, '(none)') AS district, coalesce(mandal, '(none)') AS mandal, count(*) AS unresolved
FROM (
  SELECT application_id, max(district) AS district, max(mandal) AS mandal, max_by(state, occurred_at) AS state
  FROM events
  WHERE dt <= ? AND service_kind = 'grievance' AND application_id IS NOT NULL
    AND type IN ('application.submitted', 'application.changed')
  GROUP BY application_id
) AS grievances
WHERE state IN ('received', 'processing', 'awaiting-payment', 'paid', 'awaiting-approval')
GROUP BY coalesce(district, '(none)'), coalesce(mandal, '(none)')
ORDER BY unresolved DESC, district, mandal
