-- baseline_month.sql - the monthly assessment of period :M as straightforward SQL: for each
-- worker the declaration in force (latest from_period <= M among rows filed by the end of M),
-- each component's rate (latest applicable policy line), the capped base, and the amount
-- rounded half-up to the đồng: (base x ppm + 500,000) / 1,000,000. The caller replaces :M.
INSERT INTO b_assessed (period, unit_code, bhxh_code, amount)
WITH decl AS (
  SELECT d.unit_code, d.bhxh_code, d.kind, d.salary, d.funds
  FROM declaration d
  WHERE d.superseded_at IS NULL AND d.from_period <= ':M' AND substr(d.declared_on, 1, 7) <= ':M'
    AND d.from_period = (SELECT max(d2.from_period) FROM declaration d2
                         WHERE d2.unit_code = d.unit_code AND d2.bhxh_code = d.bhxh_code
                           AND d2.superseded_at IS NULL AND d2.from_period <= ':M'
                           AND substr(d2.declared_on, 1, 7) <= ':M')
),
u AS (
  SELECT unit_code, type, wage_region, registered_on FROM unit
  WHERE superseded_at IS NULL AND registered_on <= date(':M-01', '+1 month', '-1 day')
),
caps AS (
  SELECT c.grp, m.region,
         c.multiplier * CASE c.cap_of
           WHEN 'base_salary' THEN (SELECT amount FROM b_base_salary WHERE from_period <= ':M' ORDER BY from_period DESC LIMIT 1)
           ELSE m.amount END AS cap
  FROM b_cap c
  JOIN (SELECT region, amount FROM b_min_wage mw
        WHERE from_period = (SELECT max(from_period) FROM b_min_wage WHERE region = mw.region AND from_period <= ':M')) m
  WHERE c.from_period = (SELECT max(from_period) FROM b_cap WHERE grp = c.grp AND from_period <= ':M')
),
lines AS (
  SELECT decl.unit_code, decl.bhxh_code, comp.k,
         min(decl.salary, caps.cap) AS base,
         (SELECT r.ppm FROM b_rate r
          WHERE r.component = comp.component AND r.from_period <= ':M'
            AND instr(r.except_types, ';' || u.type || ';') = 0
            AND (r.registered_before IS NULL OR u.registered_on < r.registered_before)
          ORDER BY r.from_period DESC LIMIT 1) AS ppm
  FROM decl
  JOIN u ON u.unit_code = decl.unit_code
  JOIN b_component comp ON (decl.funds & comp.fund) != 0
  JOIN caps ON caps.grp = comp.grp AND caps.region = u.wage_region
  WHERE decl.kind != 'decrease'
)
SELECT ':M', unit_code, bhxh_code, sum((base * ppm + 500000) / 1000000) FROM lines
GROUP BY unit_code, bhxh_code;
