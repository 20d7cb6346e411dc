-- baseline_policy.sql - loads policy/*.csv into plain tables for the SQL baseline
-- (bench/baseline.sh). Percentages become parts per million with string arithmetic, so the
-- baseline uses the same integer rates as thuno. Run by the sqlite3 shell with the policy
-- CSVs imported into raw_* tables first.
DROP TABLE IF EXISTS b_rate;
CREATE TABLE b_rate AS
SELECT component, "from" AS from_period,
       CAST(CASE WHEN instr(p, '.') > 0 THEN substr(p, 1, instr(p, '.') - 1) ELSE p END AS INTEGER) * 10000
     + CAST(CASE WHEN instr(p, '.') > 0 THEN substr(substr(p, instr(p, '.') + 1) || '0000', 1, 4) ELSE '0' END AS INTEGER) AS ppm,
       ';' || except_types || ';' AS except_types,
       NULLIF(registered_before, '') AS registered_before
FROM (SELECT *, replace(rate, '%', '') AS p FROM raw_rates);

DROP TABLE IF EXISTS b_base_salary;
CREATE TABLE b_base_salary AS SELECT "from" AS from_period, CAST(amount AS INTEGER) AS amount FROM raw_base_salary;
DROP TABLE IF EXISTS b_min_wage;
CREATE TABLE b_min_wage AS SELECT "from" AS from_period, CAST(region AS INTEGER) AS region, CAST(amount AS INTEGER) AS amount FROM raw_min_wage;
DROP TABLE IF EXISTS b_cap;
CREATE TABLE b_cap AS SELECT "group" AS grp, "from" AS from_period, CAST(multiplier AS INTEGER) AS multiplier, "of" AS cap_of FROM raw_caps;

-- the eight components: their fund flag (declarations.csv `funds` bits) and cap group
DROP TABLE IF EXISTS b_component;
CREATE TABLE b_component (k INTEGER, component TEXT, fund INTEGER, grp TEXT);
INSERT INTO b_component VALUES
  (0, 'pension_employee', 1, 'BHXH'), (1, 'pension_employer', 1, 'BHXH'),
  (2, 'sickness_employer', 1, 'BHXH'), (3, 'tnld_employer', 8, 'BHXH'),
  (4, 'bhyt_employee', 2, 'BHYT'), (5, 'bhyt_employer', 2, 'BHYT'),
  (6, 'bhtn_employee', 4, 'BHTN'), (7, 'bhtn_employer', 4, 'BHTN');

DROP TABLE IF EXISTS b_assessed;
CREATE TABLE b_assessed (period TEXT, unit_code TEXT, bhxh_code TEXT, amount INTEGER);
