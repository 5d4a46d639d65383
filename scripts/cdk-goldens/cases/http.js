// HttpInvoke.
'use strict';

module.exports = [
  {
    name: 'http-invoke',
    build: ({ sfn, tasks, scope, connection }) =>
      new tasks.HttpInvoke(scope, 'Call', {
        apiRoot: 'https://api.example.com',
        apiEndpoint: sfn.TaskInput.fromText('orders'),
        method: sfn.TaskInput.fromText('GET'),
        connection: connection('api'),
      }),
  },
  {
    name: 'http-invoke-options',
    build: ({ sfn, tasks, scope, connection, arn }) =>
      new tasks.HttpInvoke(scope, 'Call', {
        apiRoot: 'https://api.example.com',
        apiEndpoint: sfn.TaskInput.fromJsonPathAt('$.path'),
        method: sfn.TaskInput.fromText('POST'),
        connection: connection('api', arn('secretsmanager', 'secret:events!connection/api/5f2c-AbCdEf')),
        body: sfn.TaskInput.fromObject({ ids: sfn.JsonPath.stringAt('$.ids') }),
        headers: sfn.TaskInput.fromObject({ 'X-Trace': sfn.JsonPath.stringAt('$.trace') }),
        queryStringParameters: sfn.TaskInput.fromObject({ page: '1' }),
        urlEncodingFormat: tasks.URLEncodingFormat.BRACKETS,
      }).next(new tasks.HttpInvoke(scope, 'Default encoding', {
        apiRoot: 'https://api.example.com',
        apiEndpoint: sfn.TaskInput.fromText('form'),
        method: sfn.TaskInput.fromText('PUT'),
        connection: connection('api'),
        urlEncodingFormat: tasks.URLEncodingFormat.DEFAULT,
      })).next(new tasks.HttpInvoke(scope, 'Not encoded', {
        apiRoot: 'https://api.example.com',
        apiEndpoint: sfn.TaskInput.fromText('json'),
        method: sfn.TaskInput.fromText('DELETE'),
        connection: connection('api'),
        urlEncodingFormat: tasks.URLEncodingFormat.NONE,
      })).next(new tasks.HttpInvoke(scope, 'Commas', {
        apiRoot: 'https://api.example.com',
        apiEndpoint: sfn.TaskInput.fromText('c'),
        method: sfn.TaskInput.fromText('PATCH'),
        connection: connection('api'),
        urlEncodingFormat: tasks.URLEncodingFormat.COMMAS,
      })),
  },
  {
    name: 'http-invoke-jsonata',
    build: ({ sfn, tasks, scope, connection }) =>
      tasks.HttpInvoke.jsonata(scope, 'Call', {
        apiRoot: 'https://api.example.com',
        apiEndpoint: sfn.TaskInput.fromText('{% $states.input.path %}'),
        method: sfn.TaskInput.fromText('GET'),
        connection: connection('api'),
        urlEncodingFormat: tasks.URLEncodingFormat.REPEAT,
      }).next(tasks.HttpInvoke.jsonata(scope, 'Root from input', {
        apiRoot: '{% $states.input.root %}',
        apiEndpoint: sfn.TaskInput.fromText('status'),
        method: sfn.TaskInput.fromText('GET'),
        connection: connection('api'),
        urlEncodingFormat: tasks.URLEncodingFormat.INDICES,
      })),
  },
];
