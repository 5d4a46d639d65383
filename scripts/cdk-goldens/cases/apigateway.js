// CallApiGatewayRestApiEndpoint, CallApiGatewayHttpApiEndpoint.
'use strict';

module.exports = [
  {
    name: 'apigateway-rest-api',
    build: ({ tasks, scope, restApi }) =>
      new tasks.CallApiGatewayRestApiEndpoint(scope, 'Call', {
        api: restApi('a1b2c3'),
        stageName: 'prod',
        method: tasks.HttpMethod.GET,
      }),
  },
  {
    name: 'apigateway-rest-api-options',
    build: ({ sfn, tasks, scope, restApi }) =>
      new tasks.CallApiGatewayRestApiEndpoint(scope, 'Call', {
        api: restApi('a1b2c3'),
        stageName: 'prod',
        method: tasks.HttpMethod.POST,
        region: 'eu-west-1',
        apiPath: '/orders',
        headers: sfn.TaskInput.fromObject({ 'Content-Type': ['application/json'] }),
        queryParameters: sfn.TaskInput.fromObject({ dry: ['true'] }),
        requestBody: sfn.TaskInput.fromJsonPathAt('$.order'),
        authType: tasks.AuthType.IAM_ROLE,
      }),
  },
  {
    name: 'apigateway-rest-api-wait-for-task-token',
    build: ({ sfn, tasks, scope, restApi }) =>
      new tasks.CallApiGatewayRestApiEndpoint(scope, 'Call', {
        api: restApi('a1b2c3'),
        stageName: 'prod',
        method: tasks.HttpMethod.PUT,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        headers: sfn.TaskInput.fromObject({ TaskToken: sfn.JsonPath.array(sfn.JsonPath.taskToken) }),
        authType: tasks.AuthType.RESOURCE_POLICY,
      }),
  },
  {
    name: 'apigateway-http-api',
    build: ({ sfn, tasks, scope }) =>
      new tasks.CallApiGatewayHttpApiEndpoint(scope, 'Call', {
        apiId: 'h1',
        apiStack: require('aws-cdk-lib').Stack.of(scope),
        method: tasks.HttpMethod.DELETE,
        stageName: 'live',
        apiPath: '/items',
        headers: sfn.TaskInput.fromObject({ Accept: ['application/json'] }),
        queryParameters: sfn.TaskInput.fromJsonPathAt('$.query'),
        authType: tasks.AuthType.IAM_ROLE,
      }),
  },
  {
    name: 'apigateway-http-api-jsonata',
    build: ({ sfn, tasks, scope }) =>
      tasks.CallApiGatewayHttpApiEndpoint.jsonata(scope, 'Call', {
        apiId: 'h1',
        apiStack: require('aws-cdk-lib').Stack.of(scope),
        method: tasks.HttpMethod.PATCH,
        apiPath: '{% $states.input.path %}',
        requestBody: sfn.TaskInput.fromText('{% $states.input.body %}'),
      }).next(tasks.CallApiGatewayHttpApiEndpoint.jsonata(scope, 'Head', {
        apiId: 'h1',
        apiStack: require('aws-cdk-lib').Stack.of(scope),
        method: tasks.HttpMethod.HEAD,
      })).next(tasks.CallApiGatewayHttpApiEndpoint.jsonata(scope, 'Options', {
        apiId: 'h1',
        apiStack: require('aws-cdk-lib').Stack.of(scope),
        method: tasks.HttpMethod.OPTIONS,
        authType: tasks.AuthType.NO_AUTH,
      })),
  },
  {
    name: 'apigateway-rest-api-jsonata',
    build: ({ sfn, tasks, scope, restApi }) =>
      tasks.CallApiGatewayRestApiEndpoint.jsonata(scope, 'Call', {
        api: restApi('a1b2c3'),
        stageName: 'prod',
        method: tasks.HttpMethod.POST,
        apiPath: '{% $states.input.path %}',
        headers: sfn.TaskInput.fromObject({ 'Content-Type': ['application/json'] }),
        requestBody: sfn.TaskInput.fromText('{% $states.input.order %}'),
        authType: tasks.AuthType.IAM_ROLE,
      }),
  },
];
