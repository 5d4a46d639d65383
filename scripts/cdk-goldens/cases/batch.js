// BatchSubmitJob.
'use strict';

module.exports = [
  {
    name: 'batch-submit-job',
    build: ({ tasks, scope, arn }) =>
      new tasks.BatchSubmitJob(scope, 'Submit', {
        jobDefinitionArn: arn('batch', 'job-definition/render:1'),
        jobName: 'render',
        jobQueueArn: arn('batch', 'job-queue/jobs'),
      }),
  },
  {
    name: 'batch-submit-job-options',
    build: ({ cdk, sfn, tasks, scope, arn }) =>
      new tasks.BatchSubmitJob(scope, 'Submit', {
        jobDefinitionArn: arn('batch', 'job-definition/render:1'),
        jobName: sfn.JsonPath.stringAt('$.name'),
        jobQueueArn: arn('batch', 'job-queue/jobs'),
        integrationPattern: sfn.IntegrationPattern.REQUEST_RESPONSE,
        arraySize: 10,
        attempts: 3,
        payload: sfn.TaskInput.fromObject({ frame: sfn.JsonPath.stringAt('$.frame') }),
        dependsOn: [{ jobId: 'job-1', type: 'N_TO_N' }, { jobId: sfn.JsonPath.stringAt('$.previous') }],
        containerOverrides: {
          command: ['render', '--fast'],
          environment: { MODE: 'fast' },
          instanceType: new cdk.aws_ec2.InstanceType('p3.2xlarge'),
          memory: cdk.Size.gibibytes(2),
          gpuCount: 1,
          vcpus: 4,
        },
        tags: { team: 'video' },
        taskTimeout: sfn.Timeout.duration(cdk.Duration.minutes(10)),
      }),
  },
  {
    name: 'batch-submit-job-timeout-path',
    build: ({ sfn, tasks, scope, arn }) =>
      new tasks.BatchSubmitJob(scope, 'Submit', {
        jobDefinitionArn: arn('batch', 'job-definition/render:1'),
        jobName: 'render',
        jobQueueArn: sfn.JsonPath.stringAt('$.queue'),
        taskTimeout: sfn.Timeout.at('$.timeout'),
      }),
  },
  {
    name: 'batch-submit-job-jsonata',
    build: ({ cdk, sfn, tasks, scope, arn }) =>
      tasks.BatchSubmitJob.jsonata(scope, 'Submit', {
        jobDefinitionArn: arn('batch', 'job-definition/render:1'),
        jobName: '{% $states.input.name %}',
        jobQueueArn: arn('batch', 'job-queue/jobs'),
        payload: sfn.TaskInput.fromObject({ frame: '{% $states.input.frame %}' }),
        dependsOn: [{ jobId: '{% $states.input.previous %}' }],
        containerOverrides: { command: ['render'], environment: { MODE: '{% $states.input.mode %}' } },
        attempts: 2,
        taskTimeout: sfn.Timeout.duration(cdk.Duration.minutes(10)),
      }),
  },
];
