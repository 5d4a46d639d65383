// Which options of the task classes no case uses: reads the props interfaces
// from aws-stepfunctions-tasks' type declarations (following `extends` within
// the module, not into aws-stepfunctions' shared state props) and compares
// them with the props the cases passed. Also which task classes no JSONata
// state of any case uses.
'use strict';

const fs = require('fs');
const path = require('path');

const LIB = path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')), 'aws-stepfunctions-tasks', 'lib');

// Task classes stepfn leaves out: both need a Lambda function the CDK deploys.
const LEFT_OUT = new Set(['EvaluateExpression', 'CallAwsServiceCrossRegion']);

// Options no golden can show, with the reason.
const UNCOVERABLE = new Map([
  // The CDK refuses an imported key here, and a key it creates has an ARN
  // only CloudFormation knows.
  ['BedrockCreateModelCustomizationJob.customModelKmsKey', 'needs a key created in the stack'],
  // The CDK writes these wrongly, so AWS would refuse its render: each
  // container as `{"parameters": {...}}`, and an accelerator type as an object.
  ['SageMakerCreateModel.containers', 'the CDK writes {"parameters": ...} for each container'],
]);

// Task classes no JSONata golden can show, with the reason.
const NO_JSONATA = new Map([
  // In a JSONata state the CDK still writes the input as `Parameters`, which
  // AWS refuses there (it takes `Arguments`).
  ['BedrockCreateModelCustomizationJob', 'the CDK writes `Parameters` in a JSONata state'],
]);

/** Every `.d.ts` file under `dir`. */
function declarations(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...declarations(full));
    else if (entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Interfaces by name: their bases and their non-deprecated members. */
function interfaces() {
  const found = new Map();
  for (const file of declarations(LIB)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    let current = null;
    let depth = 0;
    let deprecated = false;
    for (const line of lines) {
      const head = line.match(/^(?:export )?interface (\w+)(?: extends ([^{]+))?\s*\{/);
      if (head && depth === 0) {
        current = { bases: (head[2] ?? '').split(',').map((b) => b.trim()).filter(Boolean), members: [] };
        found.set(head[1], current);
        depth = 1;
        continue;
      }
      if (!current) continue;
      if (line.includes('@deprecated')) deprecated = true;
      const member = line.match(/^ {4}readonly (\w+)\??:/);
      if (member && depth === 1) {
        if (!deprecated) current.members.push(member[1]);
        deprecated = false;
      }
      for (const c of line.replace(/\/\/.*$/, '')) {
        if (c === '{') depth++;
        if (c === '}') depth--;
      }
      if (depth === 0) current = null;
    }
  }
  return found;
}

/** The task classes the module exports (subclasses of TaskStateBase). */
function taskClasses() {
  const cdk = require('aws-cdk-lib');
  const base = cdk.aws_stepfunctions.TaskStateBase;
  return Object.entries(cdk.aws_stepfunctions_tasks)
    .filter(([, v]) => typeof v === 'function' && v.prototype instanceof base)
    .map(([name]) => name)
    .filter((name) => !LEFT_OUT.has(name));
}

/** The members of `name` and of its bases within the module. */
function members(all, name, seen = new Set()) {
  if (seen.has(name) || !all.has(name)) return [];
  seen.add(name);
  const i = all.get(name);
  return [...i.members, ...i.bases.flatMap((b) => members(all, b, seen))];
}

/** `Class.option` for every option no case used, and `Class` for classes with no case. */
function coverage(recorded) {
  const all = interfaces();
  const missing = [];
  for (const name of taskClasses().sort()) {
    const used = recorded.get(name);
    if (!used) {
      missing.push(`${name} (no case)`);
      continue;
    }
    for (const option of new Set(members(all, `${name}Props`))) {
      if (!used.has(option) && !UNCOVERABLE.has(`${name}.${option}`)) missing.push(`${name}.${option}`);
    }
  }
  return missing;
}

/** The task classes no JSONata case used (leaving out those in NO_JSONATA). */
function jsonataCoverage(jsonataClasses) {
  return taskClasses().sort().filter((name) => !jsonataClasses.has(name) && !NO_JSONATA.has(name));
}

module.exports = { coverage, jsonataCoverage, taskClasses };
