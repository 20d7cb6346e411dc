-- peer_month.sql - the month's assessment and payments per unit as one INSERT ... SELECT, the
-- window-function peer of thuno's close (bench/peers.sh, docs/performance.md): the
-- declaration in force per worker by row_number() over (unit, worker) newest from_period
-- first, caps by min(), rates as constants of the month. bench/peers.sh replaces, before
-- running it: :M the month, :FIRST the window's first month, :END the month's last day,
-- :NEXT the next month's first day, :AMOUNT the per-worker amount built from the policy of
-- the month (constants; with LEAST and DIVOP, the engine's min of two values and integer
-- division).
INSERT INTO p_unit (unit_code, assessed, paid)
WITH d AS (
  SELECT unit_code, bhxh_code, kind, salary, funds,
         row_number() OVER (PARTITION BY unit_code, bhxh_code ORDER BY from_period DESC) AS rn
  FROM declaration
  WHERE superseded_at IS NULL AND from_period <= ':M' AND substr(declared_on, 1, 7) <= ':M'
),
a AS (
  SELECT d.unit_code, sum(:AMOUNT) AS assessed
  FROM d JOIN unit u ON u.unit_code = d.unit_code AND u.superseded_at IS NULL
                     AND u.registered_on <= ':END'
  WHERE d.rn = 1 AND d.kind <> 'decrease'
  GROUP BY d.unit_code
),
pay AS (
  SELECT unit_code, txn_id, paid_on, amount, reverses FROM payment
  WHERE superseded_at IS NULL AND suspense IS NULL AND unit_code IS NOT NULL AND paid_on <= ':END'
),
p AS (
  SELECT x.unit_code,
         sum(CASE WHEN x.paid_on >= ':M-01' AND r.txn_id IS NULL THEN x.amount
                  WHEN x.paid_on < ':M-01' AND r.paid_on >= ':M-01' THEN -x.amount
                  ELSE 0 END) AS paid
  FROM pay x JOIN unit u ON u.unit_code = x.unit_code AND u.superseded_at IS NULL
                           AND u.registered_on <= ':END'
  LEFT JOIN pay r ON r.reverses = x.txn_id AND r.unit_code = x.unit_code
  WHERE x.reverses IS NULL AND x.paid_on >= ':FIRST-01'
  GROUP BY x.unit_code
)
SELECT unit_code, sum(assessed), sum(paid) FROM (
  SELECT unit_code, assessed, 0 AS paid FROM a
  UNION ALL
  SELECT unit_code, 0, paid FROM p
) GROUP BY unit_code;
