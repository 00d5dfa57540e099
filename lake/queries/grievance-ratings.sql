-- Ratings citizens gave on a day to the resolution of their grievances, by service and district (1 poor to 5 good)
SELECT service_id, coalesce(district, '(none)') AS district, count(*) AS ratings,
  round(avg(rating), 2) AS average_rating, count_if(rating <= 2) AS poor, count_if(rating >= 4) AS good
FROM (
  SELECT DISTINCT event_id, service_id, district, rating
  FROM events
  WHERE dt = ? AND type = 'grievance.rated'
) AS rated
GROUP BY service_id, coalesce(district, '(none)')
ORDER BY average_rating, ratings DESC, service_id, district
