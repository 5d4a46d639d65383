// The jsonata-js side of `jsonata_vs_js.sh`: evaluates each case of the
// cases file repeatedly with jsonata 2.0.6 and prints one line per case:
// name<TAB>nanoseconds per evaluation<TAB>result as JSON.
//
//   node jsonata_vs_js.js CASES.json   (with jsonata resolvable from NODE_PATH)
'use strict';
const jsonata = require('jsonata');
const fs = require('fs');

async function measure(c) {
  const expr = jsonata(c.expr);
  const input = c.input === null ? undefined : c.input;
  const run = () => expr.evaluate(input, c.bindings);
  const result = await run();
  // batch size: about 10 ms per batch
  let calls = 0;
  let start = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - start) < 50e6) {
    await run();
    calls++;
  }
  const perCall = Number(process.hrtime.bigint() - start) / calls;
  const batch = Math.max(1, Math.round(10e6 / perCall));
  const samples = [];
  const deadline = process.hrtime.bigint() + 1000000000n;
  while (process.hrtime.bigint() < deadline || samples.length < 5) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) {
      await run();
    }
    samples.push(Number(process.hrtime.bigint() - t) / batch);
  }
  samples.sort((a, b) => a - b);
  return [samples[Math.floor(samples.length / 2)], result === undefined ? 'undefined' : JSON.stringify(result)];
}

(async () => {
  const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  for (const c of cases) {
    const [ns, result] = await measure(c);
    process.stdout.write(`${c.name}\t${ns.toFixed(0)}\t${result}\n`);
  }
})();
