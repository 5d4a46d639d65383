// Renders the golden files of stepfn's typed service integrations with the
// AWS CDK itself (aws-cdk-lib, pinned in package-lock.json).
//
//   cd scripts/cdk-goldens && npm ci && node render.js
//
// Every case in cases/*.js builds one state machine in a stack of its own
// (account 123456789012, region us-east-1). For each, the script writes
// tests/fixtures/cdk-tasks/<case>.json holding the rendered definition and
// the policy document the CDK attaches to the state machine's role, with
// every CloudFormation token resolved for that account and region.
//
// It then checks that every option (prop) of every task class is used by at
// least one case, and that every task class has at least one case in each
// query language, and fails naming what is not covered.
'use strict';

const fs = require('fs');
const path = require('path');
process.env.JSII_DEPRECATED = 'quiet';
process.env.TZ = 'UTC'; // Schedule.oneTime writes the local time
const cdk = require('aws-cdk-lib');
const { coverage, jsonataCoverage } = require('./coverage');

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const OUT = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'cdk-tasks');

const sfn = cdk.aws_stepfunctions;
const recorded = new Map(); // task class -> Set of prop names used
const jsonataClasses = new Set(); // task classes some JSONata state uses
let caseLanguage; // the query language of the case being rendered
const tasks = recordingTasks(cdk.aws_stepfunctions_tasks);

/** The task classes, each recording the props it is constructed with. */
function recordingTasks(module) {
  const wrapped = {};
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== 'function' || !(value.prototype instanceof sfn.TaskStateBase)) {
      wrapped[name] = value;
      continue;
    }
    const record = (props) => {
      const used = recorded.get(name) ?? new Set();
      for (const key of Object.keys(props ?? {})) used.add(key);
      recorded.set(name, used);
      const language = props?.queryLanguage ?? caseLanguage;
      if (language === sfn.QueryLanguage.JSONATA) jsonataClasses.add(name);
    };
    const Wrapped = class extends value {
      constructor(scope, id, props) {
        record(props);
        super(scope, id, props);
      }
    };
    Wrapped.jsonata = (scope, id, props) => new Wrapped(scope, id, { ...props, queryLanguage: sfn.QueryLanguage.JSONATA });
    Wrapped.jsonPath = (scope, id, props) => new Wrapped(scope, id, props);
    wrapped[name] = Wrapped;
  }
  return wrapped;
}

/** Resolves the CloudFormation functions the CDK leaves in a template. */
function resolve(value, resources) {
  if (Array.isArray(value)) return value.map((v) => resolve(v, resources));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [key] = keys;
    const arg = value[key];
    if (key === 'Ref') return ref(arg, resources);
    if (key === 'Fn::Join') return resolve(arg[1], resources).join(arg[0]);
    if (key === 'Fn::Select') return resolve(arg[1], resources)[arg[0]];
    if (key === 'Fn::Split') return resolve(arg[1], resources).split(arg[0]);
    if (key === 'Fn::GetAtt') return getAtt(arg, resources);
  }
  const out = {};
  for (const [k, v] of Object.entries(value)) out[k] = resolve(v, resources);
  return out;
}

function ref(name, resources) {
  const pseudo = {
    'AWS::Partition': 'aws',
    'AWS::Region': REGION,
    'AWS::AccountId': ACCOUNT,
    'AWS::URLSuffix': 'amazonaws.com',
  };
  if (name in pseudo) return pseudo[name];
  const resource = resources[name];
  if (!resource) throw new Error(`cannot resolve Ref ${name}`);
  if (resource.Type === 'AWS::ECS::TaskDefinition') {
    return `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${resource.Properties.Family}:1`;
  }
  throw new Error(`cannot resolve Ref to a ${resource.Type}`);
}

function getAtt([name, attribute], resources) {
  const resource = resources[name];
  if (!resource) throw new Error(`cannot resolve Fn::GetAtt ${name}`);
  // A security group the CDK creates for a task (SageMaker training jobs).
  if (resource.Type === 'AWS::EC2::SecurityGroup' && attribute === 'GroupId') return 'sg-created-by-the-cdk';
  throw new Error(`cannot resolve Fn::GetAtt ${name}.${attribute} of a ${resource.Type}`);
}

/** What a case file gets: the CDK modules and helpers that import resources by ARN. */
function helpers(scope) {
  let n = 0;
  const id = (kind) => `${kind}${++n}`;
  const arn = (service, resource) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
  return {
    cdk, sfn, tasks, scope, ACCOUNT, REGION, arn,
    fn: (name) => cdk.aws_lambda.Function.fromFunctionArn(scope, id('Fn'), arn('lambda', `function:${name}`)),
    topic: (name) => cdk.aws_sns.Topic.fromTopicArn(scope, id('Topic'), arn('sns', name)),
    queue: (name) => cdk.aws_sqs.Queue.fromQueueArn(scope, id('Queue'), arn('sqs', name)),
    table: (name) => cdk.aws_dynamodb.Table.fromTableName(scope, id('Table'), name),
    tableArn: (name) => cdk.aws_dynamodb.Table.fromTableArn(scope, id('Table'), arn('dynamodb', `table/${name}`)),
    stateMachine: (name) => sfn.StateMachine.fromStateMachineArn(scope, id('Sm'), arn('states', `stateMachine:${name}`)),
    activity: (name) => sfn.Activity.fromActivityArn(scope, id('Activity'), arn('states', `activity:${name}`)),
    eventBus: (name) => cdk.aws_events.EventBus.fromEventBusArn(scope, id('Bus'), arn('events', `event-bus/${name}`)),
    connection: (name, secretArn) => cdk.aws_events.Connection.fromConnectionAttributes(scope, id('Connection'), {
      connectionArn: arn('events', `connection/${name}/5f2c`),
      connectionName: name,
      connectionSecretArn: secretArn ?? arn('secretsmanager', `secret:events!connection/${name}/*`),
    }),
    restApi: (apiId) => cdk.aws_apigateway.RestApi.fromRestApiId(scope, id('Api'), apiId),
    role: (name) => cdk.aws_iam.Role.fromRoleArn(scope, id('Role'), `arn:aws:iam::${ACCOUNT}:role/${name}`, { mutable: false }),
    id,
  };
}

/** Renders one case: the definition and the role's policy, tokens resolved. */
function render(kase) {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Golden', { env: { account: ACCOUNT, region: REGION } });
  const h = helpers(stack);
  caseLanguage = kase.queryLanguage;
  const definition = kase.build(h);
  const machine = new sfn.StateMachine(stack, 'Machine', {
    definitionBody: sfn.DefinitionBody.fromChainable(definition),
    queryLanguage: kase.queryLanguage,
  });
  const template = app.synth().getStackByName(stack.stackName).template;
  const resources = template.Resources;
  const logicalId = stack.getLogicalId(machine.node.defaultChild);
  const asl = JSON.parse(resolve(resources[logicalId].Properties.DefinitionString, resources));
  const policies = Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy');
  const policy = policies.length ? resolve(policies[0].Properties.PolicyDocument, resources) : null;
  return { definition: asl, policy };
}

function main() {
  const dir = path.join(__dirname, 'cases');
  const names = new Set();
  fs.mkdirSync(OUT, { recursive: true });
  for (const file of fs.readdirSync(OUT)) {
    if (file.endsWith('.json')) fs.unlinkSync(path.join(OUT, file));
  }
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
    for (const kase of require(path.join(dir, file))) {
      if (names.has(kase.name)) throw new Error(`two cases named ${kase.name}`);
      names.add(kase.name);
      const golden = render(kase);
      fs.writeFileSync(path.join(OUT, `${kase.name}.json`), JSON.stringify(golden, null, 2) + '\n');
    }
  }
  console.log(`rendered ${names.size} cases into ${path.relative(process.cwd(), OUT)}`);
  const missing = coverage(recorded);
  if (missing.length) {
    console.error('options no case uses:\n  ' + missing.join('\n  '));
    process.exit(1);
  }
  console.log(`every option of the ${recorded.size} task classes used is covered`);
  const noJsonata = jsonataCoverage(jsonataClasses);
  if (noJsonata.length) {
    console.error('task classes no JSONata case uses:\n  ' + noJsonata.join('\n  '));
    process.exit(1);
  }
  console.log(`${jsonataClasses.size} task classes have a JSONata case`);
}

main();
