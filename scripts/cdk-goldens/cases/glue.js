// GlueStartJobRun, GlueStartCrawlerRun, GlueDataBrewStartJobRun.
'use strict';

module.exports = [
  {
    name: 'glue-start-job-run',
    build: ({ tasks, scope }) => new tasks.GlueStartJobRun(scope, 'ETL', { glueJobName: 'nightly-etl' }),
  },
  {
    name: 'glue-start-job-run-options',
    build: ({ cdk, sfn, tasks, scope }) =>
      new tasks.GlueStartJobRun(scope, 'ETL', {
        glueJobName: 'nightly-etl',
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        arguments: sfn.TaskInput.fromObject({ '--day': sfn.JsonPath.stringAt('$.day') }),
        securityConfiguration: 'encrypted',
        notifyDelayAfter: cdk.Duration.minutes(5),
        workerConfiguration: { workerType: tasks.WorkerType.G_1X, numberOfWorkers: 10 },
        executionClass: tasks.ExecutionClass.FLEX,
        taskTimeout: sfn.Timeout.duration(cdk.Duration.hours(1)),
      }).next(new tasks.GlueStartJobRun(scope, 'ETL v2', {
        glueJobName: 'nightly-etl',
        workerConfiguration: { workerTypeV2: tasks.WorkerTypeV2.G_2X, numberOfWorkers: 2 },
        executionClass: tasks.ExecutionClass.STANDARD,
        taskTimeout: sfn.Timeout.at('$.timeout'),
      })),
  },
  {
    name: 'glue-start-job-run-jsonata',
    build: ({ sfn, tasks, scope }) =>
      tasks.GlueStartJobRun.jsonata(scope, 'ETL', {
        glueJobName: '{% $states.input.job %}',
        arguments: sfn.TaskInput.fromObject({ '--day': '{% $states.input.day %}' }),
      }),
  },
  {
    name: 'glue-start-job-run-jsonata-options',
    build: ({ cdk, sfn, tasks, scope }) =>
      tasks.GlueStartJobRun.jsonata(scope, 'ETL', {
        glueJobName: 'nightly-etl',
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        securityConfiguration: '{% $states.input.security %}',
        notifyDelayAfter: cdk.Duration.minutes(5),
        workerConfiguration: { workerTypeV2: tasks.WorkerTypeV2.G_2X, numberOfWorkers: 2 },
        executionClass: tasks.ExecutionClass.FLEX,
        taskTimeout: sfn.Timeout.duration(cdk.Duration.hours(1)),
      }),
  },
  {
    name: 'glue-start-crawler-run',
    build: ({ tasks, scope }) =>
      new tasks.GlueStartCrawlerRun(scope, 'Crawl', { crawlerName: 'raw-data' }),
  },
  {
    name: 'glue-databrew-start-job-run',
    build: ({ sfn, tasks, scope }) =>
      new tasks.GlueDataBrewStartJobRun(scope, 'Clean', { name: 'clean-orders' })
        .next(new tasks.GlueDataBrewStartJobRun(scope, 'Clean and wait', {
          name: 'clean-orders',
          integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        })),
  },
  {
    name: 'glue-crawler-and-databrew-jsonata',
    build: ({ sfn, tasks, scope }) =>
      tasks.GlueStartCrawlerRun.jsonata(scope, 'Crawl', { crawlerName: 'raw-data' })
        .next(tasks.GlueDataBrewStartJobRun.jsonata(scope, 'Clean', {
          name: '{% $states.input.job %}',
          integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        })),
  },
];
