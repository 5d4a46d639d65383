// MediaConvertCreateJob, BedrockInvokeModel, BedrockCreateModelCustomizationJob.
// (No JSONata model customization: the CDK writes `Parameters` in a JSONata state,
// which AWS refuses.)
'use strict';

module.exports = [
  {
    name: 'mediaconvert-create-job',
    build: ({ sfn, tasks, scope }) =>
      new tasks.MediaConvertCreateJob(scope, 'Transcode', {
        createJobRequest: {
          Role: 'arn:aws:iam::123456789012:role/MediaConvert',
          Settings: { OutputGroups: [], Inputs: [{ FileInput: 's3://in/video.mp4' }] },
        },
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
      }).next(new tasks.MediaConvertCreateJob(scope, 'Transcode quickly', {
        createJobRequest: {
          Role: 'arn:aws:iam::123456789012:role/MediaConvert',
          Settings: { OutputGroups: [], Inputs: [{ 'FileInput.$': '$.input' }] },
        },
      })),
  },
  {
    name: 'bedrock-invoke-model',
    build: ({ cdk, sfn, tasks, scope }) => {
      const model = cdk.aws_bedrock.FoundationModel.fromFoundationModelId(scope, 'Model',
        cdk.aws_bedrock.FoundationModelIdentifier.AMAZON_TITAN_TEXT_G1_EXPRESS_V1);
      return new tasks.BedrockInvokeModel(scope, 'Summarize', {
        model,
        body: sfn.TaskInput.fromObject({ inputText: sfn.JsonPath.stringAt('$.text') }),
        accept: 'application/json',
        contentType: 'application/json',
        output: { s3OutputUri: 's3://out/summary.json' },
        guardrail: tasks.Guardrail.enable('abc123def456', 1),
        traceEnabled: true,
      }).next(new tasks.BedrockInvokeModel(scope, 'From S3', {
        model,
        input: { s3InputUri: sfn.JsonPath.stringAt('$.request') },
        output: { s3Location: { bucketName: 'out', objectKey: 'result.json' } },
        traceEnabled: false,
      })).next(new tasks.BedrockInvokeModel(scope, 'From a location', {
        model,
        input: { s3Location: { bucketName: 'in', objectKey: 'request.json' } },
        guardrail: tasks.Guardrail.enableDraft('arn:aws:bedrock:us-east-1:123456789012:guardrail/xyz789abc012'),
      }));
    },
  },
  {
    name: 'bedrock-model-customization',
    build: ({ cdk, sfn, tasks, scope, role, arn }) => {
      const bucket = (name) => cdk.aws_s3.Bucket.fromBucketName(scope, name, name);
      const model = cdk.aws_bedrock.FoundationModel.fromFoundationModelId(scope, 'Model',
        cdk.aws_bedrock.FoundationModelIdentifier.AMAZON_TITAN_TEXT_G1_EXPRESS_V1);
      const ec2 = cdk.aws_ec2;
      return new tasks.BedrockCreateModelCustomizationJob(scope, 'Customize', {
        baseModel: model,
        customModelName: 'support-bot',
        jobName: 'support-bot-job',
        role: role('Bedrock'),
        trainingData: { bucket: bucket('train'), path: 'data.jsonl' },
        outputData: { bucket: bucket('out') },
        clientRequestToken: 'token-1',
        customizationType: tasks.CustomizationType.FINE_TUNING,
        customModelTags: [{ key: 'team', value: 'support' }],
        hyperParameters: { epochCount: '1' },
        jobTags: [{ key: 'run', value: '1' }],
        validationData: [{ bucket: bucket('validate'), path: 'data.jsonl' }],
        vpcConfig: {
          securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(scope, 'Sg', 'sg-1')],
          subnets: [ec2.Subnet.fromSubnetId(scope, 'Subnet', 'subnet-1')],
        },
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
      }).next(new tasks.BedrockCreateModelCustomizationJob(scope, 'Customize again', {
        baseModel: model,
        customModelName: 'support-bot-2',
        jobName: 'support-bot-job-2',
        role: role('Bedrock'),
        trainingData: { bucket: bucket('train2') },
        outputData: { bucket: bucket('out2'), path: 'models' },
        customizationType: tasks.CustomizationType.CONTINUED_PRE_TRAINING,
        hyperParameters: { 'Evaluation percentage': '20' },
      }));
    },
  },
  {
    name: 'mediaconvert-create-job-jsonata',
    build: ({ sfn, tasks, scope }) =>
      tasks.MediaConvertCreateJob.jsonata(scope, 'Transcode', {
        createJobRequest: {
          Role: 'arn:aws:iam::123456789012:role/MediaConvert',
          Settings: { OutputGroups: [], Inputs: [{ FileInput: '{% $states.input.video %}' }] },
        },
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
      }),
  },
  {
    name: 'bedrock-invoke-model-jsonata',
    build: ({ cdk, sfn, tasks, scope }) => {
      const model = cdk.aws_bedrock.FoundationModel.fromFoundationModelId(scope, 'Model',
        cdk.aws_bedrock.FoundationModelIdentifier.AMAZON_TITAN_TEXT_G1_EXPRESS_V1);
      return tasks.BedrockInvokeModel.jsonata(scope, 'Summarize', {
        model,
        body: sfn.TaskInput.fromObject({ inputText: '{% $states.input.text %}' }),
        contentType: 'application/json',
      }).next(tasks.BedrockInvokeModel.jsonata(scope, 'From S3', {
        model,
        input: { s3Location: { bucketName: 'in', objectKey: 'request.json' } },
        output: { s3Location: { bucketName: 'out', objectKey: 'result.json' } },
      }));
    },
  },
];
