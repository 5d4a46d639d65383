// SnsPublish.
'use strict';

module.exports = [
  {
    name: 'sns-publish-text',
    build: ({ sfn, tasks, scope, topic }) =>
      new tasks.SnsPublish(scope, 'Notify', { topic: topic('orders'), message: sfn.TaskInput.fromText('shipped'), subject: 'Order' }),
  },
  {
    name: 'sns-publish-options',
    build: ({ sfn, tasks, scope, topic }) =>
      new tasks.SnsPublish(scope, 'Notify', {
        topic: topic('orders.fifo'),
        message: sfn.TaskInput.fromObject({ default: sfn.JsonPath.stringAt('$.text'), email: 'mail' }),
        messagePerSubscriptionType: true,
        messageGroupId: 'orders',
        messageDeduplicationId: sfn.JsonPath.stringAt('$.id'),
        subject: sfn.JsonPath.stringAt('$.subject'),
        messageAttributes: {
          text: { value: 'plain' },
          count: { value: 3 },
          ratio: { value: 1.5 },
          flag: { value: true },
          tags: { value: ['a', 1, true] },
          path: { value: sfn.JsonPath.stringAt('$.source') },
          typedPath: { value: sfn.JsonPath.stringAt('$.amount'), dataType: tasks.MessageAttributeDataType.NUMBER },
          blob: { value: 'AAE=', dataType: tasks.MessageAttributeDataType.BINARY },
          input: { value: sfn.TaskInput.fromJsonPathAt('$.detail') },
          stringTyped: { value: 'x', dataType: tasks.MessageAttributeDataType.STRING },
        },
      }),
  },
  {
    name: 'sns-publish-wait-for-task-token',
    build: ({ sfn, tasks, scope, topic }) =>
      new tasks.SnsPublish(scope, 'Ask', {
        topic: topic('approvals'),
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        message: sfn.TaskInput.fromObject({ token: sfn.JsonPath.taskToken }),
      }),
  },
  {
    name: 'sns-publish-jsonata',
    build: ({ sfn, tasks, scope, topic }) =>
      tasks.SnsPublish.jsonata(scope, 'Notify', {
        topic: topic('orders'),
        message: sfn.TaskInput.fromText('{% $states.input.text %}'),
        subject: '{% $states.input.subject %}',
        messageAttributes: { n: { value: '{% $states.input.n %}', dataType: tasks.MessageAttributeDataType.NUMBER } },
      }),
  },
  {
    name: 'sns-publish-jsonata-options',
    build: ({ sfn, tasks, scope, topic }) =>
      tasks.SnsPublish.jsonata(scope, 'Notify', {
        topic: topic('orders.fifo'),
        message: sfn.TaskInput.fromObject({ default: '{% $states.input.text %}', email: 'mail' }),
        messagePerSubscriptionType: true,
        messageGroupId: 'orders',
        messageDeduplicationId: '{% $states.input.id %}',
        messageAttributes: {
          count: { value: 3 },
          tags: { value: ['a', 'b'] },
          blob: { value: 'AAE=', dataType: tasks.MessageAttributeDataType.BINARY },
        },
      }),
  },
];
