// Writes tests/fixtures/templates/cdk.out: what `cdk synth` writes for the
// Job Poller of the aws-stepfunctions README (with two Lambda functions of
// its own), rendered by aws-cdk-lib as pinned in package-lock.json.
//
//   cd scripts/cdk-goldens && npm ci && node cdk-out.js
//
// The fixture keeps the stack's template (its definition a DefinitionString
// built by Fn::Join) and a few of the files beside it that are neither
// definitions nor templates.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
process.env.JSII_DEPRECATED = 'quiet';
const cdk = require('aws-cdk-lib');

const OUT = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'templates', 'cdk.out');
const KEEP = ['JobPoller.template.json', 'JobPoller.assets.json', 'manifest.json', 'tree.json', 'cdk.out'];

const sfn = cdk.aws_stepfunctions;
const tasks = cdk.aws_stepfunctions_tasks;
const lambda = cdk.aws_lambda;
const synthesized = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-out-'));
const app = new cdk.App({ outdir: synthesized });
const stack = new cdk.Stack(app, 'JobPoller');
const fn = (id) => new lambda.Function(stack, id, {
  runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async (e) => e;'),
});
const submitLambda = fn('SubmitJob');
const getStatusLambda = fn('GetJobStatus');
const submitJob = new tasks.LambdaInvoke(stack, 'Submit Job', { lambdaFunction: submitLambda, outputPath: '$.guid' });
const waitX = new sfn.Wait(stack, 'Wait X Seconds', { time: sfn.WaitTime.secondsPath('$.waitSeconds') });
const getStatus = new tasks.LambdaInvoke(stack, 'Get Job Status', { lambdaFunction: getStatusLambda, inputPath: '$.guid', outputPath: '$.status' });
const jobFailed = new sfn.Fail(stack, 'Job Failed', { cause: 'AWS Batch Job Failed', error: 'DescribeJob returned FAILED' });
const finalStatus = new tasks.LambdaInvoke(stack, 'Get Final Job Status', { lambdaFunction: getStatusLambda, inputPath: '$.guid', outputPath: '$.Payload' });
const definition = submitJob.next(waitX).next(getStatus).next(new sfn.Choice(stack, 'Job Complete?')
  .when(sfn.Condition.stringEquals('$.status', 'FAILED'), jobFailed)
  .when(sfn.Condition.stringEquals('$.status', 'SUCCEEDED'), finalStatus)
  .otherwise(waitX));
new sfn.StateMachine(stack, 'JobPollerMachine', {
  definitionBody: sfn.DefinitionBody.fromChainable(definition),
  timeout: cdk.Duration.minutes(5),
});
app.synth();
fs.mkdirSync(OUT, { recursive: true });
for (const file of KEEP) fs.copyFileSync(path.join(synthesized, file), path.join(OUT, file));
fs.rmSync(synthesized, { recursive: true, force: true });
console.log(`wrote ${KEEP.length} files into ${path.relative(process.cwd(), OUT)}`);
