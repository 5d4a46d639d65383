// CodeBuildStartBuild, CodeBuildStartBuildBatch.
'use strict';

module.exports = [
  {
    name: 'codebuild-start-build',
    build: ({ cdk, sfn, tasks, scope }) =>
      new tasks.CodeBuildStartBuild(scope, 'Build', {
        project: cdk.aws_codebuild.Project.fromProjectName(scope, 'Project', 'site'),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        environmentVariablesOverride: {
          COMMIT: { value: sfn.JsonPath.stringAt('$.commit') },
          STAGE: { type: cdk.aws_codebuild.BuildEnvironmentVariableType.PARAMETER_STORE, value: '/site/stage' },
          TOKEN: { type: cdk.aws_codebuild.BuildEnvironmentVariableType.SECRETS_MANAGER, value: 'deploy-token' },
        },
      }).next(new tasks.CodeBuildStartBuild(scope, 'Quick build', {
        project: cdk.aws_codebuild.Project.fromProjectName(scope, 'Project2', 'site'),
      })),
  },
  {
    name: 'codebuild-start-build-batch',
    build: ({ cdk, sfn, tasks, scope }) =>
      new tasks.CodeBuildStartBuildBatch(scope, 'Build all', {
        project: cdk.aws_codebuild.Project.fromProjectName(scope, 'Project', 'site'),
        environmentVariablesOverride: {
          STAGE: { type: cdk.aws_codebuild.BuildEnvironmentVariableType.PLAINTEXT, value: 'prod' },
        },
      }).next(new tasks.CodeBuildStartBuildBatch(scope, 'Build all and wait', {
        project: cdk.aws_codebuild.Project.fromProjectName(scope, 'Project2', 'site'),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
      })),
  },
  {
    name: 'codebuild-jsonata',
    build: ({ cdk, sfn, tasks, scope }) =>
      tasks.CodeBuildStartBuild.jsonata(scope, 'Build', {
        project: cdk.aws_codebuild.Project.fromProjectName(scope, 'Project', 'site'),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        environmentVariablesOverride: {
          COMMIT: { value: '{% $states.input.commit %}' },
          STAGE: { type: cdk.aws_codebuild.BuildEnvironmentVariableType.PARAMETER_STORE, value: '/site/stage' },
        },
      }).next(tasks.CodeBuildStartBuildBatch.jsonata(scope, 'Build all', {
        project: cdk.aws_codebuild.Project.fromProjectName(scope, 'Project2', 'site'),
        environmentVariablesOverride: {
          STAGE: { value: '{% $states.input.stage %}' },
        },
      })),
  },
];
