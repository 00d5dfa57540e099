import { Logger } from '@aws-lambda-powertools/logger';

/** One logger per function, created at cold start. Service name comes from POWERTOOLS_SERVICE_NAME. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'mitra' });
