/** The CloudWatch namespace of Mitra's own metrics; lib/monitoring.ts alarms on them. */
const METRICS_NAMESPACE = 'Mitra';

// Read once as the module loads, when the environment is this function's own.
const service = process.env.POWERTOOLS_SERVICE_NAME ?? 'mitra';

/**
 * Emits one metric in CloudWatch Embedded Metric Format: a JSON line on stdout that Lambda's log pipeline turns into
 * a metric, without a synchronous PutMetricData call on the hot path. Dimension: the function's service name.
 */
export function countMetric(name: string, value = 1, properties: Record<string, string | number> = {}): void {
  process.stdout.write(
    `${JSON.stringify({
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          { Namespace: METRICS_NAMESPACE, Dimensions: [['service']], Metrics: [{ Name: name, Unit: 'Count' }] },
        ],
      },
      service,
      [name]: value,
      ...properties,
    })}\n`,
  );
}
