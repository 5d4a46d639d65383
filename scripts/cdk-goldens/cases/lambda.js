// LambdaInvoke.
'use strict';

module.exports = [
  {
    name: 'lambda-invoke-defaults',
    build: ({ tasks, scope, fn }) => new tasks.LambdaInvoke(scope, 'Invoke', { lambdaFunction: fn('Charge') }),
  },
  {
    name: 'lambda-invoke-options',
    build: ({ sfn, tasks, scope, fn, cdk }) => {
      const task = new tasks.LambdaInvoke(scope, 'Invoke', {
        lambdaFunction: fn('Charge'),
        payload: sfn.TaskInput.fromObject({ order: sfn.JsonPath.stringAt('$.order'), source: 'api' }),
        invocationType: tasks.LambdaInvocationType.EVENT,
        clientContext: 'eyJhIjoxfQ==',
        qualifier: 'live',
        retryOnServiceExceptions: false,
        resultPath: '$.charge',
        taskTimeout: sfn.Timeout.duration(cdk.Duration.seconds(30)),
        heartbeatTimeout: sfn.Timeout.at('$.beat'),
        comment: 'bills the card',
      });
      task.addRetry({ errors: ['Charge.Busy'], maxAttempts: 2 });
      task.addCatch(new sfn.Fail(scope, 'Failed'), { resultPath: '$.error' });
      return task;
    },
  },
  {
    name: 'lambda-invoke-text-payload',
    build: ({ sfn, tasks, scope, fn }) =>
      new tasks.LambdaInvoke(scope, 'Invoke', {
        lambdaFunction: fn('Charge'),
        payload: sfn.TaskInput.fromText('hello'),
        invocationType: tasks.LambdaInvocationType.DRY_RUN,
      }).next(new tasks.LambdaInvoke(scope, 'From path', {
        lambdaFunction: fn('Charge'),
        payload: sfn.TaskInput.fromJsonPathAt('$.input'),
        invocationType: tasks.LambdaInvocationType.REQUEST_RESPONSE,
      })),
  },
  {
    name: 'lambda-invoke-payload-response-only',
    build: ({ sfn, tasks, scope, fn }) =>
      new tasks.LambdaInvoke(scope, 'Direct', {
        lambdaFunction: fn('Charge'),
        payloadResponseOnly: true,
        payload: sfn.TaskInput.fromObject({ id: sfn.JsonPath.stringAt('$.id') }),
      }),
  },
  {
    name: 'lambda-invoke-wait-for-task-token',
    build: ({ cdk, sfn, tasks, scope, fn }) =>
      new tasks.LambdaInvoke(scope, 'Approve', {
        lambdaFunction: fn('Approve'),
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: sfn.TaskInput.fromObject({ token: sfn.JsonPath.taskToken, order: sfn.JsonPath.entirePayload }),
        heartbeatTimeout: sfn.Timeout.duration(cdk.Duration.minutes(5)),
      }),
  },
  {
    name: 'lambda-invoke-jsonata',
    build: ({ sfn, tasks, scope, fn }) =>
      tasks.LambdaInvoke.jsonata(scope, 'Invoke', {
        lambdaFunction: fn('Charge'),
        outputs: '{% $states.result.Payload %}',
      }).next(tasks.LambdaInvoke.jsonata(scope, 'With payload', {
        lambdaFunction: fn('Charge'),
        payload: sfn.TaskInput.fromObject({ id: '{% $states.input.id %}' }),
        qualifier: '{% $states.input.version %}',
      }).next(tasks.LambdaInvoke.jsonata(scope, 'Callback', {
        lambdaFunction: fn('Approve'),
        payload: sfn.TaskInput.fromObject({ token: '{% $states.context.Task.Token %}' }),
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      }))),
  },
  {
    name: 'lambda-invoke-jsonata-machine',
    queryLanguage: 'JSONata',
    build: ({ tasks, scope, fn }) =>
      tasks.LambdaInvoke.jsonata(scope, 'Invoke', { lambdaFunction: fn('Charge'), assign: { charged: '{% $states.result.Payload %}' } }),
  },
  {
    name: 'lambda-invoke-jsonata-options',
    build: ({ sfn, tasks, scope, fn }) =>
      tasks.LambdaInvoke.jsonata(scope, 'Invoke', {
        lambdaFunction: fn('Charge'),
        payload: sfn.TaskInput.fromObject({ order: '{% $states.input.order %}', source: 'api' }),
        invocationType: tasks.LambdaInvocationType.EVENT,
        clientContext: 'eyJhIjoxfQ==',
        retryOnServiceExceptions: false,
      }).next(tasks.LambdaInvoke.jsonata(scope, 'Direct', {
        lambdaFunction: fn('Charge'),
        payloadResponseOnly: true,
        payload: sfn.TaskInput.fromObject({ id: '{% $states.input.id %}' }),
      })),
  },
];
