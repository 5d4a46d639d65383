// StepFunctionsStartExecution, StepFunctionsInvokeActivity.
'use strict';

module.exports = [
  {
    name: 'stepfunctions-start-execution',
    build: ({ tasks, scope, stateMachine }) =>
      new tasks.StepFunctionsStartExecution(scope, 'Child', { stateMachine: stateMachine('child') }),
  },
  {
    name: 'stepfunctions-start-execution-run-job',
    build: ({ sfn, tasks, scope, stateMachine }) =>
      new tasks.StepFunctionsStartExecution(scope, 'Child', {
        stateMachine: stateMachine('child'),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        input: sfn.TaskInput.fromObject({ order: sfn.JsonPath.stringAt('$.order') }),
        name: sfn.JsonPath.stringAt('$.id'),
        associateWithParent: true,
      }),
  },
  {
    name: 'stepfunctions-start-execution-associate',
    build: ({ tasks, scope, stateMachine }) =>
      new tasks.StepFunctionsStartExecution(scope, 'Child', { stateMachine: stateMachine('child'), associateWithParent: true }),
  },
  {
    name: 'stepfunctions-start-execution-wait-for-task-token',
    build: ({ sfn, tasks, scope, stateMachine }) =>
      new tasks.StepFunctionsStartExecution(scope, 'Child', {
        stateMachine: stateMachine('child'),
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        input: sfn.TaskInput.fromObject({ token: sfn.JsonPath.taskToken }),
        name: 'fixed-name',
      }),
  },
  {
    name: 'stepfunctions-start-execution-jsonata',
    build: ({ sfn, tasks, scope, stateMachine }) =>
      tasks.StepFunctionsStartExecution.jsonata(scope, 'Child', {
        stateMachine: stateMachine('child'),
        associateWithParent: true,
        input: sfn.TaskInput.fromObject({ order: '{% $states.input.order %}' }),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
      }).next(tasks.StepFunctionsStartExecution.jsonata(scope, 'Plain', { stateMachine: stateMachine('child') })),
  },
  {
    name: 'stepfunctions-invoke-activity',
    build: ({ sfn, tasks, scope, activity, cdk }) =>
      new tasks.StepFunctionsInvokeActivity(scope, 'Review', {
        activity: activity('review'),
        heartbeatTimeout: sfn.Timeout.duration(cdk.Duration.seconds(60)),
      }).next(new tasks.StepFunctionsInvokeActivity(scope, 'With parameters', {
        activity: activity('review'),
        parameters: { doc: sfn.JsonPath.stringAt('$.doc'), kind: 'review' },
      })),
  },
  {
    name: 'stepfunctions-invoke-activity-jsonata',
    build: ({ tasks, scope, activity }) =>
      tasks.StepFunctionsInvokeActivity.jsonata(scope, 'Review', {
        activity: activity('review'),
        arguments: { doc: '{% $states.input.doc %}' },
      }),
  },
];
