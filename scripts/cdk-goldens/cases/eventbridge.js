// EventBridgePutEvents, EventBridgeSchedulerCreateScheduleTask.
'use strict';

module.exports = [
  {
    name: 'eventbridge-put-events',
    build: ({ sfn, tasks, scope, eventBus }) =>
      new tasks.EventBridgePutEvents(scope, 'Announce', {
        entries: [
          { detail: sfn.TaskInput.fromObject({ order: sfn.JsonPath.stringAt('$.order') }), detailType: 'OrderPlaced', source: 'shop.orders' },
          { detail: sfn.TaskInput.fromJsonPathAt('$.detail'), detailType: 'Audit', source: 'shop.audit', eventBus: eventBus('audit') },
        ],
      }),
  },
  {
    name: 'eventbridge-put-events-wait-for-task-token',
    build: ({ sfn, tasks, scope }) =>
      new tasks.EventBridgePutEvents(scope, 'Ask', {
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        entries: [{ detail: sfn.TaskInput.fromObject({ token: sfn.JsonPath.taskToken }), detailType: 'Approval', source: 'shop' }],
      }),
  },
  {
    name: 'eventbridge-put-events-jsonata',
    queryLanguage: 'JSONata',
    build: ({ sfn, tasks, scope }) =>
      tasks.EventBridgePutEvents.jsonata(scope, 'Announce', {
        entries: [{ detail: sfn.TaskInput.fromText('{% $states.input %}'), detailType: '{% $states.input.kind %}', source: 'shop' }],
      }),
  },
  {
    name: 'eventbridge-scheduler-create-schedule',
    build: ({ cdk, tasks, scope, role, fn }) =>
      new tasks.EventBridgeSchedulerCreateScheduleTask(scope, 'Schedule', {
        scheduleName: 'reminder',
        schedule: tasks.Schedule.rate(cdk.Duration.hours(1)),
        target: new tasks.EventBridgeSchedulerTarget({ arn: fn('Remind').functionArn, role: role('Scheduler') }),
      }),
  },
  {
    name: 'eventbridge-scheduler-create-schedule-options',
    build: ({ cdk, tasks, scope, role, fn, queue, arn }) =>
      new tasks.EventBridgeSchedulerCreateScheduleTask(scope, 'Schedule', {
        scheduleName: 'reminder',
        actionAfterCompletion: tasks.ActionAfterCompletion.DELETE,
        clientToken: 'token-1',
        description: 'nightly reminder',
        startDate: new Date('2026-01-01T00:00:00Z'),
        endDate: new Date('2026-12-31T00:00:00Z'),
        flexibleTimeWindow: cdk.Duration.minutes(10),
        groupName: 'reminders',
        kmsKey: cdk.aws_kms.Key.fromKeyArn(scope, 'Key', arn('kms', 'key/k')),
        schedule: tasks.Schedule.cron({ minute: '0', hour: '2' }),
        timezone: 'Europe/Paris',
        enabled: false,
        target: new tasks.EventBridgeSchedulerTarget({
          arn: fn('Remind').functionArn,
          role: role('Scheduler'),
          input: '{"kind":"reminder"}',
          retryPolicy: { maximumRetryAttempts: 3, maximumEventAge: cdk.Duration.hours(1) },
          deadLetterQueue: queue('dlq'),
        }),
      }).next(new tasks.EventBridgeSchedulerCreateScheduleTask(scope, 'Once', {
        scheduleName: 'once',
        schedule: tasks.Schedule.oneTime(new Date('2026-06-01T12:30:00Z')),
        target: new tasks.EventBridgeSchedulerTarget({ arn: fn('Remind').functionArn, role: role('Scheduler') }),
      })).next(new tasks.EventBridgeSchedulerCreateScheduleTask(scope, 'Weekly', {
        scheduleName: 'weekly',
        schedule: tasks.Schedule.cron({ weekDay: 'MON', hour: '9', minute: '0', month: '*', year: '2026' }),
        target: new tasks.EventBridgeSchedulerTarget({ arn: fn('Remind').functionArn, role: role('Scheduler') }),
      })).next(new tasks.EventBridgeSchedulerCreateScheduleTask(scope, 'Daily', {
        scheduleName: 'daily',
        schedule: tasks.Schedule.rate(cdk.Duration.days(1)),
        target: new tasks.EventBridgeSchedulerTarget({ arn: fn('Remind').functionArn, role: role('Scheduler') }),
      })).next(new tasks.EventBridgeSchedulerCreateScheduleTask(scope, 'Often', {
        scheduleName: 'often',
        schedule: tasks.Schedule.rate(cdk.Duration.minutes(5)),
        target: new tasks.EventBridgeSchedulerTarget({ arn: fn('Remind').functionArn, role: role('Scheduler') }),
      })),
  },
  {
    name: 'eventbridge-scheduler-create-schedule-jsonata',
    queryLanguage: 'JSONata',
    build: ({ cdk, tasks, scope, role, fn }) =>
      tasks.EventBridgeSchedulerCreateScheduleTask.jsonata(scope, 'Schedule', {
        scheduleName: '{% $states.input.name %}',
        schedule: tasks.Schedule.rate(cdk.Duration.hours(1)),
        description: '{% $states.input.description %}',
        target: new tasks.EventBridgeSchedulerTarget({
          arn: fn('Remind').functionArn,
          role: role('Scheduler'),
          input: '{% $string($states.input.reminder) %}',
        }),
      }),
  },
  {
    name: 'eventbridge-scheduler-create-schedule-jsonata-options',
    build: ({ cdk, tasks, scope, role, fn, queue, arn }) =>
      tasks.EventBridgeSchedulerCreateScheduleTask.jsonata(scope, 'Schedule', {
        scheduleName: 'reminder',
        actionAfterCompletion: tasks.ActionAfterCompletion.DELETE,
        clientToken: 'token-1',
        description: 'nightly reminder',
        startDate: new Date('2026-01-01T00:00:00Z'),
        endDate: new Date('2026-12-31T00:00:00Z'),
        flexibleTimeWindow: cdk.Duration.minutes(10),
        groupName: 'reminders',
        kmsKey: cdk.aws_kms.Key.fromKeyArn(scope, 'Key', arn('kms', 'key/k')),
        schedule: tasks.Schedule.cron({ minute: '0', hour: '2' }),
        timezone: 'Europe/Paris',
        enabled: false,
        target: new tasks.EventBridgeSchedulerTarget({
          arn: fn('Remind').functionArn,
          role: role('Scheduler'),
          input: '{"kind":"reminder"}',
          retryPolicy: { maximumRetryAttempts: 3, maximumEventAge: cdk.Duration.hours(1) },
          deadLetterQueue: queue('dlq'),
        }),
      }),
  },
];
