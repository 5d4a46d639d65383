// DynamoGetItem, DynamoPutItem, DynamoUpdateItem, DynamoDeleteItem.
'use strict';

module.exports = [
  {
    name: 'dynamodb-get-item',
    build: ({ sfn, tasks, scope, table }) =>
      new tasks.DynamoGetItem(scope, 'Get', {
        table: table('orders'),
        key: { id: tasks.DynamoAttributeValue.fromString(sfn.JsonPath.stringAt('$.id')) },
      }),
  },
  {
    name: 'dynamodb-get-item-options',
    build: ({ sfn, tasks, scope, tableArn }) =>
      new tasks.DynamoGetItem(scope, 'Get', {
        table: tableArn('people'),
        key: {
          pk: tasks.DynamoAttributeValue.fromString('person'),
          sk: tasks.DynamoAttributeValue.fromNumber(sfn.JsonPath.numberAt('$.n')),
        },
        consistentRead: true,
        expressionAttributeNames: { '#n': 'name' },
        projectionExpression: [
          new tasks.DynamoProjectionExpression().withAttribute('#n'),
          new tasks.DynamoProjectionExpression().withAttribute('address').withAttribute('lines').atIndex(0),
        ],
        returnConsumedCapacity: tasks.DynamoConsumedCapacity.TOTAL,
      }),
  },
  {
    name: 'dynamodb-put-item',
    build: ({ sfn, tasks, scope, table }) => {
      const V = tasks.DynamoAttributeValue;
      return new tasks.DynamoPutItem(scope, 'Put', {
        table: table('orders'),
        item: {
          s: V.fromString('text'),
          n: V.fromNumber(1.5),
          ns: V.numberFromString('10'),
          b: V.fromBinary('AAE='),
          ss: V.fromStringSet(['a', 'b']),
          nset: V.fromNumberSet([1, 2.5]),
          nsf: V.numberSetFromStrings(['3', '4']),
          bs: V.fromBinarySet(['AA==']),
          m: V.fromMap({ inner: V.fromBoolean(true), deep: V.fromMap({ x: V.fromNull(true) }) }),
          mp: V.mapFromJsonPath('$.map'),
          l: V.fromList([V.fromString('x'), V.fromNumber(2)]),
          lp: V.listFromJsonPath('$.list'),
          bp: V.booleanFromJsonPath(sfn.JsonPath.stringAt('$.flag')),
          sp: V.fromString(sfn.JsonPath.stringAt('$.s')),
        },
        conditionExpression: 'attribute_not_exists(#s)',
        expressionAttributeNames: { '#s': 's' },
        expressionAttributeValues: { ':zero': V.fromNumber(0) },
        returnConsumedCapacity: tasks.DynamoConsumedCapacity.INDEXES,
        returnItemCollectionMetrics: tasks.DynamoItemCollectionMetrics.SIZE,
        returnValues: tasks.DynamoReturnValues.ALL_OLD,
      });
    },
  },
  {
    name: 'dynamodb-update-item',
    build: ({ sfn, tasks, scope, table }) =>
      new tasks.DynamoUpdateItem(scope, 'Update', {
        table: table('stats'),
        key: { id: tasks.DynamoAttributeValue.fromString('visits') },
        updateExpression: 'SET #n = #n + :one',
        conditionExpression: 'attribute_exists(id)',
        expressionAttributeNames: { '#n': 'count' },
        expressionAttributeValues: { ':one': tasks.DynamoAttributeValue.fromNumber(1) },
        returnConsumedCapacity: tasks.DynamoConsumedCapacity.NONE,
        returnItemCollectionMetrics: tasks.DynamoItemCollectionMetrics.NONE,
        returnValues: tasks.DynamoReturnValues.UPDATED_NEW,
        resultSelector: { count: sfn.JsonPath.stringAt('$.Attributes.count.N') },
      }),
  },
  {
    name: 'dynamodb-delete-item',
    build: ({ sfn, tasks, scope, table }) =>
      new tasks.DynamoDeleteItem(scope, 'Delete', {
        table: table('orders'),
        key: { id: tasks.DynamoAttributeValue.fromString(sfn.JsonPath.stringAt('$.id')) },
        conditionExpression: '#s = :done',
        expressionAttributeNames: { '#s': 'status' },
        expressionAttributeValues: { ':done': tasks.DynamoAttributeValue.fromString('DONE') },
        returnConsumedCapacity: tasks.DynamoConsumedCapacity.TOTAL,
        returnItemCollectionMetrics: tasks.DynamoItemCollectionMetrics.SIZE,
        returnValues: tasks.DynamoReturnValues.ALL_OLD,
      }),
  },
  {
    name: 'dynamodb-jsonata',
    queryLanguage: 'JSONata',
    build: ({ tasks, scope, table }) => {
      const V = tasks.DynamoAttributeValue;
      return tasks.DynamoPutItem.jsonata(scope, 'Put', {
        table: table('orders'),
        item: {
          id: V.fromString('{% $states.input.id %}'),
          m: V.mapFromJsonata('{% $states.input.map %}'),
          l: V.listFromJsonata('{% $states.input.list %}'),
          b: V.booleanFromJsonata('{% $states.input.flag %}'),
        },
      }).next(tasks.DynamoGetItem.jsonata(scope, 'Get', {
        table: table('orders'),
        key: { id: V.fromString('{% $states.input.id %}') },
        outputs: '{% $states.result.Item %}',
      }));
    },
  },
  {
    name: 'dynamodb-update-delete-jsonata',
    queryLanguage: 'JSONata',
    build: ({ tasks, scope, table }) => {
      const V = tasks.DynamoAttributeValue;
      return tasks.DynamoUpdateItem.jsonata(scope, 'Update', {
        table: table('stats'),
        key: { id: V.fromString('{% $states.input.id %}') },
        updateExpression: 'SET #n = #n + :one',
        expressionAttributeNames: { '#n': 'count' },
        expressionAttributeValues: { ':one': V.fromNumber(1) },
        returnValues: tasks.DynamoReturnValues.UPDATED_NEW,
      }).next(tasks.DynamoDeleteItem.jsonata(scope, 'Delete', {
        table: table('orders'),
        key: { id: V.fromString('{% $states.input.order %}') },
        conditionExpression: '#s = :done',
        expressionAttributeNames: { '#s': 'status' },
        expressionAttributeValues: { ':done': V.fromString('DONE') },
        returnValues: tasks.DynamoReturnValues.ALL_OLD,
      }));
    },
  },
  {
    name: 'dynamodb-jsonata-options',
    queryLanguage: 'JSONata',
    build: ({ tasks, scope, table, tableArn }) => {
      const V = tasks.DynamoAttributeValue;
      return tasks.DynamoPutItem.jsonata(scope, 'Put', {
        table: table('orders'),
        item: {
          s: V.fromString('text'),
          n: V.fromNumber(1.5),
          ns: V.numberFromString('{% $string($states.input.count) %}'),
          b: V.fromBinary('AAE='),
          ss: V.fromStringSet(['a', '{% $states.input.tag %}']),
          nset: V.fromNumberSet([1, 2.5]),
          nsf: V.numberSetFromStrings(['3', '4']),
          bs: V.fromBinarySet(['AA==']),
          m: V.fromMap({ inner: V.fromBoolean(true), deep: V.fromMap({ x: V.fromNull(true) }) }),
          l: V.fromList([V.fromString('x'), V.fromNumber(2)]),
        },
        conditionExpression: 'attribute_not_exists(#s)',
        expressionAttributeNames: { '#s': 's' },
        expressionAttributeValues: { ':zero': V.fromNumber(0) },
        returnConsumedCapacity: tasks.DynamoConsumedCapacity.INDEXES,
        returnItemCollectionMetrics: tasks.DynamoItemCollectionMetrics.SIZE,
        returnValues: tasks.DynamoReturnValues.ALL_OLD,
      }).next(tasks.DynamoGetItem.jsonata(scope, 'Get', {
        table: tableArn('people'),
        key: { pk: V.fromString('person'), sk: V.fromNumber(7) },
        consistentRead: true,
        expressionAttributeNames: { '#n': 'name' },
        projectionExpression: [
          new tasks.DynamoProjectionExpression().withAttribute('#n'),
          new tasks.DynamoProjectionExpression().withAttribute('address').withAttribute('lines').atIndex(0),
        ],
        returnConsumedCapacity: tasks.DynamoConsumedCapacity.TOTAL,
      }));
    },
  },
];
