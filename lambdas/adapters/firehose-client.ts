import { FirehoseClient } from '@aws-sdk/client-firehose';

// Endpoint from AWS_ENDPOINT_URL_FIREHOSE, which only the embedded runtime sets (its local Firehose).
export const firehose = new FirehoseClient({});
