// SqsSendMessage.
'use strict';

module.exports = [
  {
    name: 'sqs-send-message',
    build: ({ sfn, tasks, scope, queue }) =>
      new tasks.SqsSendMessage(scope, 'Send', { queue: queue('orders'), messageBody: sfn.TaskInput.fromJsonPathAt('$.order') }),
  },
  {
    name: 'sqs-send-message-options',
    build: ({ cdk, sfn, tasks, scope, queue }) =>
      new tasks.SqsSendMessage(scope, 'Send', {
        queue: queue('orders.fifo'),
        messageBody: sfn.TaskInput.fromObject({ id: sfn.JsonPath.stringAt('$.id'), kind: 'order' }),
        delay: cdk.Duration.minutes(2),
        messageDeduplicationId: sfn.JsonPath.stringAt('$.id'),
        messageGroupId: 'orders',
      }),
  },
  {
    name: 'sqs-send-message-wait-for-task-token',
    build: ({ sfn, tasks, scope, queue }) =>
      new tasks.SqsSendMessage(scope, 'Ask', {
        queue: queue('approvals'),
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        messageBody: sfn.TaskInput.fromObject({ token: sfn.JsonPath.taskToken, input: sfn.JsonPath.entirePayload }),
      }),
  },
  {
    name: 'sqs-send-message-jsonata',
    queryLanguage: 'JSONata',
    build: ({ sfn, tasks, scope, queue }) =>
      tasks.SqsSendMessage.jsonata(scope, 'Send', {
        queue: queue('orders'),
        messageBody: sfn.TaskInput.fromText('{% $string($states.input) %}'),
        messageGroupId: '{% $states.input.group %}',
      }),
  },
  {
    name: 'sqs-send-message-jsonata-options',
    build: ({ cdk, sfn, tasks, scope, queue }) =>
      tasks.SqsSendMessage.jsonata(scope, 'Send', {
        queue: queue('orders.fifo'),
        messageBody: sfn.TaskInput.fromObject({ id: '{% $states.input.id %}', kind: 'order' }),
        delay: cdk.Duration.minutes(2),
        messageDeduplicationId: '{% $states.input.id %}',
        messageGroupId: 'orders',
      }),
  },
];
