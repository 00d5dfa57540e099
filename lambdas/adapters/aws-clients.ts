import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// Clients are created once per cold start. Endpoints come from the SDK's standard AWS_ENDPOINT_URL_* variables,
// which only the embedded runtime sets; in AWS they are absent and the regional endpoints are used.
export const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

// s3rver only understands path-style addressing; S3 itself prefers virtual-hosted style.
export const s3 = new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true' });

export const sfn = new SFNClient({});

export const kms = new KMSClient({});
