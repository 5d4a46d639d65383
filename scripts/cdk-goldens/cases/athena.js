// AthenaStartQueryExecution, AthenaStopQueryExecution, AthenaGetQueryExecution, AthenaGetQueryResults.
'use strict';

module.exports = [
  {
    name: 'athena-start-query-execution',
    build: ({ tasks, scope }) =>
      new tasks.AthenaStartQueryExecution(scope, 'Query', { queryString: 'SELECT 1' }),
  },
  {
    name: 'athena-start-query-execution-options',
    build: ({ cdk, sfn, tasks, scope, arn }) =>
      new tasks.AthenaStartQueryExecution(scope, 'Query', {
        queryString: 'SELECT * FROM orders WHERE day = ?',
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        clientRequestToken: 'token-1',
        queryExecutionContext: { catalogName: 'AwsDataCatalog', databaseName: 'sales' },
        resultConfiguration: {
          outputLocation: { bucketName: 'results', objectKey: 'orders' },
          encryptionConfiguration: { encryptionOption: tasks.EncryptionOption.S3_MANAGED },
        },
        workGroup: 'analysts',
        executionParameters: ["'2026-01-01'"],
        resultReuseConfigurationMaxAge: cdk.Duration.hours(1),
      }).next(new tasks.AthenaStartQueryExecution(scope, 'Database only', {
        queryString: sfn.JsonPath.stringAt('$.query'),
        queryExecutionContext: { databaseName: 'sales' },
      })).next(new tasks.AthenaStartQueryExecution(scope, 'Client side', {
        queryString: 'SELECT 2',
        resultConfiguration: { encryptionConfiguration: { encryptionOption: tasks.EncryptionOption.CLIENT_SIDE_KMS } },
      })),
  },
  {
    name: 'athena-by-execution-id',
    build: ({ sfn, tasks, scope }) =>
      new tasks.AthenaGetQueryExecution(scope, 'Status', { queryExecutionId: sfn.JsonPath.stringAt('$.QueryExecutionId') })
        .next(new tasks.AthenaGetQueryResults(scope, 'Results', {
          queryExecutionId: sfn.JsonPath.stringAt('$.QueryExecution.QueryExecutionId'),
          nextToken: sfn.JsonPath.stringAt('$.NextToken'),
          maxResults: 100,
        }))
        .next(new tasks.AthenaStopQueryExecution(scope, 'Stop', { queryExecutionId: 'q-1' })),
  },
  {
    name: 'athena-jsonata',
    queryLanguage: 'JSONata',
    build: ({ tasks, scope }) =>
      tasks.AthenaStartQueryExecution.jsonata(scope, 'Query', {
        queryString: '{% $states.input.query %}',
        workGroup: 'primary',
      }).next(tasks.AthenaGetQueryResults.jsonata(scope, 'Results', {
        queryExecutionId: '{% $states.input.QueryExecutionId %}',
        maxResults: 10,
      })),
  },
  {
    name: 'athena-by-execution-id-jsonata',
    build: ({ tasks, scope }) =>
      tasks.AthenaGetQueryExecution.jsonata(scope, 'Status', { queryExecutionId: '{% $states.input.QueryExecutionId %}' })
        .next(tasks.AthenaStopQueryExecution.jsonata(scope, 'Stop', { queryExecutionId: '{% $states.input.QueryExecutionId %}' })),
  },
  {
    name: 'athena-jsonata-options',
    build: ({ cdk, sfn, tasks, scope }) =>
      tasks.AthenaStartQueryExecution.jsonata(scope, 'Query', {
        queryString: 'SELECT * FROM orders WHERE day = ?',
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        clientRequestToken: '{% $states.context.Execution.Name %}',
        queryExecutionContext: { catalogName: 'AwsDataCatalog', databaseName: 'sales' },
        resultConfiguration: {
          outputLocation: { bucketName: 'results', objectKey: 'orders' },
          encryptionConfiguration: { encryptionOption: tasks.EncryptionOption.S3_MANAGED },
        },
        workGroup: 'analysts',
        executionParameters: ['{% $states.input.day %}'],
        resultReuseConfigurationMaxAge: cdk.Duration.hours(1),
      }),
  },
];
