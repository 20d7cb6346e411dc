// peer_duckdb.mjs - the DuckDB peer of bench/peers.sh: loads the CSV exports of the store's
// current declarations, units and payments into an in-memory DuckDB on one thread (not timed),
// runs the month's query (peer_month.sql as peers.sh made it for DuckDB) and writes its rows
// to a CSV; prints the query's CPU time (user + system of this process) as duckdb_cpu_s=S.
// usage: node bench/peer_duckdb.mjs DIR QUERY.sql OUT.csv
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, queryFile, out] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const db = await instance.connect();
const load = (table, cols) =>
  db.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${dir}/${table}.csv', header = true,
          columns = {${Object.entries(cols).map(([k, v]) => `'${k}': '${v}'`).join(', ')}})`);
await load('declaration', {
  unit_code: 'VARCHAR', bhxh_code: 'VARCHAR', from_period: 'VARCHAR', kind: 'VARCHAR',
  salary: 'BIGINT', funds: 'BIGINT', declared_on: 'VARCHAR', superseded_at: 'VARCHAR' });
await load('unit', {
  unit_code: 'VARCHAR', wage_region: 'BIGINT', registered_on: 'VARCHAR', superseded_at: 'VARCHAR' });
await load('payment', {
  txn_id: 'VARCHAR', unit_code: 'VARCHAR', paid_on: 'VARCHAR', amount: 'BIGINT',
  reverses: 'VARCHAR', suspense: 'VARCHAR', superseded_at: 'VARCHAR' });
await db.run('CREATE TABLE p_unit (unit_code VARCHAR, assessed BIGINT, paid BIGINT)');
const sql = readFileSync(queryFile, 'utf8');
const t0 = process.cpuUsage();
await db.run(sql);
const t = process.cpuUsage(t0);
await db.run(`COPY (SELECT * FROM p_unit ORDER BY unit_code) TO '${out}' (HEADER)`);
const cpu = (t.user + t.system) / 1e6;
console.log(`peer duckdb: the month's query in ${cpu.toFixed(3)} s of CPU (in memory, one thread)`);
console.log(`duckdb_cpu_s=${cpu.toFixed(3)}`);
