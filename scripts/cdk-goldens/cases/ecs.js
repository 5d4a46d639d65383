// EcsRunTask with EcsFargateLaunchTarget and EcsEc2LaunchTarget.
'use strict';

/** A cluster imported by attributes, its VPC and a task definition with one container. */
function setup({ cdk, scope, role, arn }, { networkMode, compatibility, family }) {
  const { aws_ec2: ec2, aws_ecs: ecs } = cdk;
  const vpc = ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
    vpcId: 'vpc-1',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    publicSubnetIds: ['subnet-pub-a', 'subnet-pub-b'],
    privateSubnetIds: ['subnet-priv-a', 'subnet-priv-b'],
  });
  const cluster = ecs.Cluster.fromClusterAttributes(scope, 'Cluster', {
    clusterName: 'jobs',
    clusterArn: arn('ecs', 'cluster/jobs'),
    vpc,
    securityGroups: [],
    hasEc2Capacity: true,
  });
  const taskDefinition = new ecs.TaskDefinition(scope, 'TaskDef', {
    family,
    compatibility,
    networkMode,
    cpu: '256',
    memoryMiB: '512',
    taskRole: role('AppTask'),
    executionRole: role('AppExecution'),
  });
  const container = taskDefinition.addContainer('app', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/app:1'),
    memoryLimitMiB: 512,
  });
  const sg = ec2.SecurityGroup.fromSecurityGroupId(scope, 'Sg', 'sg-1');
  return { cluster, taskDefinition, container, sg, ecs, ec2 };
}

module.exports = [
  {
    name: 'ecs-run-task-fargate',
    build: (h) => {
      const { sfn, tasks, scope } = h;
      const { cluster, taskDefinition, container, sg, ecs, ec2 } = setup(h, {
        networkMode: h.cdk.aws_ecs.NetworkMode.AWS_VPC,
        compatibility: h.cdk.aws_ecs.Compatibility.FARGATE,
        family: 'app',
      });
      return new tasks.EcsRunTask(scope, 'Run', {
        cluster,
        taskDefinition,
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        launchTarget: new tasks.EcsFargateLaunchTarget({ platformVersion: ecs.FargatePlatformVersion.VERSION1_4 }),
        subnets: { subnetType: ec2.SubnetType.PUBLIC },
        securityGroups: [sg],
        assignPublicIp: true,
        revisionNumber: 3,
        cpu: '512',
        memoryMiB: '1024',
        propagatedTagSource: ecs.PropagatedTagSource.TASK_DEFINITION,
        enableExecuteCommand: true,
        containerOverrides: [{
          containerDefinition: container,
          command: ['serve', '--port', '80'],
          cpu: 256,
          memoryLimit: 512,
          memoryReservation: 256,
          environment: [{ name: 'MODE', value: 'batch' }, { name: 'DAY', value: sfn.JsonPath.stringAt('$.day') }],
        }],
      });
    },
  },
  {
    name: 'ecs-run-task-fargate-capacity-providers',
    build: (h) => {
      const { sfn, tasks, scope } = h;
      const { cluster, taskDefinition, container, sg, ecs } = setup(h, {
        networkMode: h.cdk.aws_ecs.NetworkMode.AWS_VPC,
        compatibility: h.cdk.aws_ecs.Compatibility.FARGATE,
        family: 'app',
      });
      return new tasks.EcsRunTask(scope, 'Run', {
        cluster,
        taskDefinition,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        launchTarget: new tasks.EcsFargateLaunchTarget({
          platformVersion: ecs.FargatePlatformVersion.LATEST,
          capacityProviderOptions: tasks.CapacityProviderOptions.custom([
            { capacityProvider: 'FARGATE_SPOT', weight: 2, base: 1 },
            { capacityProvider: 'FARGATE', weight: 1 },
          ]),
        }),
        securityGroups: [sg],
        containerOverrides: [{
          containerDefinition: container,
          environment: [{ name: 'TOKEN', value: sfn.JsonPath.taskToken }],
        }],
      });
    },
  },
  {
    name: 'ecs-run-task-ec2',
    build: (h) => {
      const { tasks, scope } = h;
      const { cluster, taskDefinition, ecs } = setup(h, {
        networkMode: h.cdk.aws_ecs.NetworkMode.BRIDGE,
        compatibility: h.cdk.aws_ecs.Compatibility.EC2,
        family: 'worker',
      });
      return new tasks.EcsRunTask(scope, 'Run', {
        cluster,
        taskDefinition,
        launchTarget: new tasks.EcsEc2LaunchTarget({
          placementConstraints: [
            ecs.PlacementConstraint.distinctInstances(),
            ecs.PlacementConstraint.memberOf('attribute:ecs.instance-type =~ t3.*'),
          ],
          placementStrategies: [
            ecs.PlacementStrategy.spreadAcrossInstances(),
            ecs.PlacementStrategy.spreadAcross('attribute:ecs.availability-zone', 'instanceId'),
            ecs.PlacementStrategy.packedByCpu(),
            ecs.PlacementStrategy.packedByMemory(),
            ecs.PlacementStrategy.randomly(),
          ],
        }),
        propagatedTagSource: ecs.PropagatedTagSource.SERVICE,
      });
    },
  },
  {
    name: 'ecs-run-task-ec2-capacity-providers',
    build: (h) => {
      const { tasks, scope } = h;
      const { cluster, taskDefinition, ecs } = setup(h, {
        networkMode: h.cdk.aws_ecs.NetworkMode.BRIDGE,
        compatibility: h.cdk.aws_ecs.Compatibility.EC2,
        family: 'worker',
      });
      return tasks.EcsRunTask.jsonata(scope, 'Run', {
        cluster,
        taskDefinition,
        launchTarget: new tasks.EcsEc2LaunchTarget({ capacityProviderOptions: tasks.CapacityProviderOptions.default() }),
        propagatedTagSource: ecs.PropagatedTagSource.NONE,
        enableExecuteCommand: false,
      });
    },
  },
];
