// CallAwsService.
'use strict';

module.exports = [
  {
    name: 'aws-sdk-call',
    build: ({ sfn, tasks, scope }) =>
      new tasks.CallAwsService(scope, 'Get object', {
        service: 's3',
        action: 'getObject',
        parameters: { Bucket: 'reports', Key: sfn.JsonPath.stringAt('$.key') },
        iamResources: ['arn:aws:s3:::reports/*'],
      }),
  },
  {
    name: 'aws-sdk-call-options',
    build: ({ cdk, sfn, tasks, scope }) =>
      new tasks.CallAwsService(scope, 'Describe', {
        service: 'SFN',
        action: 'describeExecution',
        parameters: { ExecutionArn: sfn.JsonPath.stringAt('$.arn') },
        iamResources: ['*'],
        iamAction: 'states:DescribeExecution',
        additionalIamStatements: [
          new cdk.aws_iam.PolicyStatement({ actions: ['states:ListExecutions'], resources: ['*'] }),
        ],
      }).next(new tasks.CallAwsService(scope, 'Logs', {
        service: 'cloudwatchlogs',
        action: 'putLogEvents',
        iamResources: ['*'],
      })).next(new tasks.CallAwsService(scope, 'Token', {
        service: 'sqs',
        action: 'sendMessage',
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: sfn.JsonPath.taskToken },
        iamResources: ['arn:aws:sqs:us-east-1:123456789012:q'],
      })),
  },
  {
    name: 'aws-sdk-call-jsonata',
    queryLanguage: 'JSONata',
    build: ({ tasks, scope }) =>
      tasks.CallAwsService.jsonata(scope, 'List', {
        service: 'efs',
        action: 'describeFileSystems',
        parameters: { MaxItems: '{% $states.input.max %}' },
        iamResources: ['*'],
      }),
  },
];
