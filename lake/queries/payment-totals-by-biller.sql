-- Payments captured on a day by biller (the service paid for), in paise
SELECT biller, count(*) AS payments, sum(amount_paise) AS total_paise
FROM (
  SELECT DISTINCT event_id, biller, amount_paise
  FROM events
  WHERE dt = ? AND type = 'payment.captured'
) AS payments
GROUP BY biller
ORDER BY total_paise DESC, biller
