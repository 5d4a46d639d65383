// EmrCreateCluster, EmrAddStep, EmrCancelStep, EmrTerminateCluster,
// EmrSetClusterTerminationProtection, EmrModifyInstanceFleetByName, EmrModifyInstanceGroupByName.
'use strict';

const roles = ({ role }) => ({
  serviceRole: role('EmrService'),
  clusterRole: role('EmrInstance'),
  autoScalingRole: role('EmrScaling'),
});

module.exports = [
  {
    name: 'emr-create-cluster',
    build: (h) =>
      new h.tasks.EmrCreateCluster(h.scope, 'Cluster', {
        name: 'analytics',
        instances: { instanceCount: 3, masterInstanceType: 'm5.xlarge', slaveInstanceType: 'm5.xlarge' },
        releaseLabel: 'emr-7.1.0',
        ...roles(h),
      }),
  },
  {
    name: 'emr-create-cluster-options',
    build: (h) => {
      const { cdk, sfn, tasks, scope } = h;
      const E = tasks.EmrCreateCluster;
      return new E(scope, 'Cluster', {
        name: sfn.JsonPath.stringAt('$.name'),
        integrationPattern: sfn.IntegrationPattern.REQUEST_RESPONSE,
        instances: {
          additionalMasterSecurityGroups: ['sg-m'],
          additionalSlaveSecurityGroups: ['sg-s'],
          ec2KeyName: 'ops',
          ec2SubnetIds: ['subnet-1', 'subnet-2'],
          emrManagedMasterSecurityGroup: 'sg-em',
          emrManagedSlaveSecurityGroup: 'sg-es',
          hadoopVersion: '3.3',
          instanceCount: 3,
          masterInstanceType: 'm5.xlarge',
          slaveInstanceType: 'm5.xlarge',
          placement: { availabilityZone: 'us-east-1a' },
          serviceAccessSecurityGroup: 'sg-sa',
          terminationProtected: true,
        },
        additionalInfo: '{"x":1}',
        applications: [{ name: 'Spark', version: '3.5.0', args: ['--x'], additionalInfo: { k: 'v' } }, { name: 'Hive' }],
        bootstrapActions: [{ name: 'setup', scriptBootstrapAction: { path: 's3://ops/setup.sh', args: ['--fast'] } }],
        configurations: [{
          classification: 'spark-env',
          configurations: [{ classification: 'export', properties: { PYSPARK_PYTHON: 'python3' } }],
        }, { classification: 'spark', properties: { maximizeResourceAllocation: 'true' } }],
        customAmiId: 'ami-1',
        ebsRootVolumeSize: cdk.Size.gibibytes(20),
        ebsRootVolumeIops: 3000,
        ebsRootVolumeThroughput: 125,
        kerberosAttributes: {
          realm: 'EC2.INTERNAL',
          kdcAdminPassword: 'kdc',
          adDomainJoinUser: 'joiner',
          adDomainJoinPassword: 'join',
          crossRealmTrustPrincipalPassword: 'trust',
        },
        logUri: 's3://logs/emr/',
        managedScalingPolicy: {
          computeLimits: {
            unitType: E.ComputeLimitsUnitType.INSTANCES,
            minimumCapacityUnits: 2,
            maximumCapacityUnits: 10,
            maximumOnDemandCapacityUnits: 4,
            maximumCoreCapacityUnits: 3,
          },
        },
        releaseLabel: 'emr-7.1.0',
        scaleDownBehavior: E.EmrClusterScaleDownBehavior.TERMINATE_AT_TASK_COMPLETION,
        securityConfiguration: 'secure',
        stepConcurrencyLevel: 2,
        tags: { team: 'data' },
        visibleToAllUsers: false,
        autoTerminationPolicyIdleTimeout: cdk.Duration.hours(1),
        ...roles(h),
      });
    },
  },
  {
    name: 'emr-create-cluster-instance-fleets',
    build: ({ tasks, scope, role }) => {
      const E = tasks.EmrCreateCluster;
      return tasks.EmrCreateCluster.jsonata(scope, 'Cluster', {
        name: '{% $states.input.name %}',
        serviceRole: role('EmrService'),
        clusterRole: role('EmrInstance'),
        instances: {
          instanceFleets: [{
            instanceFleetType: E.InstanceRoleType.MASTER,
            name: 'master',
            targetOnDemandCapacity: 1,
            instanceTypeConfigs: [{ instanceType: 'm5.xlarge', weightedCapacity: 1 }],
          }],
          ec2SubnetId: 'subnet-1',
          placement: { availabilityZones: ['us-east-1a', 'us-east-1b'] },
        },
        scaleDownBehavior: E.EmrClusterScaleDownBehavior.TERMINATE_AT_INSTANCE_HOUR,
      });
    },
  },
  {
    name: 'emr-steps',
    build: ({ sfn, tasks, scope }) =>
      new tasks.EmrAddStep(scope, 'Step', {
        clusterId: sfn.JsonPath.stringAt('$.ClusterId'),
        name: 'spark',
        jar: 'command-runner.jar',
        actionOnFailure: tasks.ActionOnFailure.TERMINATE_CLUSTER,
        mainClass: 'Main',
        args: ['spark-submit', 's3://jobs/job.py'],
        properties: { k: 'v' },
        executionRoleArn: 'arn:aws:iam::123456789012:role/Step',
      }).next(new tasks.EmrAddStep(scope, 'Quick step', {
        clusterId: 'j-1',
        name: 'quick',
        jar: 'a.jar',
        integrationPattern: sfn.IntegrationPattern.REQUEST_RESPONSE,
        actionOnFailure: tasks.ActionOnFailure.CANCEL_AND_WAIT,
      })).next(new tasks.EmrCancelStep(scope, 'Cancel', {
        clusterId: 'j-1',
        stepId: sfn.JsonPath.stringAt('$.StepId'),
      })).next(new tasks.EmrAddStep(scope, 'Last step', {
        clusterId: 'j-1',
        name: 'last',
        jar: 'a.jar',
        actionOnFailure: tasks.ActionOnFailure.CONTINUE,
      })),
  },
  {
    name: 'emr-cluster-management',
    build: ({ cdk, sfn, tasks, scope }) =>
      new tasks.EmrSetClusterTerminationProtection(scope, 'Protect', { clusterId: 'j-1', terminationProtected: false })
        .next(new tasks.EmrModifyInstanceFleetByName(scope, 'Resize fleet', {
          clusterId: 'j-1',
          instanceFleetName: 'core',
          targetOnDemandCapacity: 2,
          targetSpotCapacity: 4,
        }))
        .next(new tasks.EmrModifyInstanceGroupByName(scope, 'Resize group', {
          clusterId: 'j-1',
          instanceGroupName: 'core',
          instanceGroup: {
            instanceCount: 4,
            eC2InstanceIdsToTerminate: ['i-1'],
            configurations: [{ classification: 'yarn-site', properties: { k: 'v' } }],
            shrinkPolicy: {
              decommissionTimeout: cdk.Duration.minutes(5),
              instanceResizePolicy: {
                instancesToProtect: ['i-2'],
                instancesToTerminate: ['i-3'],
                instanceTerminationTimeout: cdk.Duration.seconds(60),
              },
            },
          },
        }))
        .next(new tasks.EmrTerminateCluster(scope, 'Terminate', { clusterId: sfn.JsonPath.stringAt('$.ClusterId') }))
        .next(new tasks.EmrTerminateCluster(scope, 'Terminate now', {
          clusterId: 'j-2',
          integrationPattern: sfn.IntegrationPattern.REQUEST_RESPONSE,
        })),
  },
  {
    name: 'emr-steps-and-management-jsonata',
    queryLanguage: 'JSONata',
    build: ({ cdk, sfn, tasks, scope }) =>
      tasks.EmrAddStep.jsonata(scope, 'Step', {
        clusterId: '{% $states.input.ClusterId %}',
        name: 'spark',
        jar: 'command-runner.jar',
        args: ['spark-submit', '{% $states.input.script %}'],
        actionOnFailure: tasks.ActionOnFailure.CONTINUE,
      }).next(tasks.EmrCancelStep.jsonata(scope, 'Cancel', {
        clusterId: '{% $states.input.ClusterId %}',
        stepId: '{% $states.input.StepId %}',
      })).next(tasks.EmrSetClusterTerminationProtection.jsonata(scope, 'Protect', {
        clusterId: '{% $states.input.ClusterId %}',
        terminationProtected: true,
      })).next(tasks.EmrModifyInstanceFleetByName.jsonata(scope, 'Resize fleet', {
        clusterId: '{% $states.input.ClusterId %}',
        instanceFleetName: 'core',
        targetOnDemandCapacity: 2,
        targetSpotCapacity: 0,
      })).next(tasks.EmrModifyInstanceGroupByName.jsonata(scope, 'Resize group', {
        clusterId: '{% $states.input.ClusterId %}',
        instanceGroupName: '{% $states.input.group %}',
        instanceGroup: { instanceCount: 4 },
      })).next(tasks.EmrTerminateCluster.jsonata(scope, 'Terminate', {
        clusterId: '{% $states.input.ClusterId %}',
      })),
  },
  {
    name: 'emr-create-cluster-jsonata-options',
    queryLanguage: 'JSONata',
    build: (h) => {
      const { cdk, sfn, tasks, scope } = h;
      const E = tasks.EmrCreateCluster;
      return E.jsonata(scope, 'Cluster', {
        name: 'analytics',
        integrationPattern: sfn.IntegrationPattern.REQUEST_RESPONSE,
        instances: {
          ec2SubnetIds: ['subnet-1'],
          instanceCount: 3,
          masterInstanceType: 'm5.xlarge',
          slaveInstanceType: 'm5.xlarge',
          terminationProtected: true,
        },
        applications: [{ name: 'Spark', version: '3.5.0' }],
        bootstrapActions: [{ name: 'setup', scriptBootstrapAction: { path: 's3://ops/setup.sh', args: ['{% $states.input.mode %}'] } }],
        configurations: [{ classification: 'spark', properties: { maximizeResourceAllocation: 'true' } }],
        ebsRootVolumeSize: cdk.Size.gibibytes(20),
        logUri: '{% $states.input.logUri %}',
        managedScalingPolicy: {
          computeLimits: { unitType: E.ComputeLimitsUnitType.INSTANCES, minimumCapacityUnits: 2, maximumCapacityUnits: 10 },
        },
        releaseLabel: 'emr-7.1.0',
        stepConcurrencyLevel: 2,
        tags: { team: 'data' },
        visibleToAllUsers: false,
        autoTerminationPolicyIdleTimeout: cdk.Duration.hours(1),
        ...roles(h),
      }).next(tasks.EmrAddStep.jsonata(scope, 'Step', {
        clusterId: '{% $states.input.ClusterId %}',
        name: 'spark',
        jar: 'command-runner.jar',
        actionOnFailure: tasks.ActionOnFailure.TERMINATE_CLUSTER,
        mainClass: 'Main',
        properties: { k: '{% $states.input.k %}' },
        executionRoleArn: 'arn:aws:iam::123456789012:role/Step',
      }));
    },
  },
];
