// Runs executions with aws-local-stepfunctions, in one process.
//
//   node local-stepfunctions.mjs run < cases.jsonl
//     each line {"definition": {...}, "input": ...} gives one line
//     {"status", "output", "error", "cause"} in the shape of `stepfn run --format json`
//   node local-stepfunctions.mjs bench counter TURNS | map ITEMS
//     runs the benchmark workflow once to warm up, then times one run in
//     process and prints "transitions_or_items<TAB>seconds"
//   node local-stepfunctions.mjs once DEFINITION_FILE INPUT_JSON
//     one execution, as a whole process would run it
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { StateMachine, ExecutionError, ExecutionTimeoutError } from 'aws-local-stepfunctions';

async function execute(definition, input) {
  let machine;
  try {
    machine = new StateMachine(definition, { validationOptions: { checkPaths: false, checkArn: false } });
  } catch (e) {
    return { status: 'INVALID', output: null, error: 'Definition', cause: String(e.message) };
  }
  try {
    const output = await machine.run(input).result;
    return { status: 'SUCCEEDED', output: output === undefined ? null : output, error: null, cause: null };
  } catch (e) {
    if (e instanceof ExecutionTimeoutError) {
      return { status: 'TIMED_OUT', output: null, error: 'States.Timeout', cause: null };
    }
    const inner = e instanceof ExecutionError ? e.cause : e;
    return {
      status: 'FAILED',
      output: null,
      error: inner && inner.name ? String(inner.name) : 'Error',
      cause: inner && inner.message !== undefined ? String(inner.message) : null,
    };
  }
}

const COUNTER = {
  StartAt: 'Add',
  States: {
    Add: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)', 'limit.$': '$.limit' }, Next: 'Check' },
    Check: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThanPath: '$.limit', Next: 'Add' }], Default: 'Done' },
    Done: { Type: 'Succeed' },
  },
};
const MAP = {
  StartAt: 'M',
  States: { M: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } } },
};

async function bench(kind, size) {
  const [definition, input, count] = kind === 'counter'
    ? [COUNTER, { n: 0, limit: size }, 2 * size + 1]
    : [MAP, Array.from({ length: size }, (_, i) => ({ id: i })), size];
  const machine = new StateMachine(definition, { validationOptions: { checkPaths: false } });
  await machine.run(kind === 'counter' ? { n: 0, limit: Math.min(size, 1000) } : input.slice(0, 1000)).result;
  const start = process.hrtime.bigint();
  await machine.run(input).result;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(`${count}\t${seconds}\n`);
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'run') {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const { definition, input } = JSON.parse(line);
    process.stdout.write(JSON.stringify(await execute(definition, input)) + '\n');
  }
} else if (mode === 'bench') {
  await bench(a, Number(b));
} else if (mode === 'once') {
  const result = await execute(JSON.parse(readFileSync(a, 'utf8')), JSON.parse(b));
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exitCode = result.status === 'SUCCEEDED' ? 0 : 1;
} else {
  process.stderr.write('usage: local-stepfunctions.mjs run | bench counter|map N | once FILE INPUT\n');
  process.exitCode = 2;
}
