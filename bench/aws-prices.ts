/**
 * The AWS list prices every cost figure uses: region us-east-1 (N. Virginia), on-demand, without free tiers, in US
 * dollars per unit. One file, so a price is changed in one place; each price names the page it is listed on.
 * DynamoDB on-demand throughput is priced as listed since its reduction of 1 November 2024 (half the earlier price).
 * Prices as listed in 2025 and 2026.
 */

export const AWS_PRICES = {
  /** https://aws.amazon.com/lambda/pricing/ — Arm (Graviton), as every Mitra function runs. */
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  /** https://aws.amazon.com/dynamodb/pricing/on-demand/ — Standard table class; a transactional write is 2 units/KB. */
  dynamoWriteRequestUnit: 0.625 / 1e6,
  dynamoReadRequestUnit: 0.125 / 1e6,
  /** Same page: stream reads by a Lambda trigger are free; other GetRecords calls are $0.02 per 100,000. */
  dynamoStreamReadRequest: 0.02 / 100_000,
  /** https://aws.amazon.com/s3/pricing/ — S3 Standard. */
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  s3StorageGbMonth: 0.023,
  /** https://aws.amazon.com/kms/pricing/ — Sign with an ECC (asymmetric, not RSA 2048) key: $0.15 per 10,000. */
  kmsAsymmetricRequest: 0.15 / 10_000,
  /** https://aws.amazon.com/step-functions/pricing/ — Standard workflows, per state transition. */
  stepFunctionsTransition: 0.025 / 1000,
  /** https://aws.amazon.com/cloudwatch/pricing/ — Logs, Standard log class, data ingested. */
  logsIngestedGb: 0.5,
  /** https://aws.amazon.com/api-gateway/pricing/ — HTTP API, first 300 million requests a month. */
  httpApiRequest: 1.0 / 1e6,
  /** https://aws.amazon.com/firehose/pricing/ — Direct PUT, first 500 TB a month; each record rounded up to 5 KB. */
  firehoseIngestedGb: 0.029,
  /** Same page: conversion to Parquet, per GB converted; dynamic partitioning, per GB processed and per 1,000 objects. */
  firehoseFormatConversionGb: 0.018,
  firehoseDynamicPartitioningGb: 0.02,
  firehosePartitionObject: 0.005 / 1000,
  /** https://aws.amazon.com/xray/pricing/ — traces recorded, $5.00 per million. */
  xrayTraceRecorded: 5.0 / 1e6,
} as const;
