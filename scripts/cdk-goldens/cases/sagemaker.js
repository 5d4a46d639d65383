// The six SageMaker tasks.
'use strict';

module.exports = [
  {
    name: 'sagemaker-training-job',
    build: ({ cdk, sfn, tasks, scope, role }) =>
      new tasks.SageMakerCreateTrainingJob(scope, 'Train', {
        trainingJobName: 'churn-1',
        role: role('SageMaker'),
        algorithmSpecification: { algorithmName: 'BlazingText' },
        outputDataConfig: { s3OutputLocation: tasks.S3Location.fromJsonExpression('$.output') },
      }),
  },
  {
    name: 'sagemaker-training-job-options',
    build: ({ cdk, sfn, tasks, scope, role, arn }) => {
      const key = (name) => cdk.aws_kms.Key.fromKeyArn(scope, name, arn('kms', `key/${name}`));
      const ec2 = cdk.aws_ec2;
      const vpc = ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
        vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'],
      });
      return new tasks.SageMakerCreateTrainingJob(scope, 'Train', {
        trainingJobName: sfn.JsonPath.stringAt('$.jobName'),
        role: role('SageMaker'),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        algorithmSpecification: {
          trainingImage: tasks.DockerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1'),
          trainingInputMode: tasks.InputMode.PIPE,
          metricDefinitions: [{ name: 'loss', regex: 'loss=(.*)' }],
        },
        inputDataConfig: [{
          channelName: 'train',
          dataSource: { s3DataSource: { s3Location: tasks.S3Location.fromJsonExpression('$.train') } },
          compressionType: tasks.CompressionType.GZIP,
          contentType: 'text/csv',
          inputMode: tasks.InputMode.FILE,
          recordWrapperType: tasks.RecordWrapperType.RECORD_IO,
        }, {
          channelName: 'manifest',
          dataSource: { s3DataSource: {
            s3Location: tasks.S3Location.fromJsonExpression('$.manifest'),
            s3DataType: tasks.S3DataType.AUGMENTED_MANIFEST_FILE,
            s3DataDistributionType: tasks.S3DataDistributionType.SHARDED_BY_S3_KEY,
            attributeNames: ['source', 'label'],
          } },
        }],
        outputDataConfig: { s3OutputLocation: tasks.S3Location.fromJsonExpression('$.output'), encryptionKey: key('out') },
        resourceConfig: {
          instanceCount: 2,
          instanceType: new ec2.InstanceType('m5.xlarge'),
          volumeSize: cdk.Size.gibibytes(50),
          volumeEncryptionKey: key('vol'),
        },
        stoppingCondition: { maxRuntime: cdk.Duration.hours(2) },
        hyperparameters: { max_depth: '5' },
        tags: { team: 'ml' },
        vpcConfig: { vpc },
        environment: { LEVEL: 'info' },
        enableNetworkIsolation: true,
      });
    },
  },
  {
    name: 'sagemaker-transform-job',
    build: ({ cdk, sfn, tasks, scope, role, arn }) =>
      new tasks.SageMakerCreateTransformJob(scope, 'Score', {
        transformJobName: 'score-1',
        modelName: 'churn',
        role: role('SageMakerTransform'),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        batchStrategy: tasks.BatchStrategy.MULTI_RECORD,
        environment: { LEVEL: 'info' },
        maxConcurrentTransforms: 2,
        maxPayload: cdk.Size.mebibytes(6),
        modelClientOptions: { invocationsMaxRetries: 1, invocationsTimeout: cdk.Duration.minutes(2) },
        tags: { team: 'ml' },
        transformInput: {
          compressionType: tasks.CompressionType.GZIP,
          contentType: 'text/csv',
          splitType: tasks.SplitType.LINE,
          transformDataSource: { s3DataSource: { s3Uri: 's3://in/batch/', s3DataType: tasks.S3DataType.MANIFEST_FILE } },
        },
        transformOutput: {
          s3OutputPath: 's3://out/batch/',
          encryptionKey: cdk.aws_kms.Key.fromKeyArn(scope, 'Out', arn('kms', 'key/k')),
          accept: 'text/csv',
          assembleWith: tasks.AssembleWith.LINE,
        },
        transformResources: {
          instanceCount: 2,
          instanceType: new cdk.aws_ec2.InstanceType('c5.xlarge'),
          volumeEncryptionKey: cdk.aws_kms.Key.fromKeyArn(scope, 'Vol', arn('kms', 'key/v')),
        },
      }).next(new tasks.SageMakerCreateTransformJob(scope, 'Score simply', {
        transformJobName: sfn.JsonPath.stringAt('$.name'),
        modelName: 'churn',
        role: role('SageMakerTransform'),
        batchStrategy: tasks.BatchStrategy.SINGLE_RECORD,
        transformInput: { transformDataSource: { s3DataSource: { s3Uri: 's3://in/one/' } } },
        transformOutput: { s3OutputPath: 's3://out/one/', assembleWith: tasks.AssembleWith.NONE },
      })),
  },
  {
    name: 'sagemaker-model-and-endpoint',
    build: ({ cdk, sfn, tasks, scope, role, arn }) => {
      const ec2 = cdk.aws_ec2;
      const vpc = ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
        vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'],
      });
      return new tasks.SageMakerCreateModel(scope, 'Model', {
        modelName: 'churn',
        role: role('SageMaker'),
        primaryContainer: new tasks.ContainerDefinition({
          image: tasks.DockerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1'),
          mode: tasks.Mode.SINGLE_MODEL,
          modelS3Location: tasks.S3Location.fromJsonExpression('$.ModelArtifacts.S3ModelArtifacts'),
          containerHostName: 'churn',
          environmentVariables: sfn.TaskInput.fromObject({ LEVEL: 'info' }),
        }),
        enableNetworkIsolation: true,
        vpc,
        subnetSelection: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        tags: sfn.TaskInput.fromObject([{ Key: 'team', Value: 'ml' }]),
      }).next(new tasks.SageMakerCreateEndpointConfig(scope, 'Config', {
        endpointConfigName: 'churn-v2',
        productionVariants: [{
          modelName: 'churn',
          variantName: 'primary',
          instanceType: new ec2.InstanceType('m5.large'),
          initialInstanceCount: 2,
          initialVariantWeight: 1,
        }],
        kmsKey: cdk.aws_kms.Key.fromKeyArn(scope, 'Key', arn('kms', 'key/1234')),
        tags: sfn.TaskInput.fromObject([{ Key: 'team', Value: 'ml' }]),
      })).next(new tasks.SageMakerCreateEndpoint(scope, 'Endpoint', {
        endpointName: 'churn',
        endpointConfigName: sfn.JsonPath.stringAt('$.configName'),
        tags: sfn.TaskInput.fromObject([{ Key: 'team', Value: 'ml' }]),
      })).next(new tasks.SageMakerUpdateEndpoint(scope, 'Update', {
        endpointName: 'churn',
        endpointConfigName: 'churn-v2',
      }));
    },
  },
  {
    name: 'sagemaker-jobs-jsonata',
    queryLanguage: 'JSONata',
    build: ({ cdk, sfn, tasks, scope, role }) =>
      tasks.SageMakerCreateTrainingJob.jsonata(scope, 'Train', {
        trainingJobName: '{% $states.input.jobName %}',
        role: role('SageMaker'),
        algorithmSpecification: { algorithmName: 'BlazingText' },
        outputDataConfig: { s3OutputLocation: tasks.S3Location.fromBucket(cdk.aws_s3.Bucket.fromBucketName(scope, 'Out', 'models'), 'churn') },
        hyperparameters: { epochs: '{% $string($states.input.epochs) %}' },
      }).next(tasks.SageMakerCreateTransformJob.jsonata(scope, 'Score', {
        transformJobName: '{% $states.input.scoreName %}',
        modelName: 'churn',
        role: role('SageMakerTransform'),
        transformInput: { transformDataSource: { s3DataSource: { s3Uri: 's3://in/batch/' } } },
        transformOutput: { s3OutputPath: 's3://out/batch/' },
      })),
  },
  {
    name: 'sagemaker-model-and-endpoint-jsonata',
    queryLanguage: 'JSONata',
    build: ({ cdk, sfn, tasks, scope, role }) =>
      tasks.SageMakerCreateModel.jsonata(scope, 'Model', {
        modelName: '{% $states.input.model %}',
        role: role('SageMaker'),
        primaryContainer: new tasks.ContainerDefinition({
          image: tasks.DockerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1'),
          mode: tasks.Mode.SINGLE_MODEL,
          modelS3Location: tasks.S3Location.fromBucket(cdk.aws_s3.Bucket.fromBucketName(scope, 'Models', 'models'), 'churn/model.tar.gz'),
        }),
      }).next(tasks.SageMakerCreateEndpointConfig.jsonata(scope, 'Config', {
        endpointConfigName: '{% $states.input.config %}',
        productionVariants: [{
          modelName: '{% $states.input.model %}',
          variantName: 'primary',
          instanceType: new cdk.aws_ec2.InstanceType('m5.large'),
        }],
      })).next(tasks.SageMakerCreateEndpoint.jsonata(scope, 'Endpoint', {
        endpointName: 'churn',
        endpointConfigName: '{% $states.input.config %}',
      })).next(tasks.SageMakerUpdateEndpoint.jsonata(scope, 'Update', {
        endpointName: 'churn',
        endpointConfigName: '{% $states.input.config %}',
      })),
  },
  {
    name: 'sagemaker-training-job-jsonata-options',
    build: ({ cdk, sfn, tasks, scope, role, arn }) => {
      const key = (name) => cdk.aws_kms.Key.fromKeyArn(scope, name, arn('kms', `key/${name}`));
      const bucket = cdk.aws_s3.Bucket.fromBucketName(scope, 'Data', 'data');
      return tasks.SageMakerCreateTrainingJob.jsonata(scope, 'Train', {
        trainingJobName: 'churn-2',
        role: role('SageMaker'),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        algorithmSpecification: {
          trainingImage: tasks.DockerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1'),
          trainingInputMode: tasks.InputMode.PIPE,
          metricDefinitions: [{ name: 'loss', regex: 'loss=(.*)' }],
        },
        inputDataConfig: [{
          channelName: 'train',
          dataSource: { s3DataSource: { s3Location: tasks.S3Location.fromBucket(bucket, 'train/') } },
          compressionType: tasks.CompressionType.GZIP,
          contentType: 'text/csv',
        }],
        outputDataConfig: { s3OutputLocation: tasks.S3Location.fromBucket(bucket, 'out/'), encryptionKey: key('out') },
        resourceConfig: {
          instanceCount: 2,
          instanceType: new cdk.aws_ec2.InstanceType('m5.xlarge'),
          volumeSize: cdk.Size.gibibytes(50),
        },
        stoppingCondition: { maxRuntime: cdk.Duration.hours(2) },
        tags: { team: 'ml' },
        environment: { LEVEL: '{% $states.input.level %}' },
        enableNetworkIsolation: true,
      }).next(tasks.SageMakerCreateTransformJob.jsonata(scope, 'Score', {
        transformJobName: 'score-2',
        modelName: '{% $states.input.model %}',
        role: role('SageMakerTransform'),
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        batchStrategy: tasks.BatchStrategy.MULTI_RECORD,
        maxConcurrentTransforms: 2,
        maxPayload: cdk.Size.mebibytes(6),
        modelClientOptions: { invocationsMaxRetries: 1, invocationsTimeout: cdk.Duration.minutes(2) },
        transformInput: {
          contentType: 'text/csv',
          splitType: tasks.SplitType.LINE,
          transformDataSource: { s3DataSource: { s3Uri: 's3://in/batch/', s3DataType: tasks.S3DataType.MANIFEST_FILE } },
        },
        transformOutput: { s3OutputPath: 's3://out/batch/', accept: 'text/csv', assembleWith: tasks.AssembleWith.LINE },
        transformResources: { instanceCount: 2, instanceType: new cdk.aws_ec2.InstanceType('c5.xlarge') },
      }));
    },
  },
];
