// EmrContainersCreateVirtualCluster, EmrContainersDeleteVirtualCluster, EmrContainersStartJobRun, EksCall.
// (No JSONata virtual cluster without a name: the CDK names it with `States.Format`
// inside `{% %}`, which is not JSONata, and AWS refuses the definition. Its
// JSONata case names the cluster.)
'use strict';

module.exports = [
  {
    name: 'emr-containers-virtual-clusters',
    build: ({ sfn, tasks, scope }) =>
      new tasks.EmrContainersCreateVirtualCluster(scope, 'Create', {
        eksCluster: tasks.EksClusterInput.fromTaskInput(sfn.TaskInput.fromText('analytics-eks')),
        eksNamespace: 'spark',
        virtualClusterName: 'analytics',
        tags: { team: 'data' },
      }).next(new tasks.EmrContainersCreateVirtualCluster(scope, 'Create default', {
        eksCluster: tasks.EksClusterInput.fromTaskInput(sfn.TaskInput.fromText('analytics-eks')),
      })).next(new tasks.EmrContainersDeleteVirtualCluster(scope, 'Delete', {
        virtualClusterId: sfn.TaskInput.fromJsonPathAt('$.cluster.Id'),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
      })).next(new tasks.EmrContainersDeleteVirtualCluster(scope, 'Delete now', {
        virtualClusterId: sfn.TaskInput.fromText('vc-1'),
      })),
  },
  {
    name: 'emr-containers-start-job-run',
    build: ({ cdk, sfn, tasks, scope, role }) =>
      new tasks.EmrContainersStartJobRun(scope, 'Spark', {
        virtualCluster: tasks.VirtualClusterInput.fromTaskInput(sfn.TaskInput.fromJsonPathAt('$.cluster.Id')),
        releaseLabel: tasks.ReleaseLabel.EMR_6_3_0,
        executionRole: role('SparkJob'),
        jobDriver: {
          sparkSubmitJobDriver: {
            entryPoint: sfn.TaskInput.fromText('s3://jobs/job.py'),
            entryPointArguments: sfn.TaskInput.fromObject(['--day', '2026-01-01']),
            sparkSubmitParameters: '--conf spark.executor.instances=2',
          },
        },
        jobName: 'daily',
        applicationConfig: [{
          classification: tasks.Classification.SPARK_DEFAULTS,
          properties: { 'spark.dynamicAllocation.enabled': 'false' },
        }, {
          classification: tasks.Classification.SPARK_ENV,
          nestedConfig: [{ classification: new tasks.Classification('export'), properties: { JAVA_HOME: '/usr/lib/jvm' } }],
        }],
        monitoring: {
          logGroup: cdk.aws_logs.LogGroup.fromLogGroupName(scope, 'Logs', '/emr/jobs'),
          logStreamNamePrefix: 'daily',
          logBucket: cdk.aws_s3.Bucket.fromBucketName(scope, 'LogBucket', 'emr-logs'),
          persistentAppUI: false,
          logging: true,
        },
        tags: { team: 'data' },
      }).next(new tasks.EmrContainersStartJobRun(scope, 'Spark now', {
        virtualCluster: tasks.VirtualClusterInput.fromVirtualClusterId('vc-1'),
        releaseLabel: new tasks.ReleaseLabel('emr-7.0.0-latest'),
        executionRole: role('SparkJob'),
        integrationPattern: sfn.IntegrationPattern.REQUEST_RESPONSE,
        jobDriver: { sparkSubmitJobDriver: { entryPoint: sfn.TaskInput.fromText('s3://jobs/quick.py') } },
      })),
  },
  {
    name: 'eks-call',
    build: ({ cdk, sfn, tasks, scope }) => {
      const cluster = cdk.aws_eks.Cluster.fromClusterAttributes(scope, 'Eks', {
        clusterName: 'apps',
        clusterEndpoint: 'https://ABC.gr7.us-east-1.eks.amazonaws.com',
        clusterCertificateAuthorityData: 'LS0tLS1C',
      });
      const M = tasks.HttpMethods;
      return new tasks.EksCall(scope, 'List pods', {
        cluster,
        httpMethod: M.GET,
        httpPath: '/api/v1/namespaces/default/pods',
        queryParameters: { labelSelector: ['app=web'] },
      }).next(new tasks.EksCall(scope, 'Delete pod', {
        cluster,
        httpMethod: M.DELETE,
        httpPath: sfn.JsonPath.stringAt('$.path'),
        requestBody: sfn.TaskInput.fromObject({ kind: 'DeleteOptions' }),
      }));
    },
  },
  {
    name: 'emr-containers-jsonata',
    build: ({ sfn, tasks, scope, role }) =>
      tasks.EmrContainersCreateVirtualCluster.jsonata(scope, 'Create', {
        eksCluster: tasks.EksClusterInput.fromTaskInput(sfn.TaskInput.fromText('analytics-eks')),
        eksNamespace: 'spark',
        virtualClusterName: '{% $states.input.name %}',
      }).next(tasks.EmrContainersStartJobRun.jsonata(scope, 'Spark', {
        virtualCluster: tasks.VirtualClusterInput.fromTaskInput(sfn.TaskInput.fromText('{% $states.input.cluster.Id %}')),
        releaseLabel: tasks.ReleaseLabel.EMR_6_3_0,
        executionRole: role('SparkJob'),
        jobDriver: {
          sparkSubmitJobDriver: {
            entryPoint: sfn.TaskInput.fromText('s3://jobs/job.py'),
            entryPointArguments: sfn.TaskInput.fromText('{% $states.input.args %}'),
          },
        },
        jobName: '{% $states.input.job %}',
      })).next(tasks.EmrContainersDeleteVirtualCluster.jsonata(scope, 'Delete', {
        virtualClusterId: sfn.TaskInput.fromText('{% $states.input.cluster.Id %}'),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
      })),
  },
  {
    name: 'eks-call-jsonata',
    build: ({ cdk, sfn, tasks, scope }) => {
      const cluster = cdk.aws_eks.Cluster.fromClusterAttributes(scope, 'Eks', {
        clusterName: 'apps',
        clusterEndpoint: 'https://ABC.gr7.us-east-1.eks.amazonaws.com',
        clusterCertificateAuthorityData: 'LS0tLS1C',
      });
      return tasks.EksCall.jsonata(scope, 'Delete pod', {
        cluster,
        httpMethod: tasks.HttpMethods.DELETE,
        httpPath: '{% $states.input.path %}',
        queryParameters: { gracePeriodSeconds: ['0'] },
        requestBody: sfn.TaskInput.fromObject({ kind: 'DeleteOptions' }),
      });
    },
  },
];
