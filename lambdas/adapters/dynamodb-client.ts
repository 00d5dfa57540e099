import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// One client per AWS service, each in its own module, so a function loads only the SDK clients it uses (a cold start
// pays for every client imported). Endpoints come from the SDK's standard AWS_ENDPOINT_URL_* variables, which only
// the embedded runtime sets; in AWS the regional endpoints are used.
export const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
