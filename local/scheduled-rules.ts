import { type CloudAssembly, referencedLogicalId } from './cloud-assembly.ts';
import { StartupError } from './startup-error.ts';

/** lib/alert-sending.ts EMBEDDED_SCHEDULE_METADATA_KEY: rules the embedded runtime drives with its own timer. */
const EMBEDDED_SCHEDULE = 'mitra:embedded-schedule';
/** lib/reminders.ts EMBEDDED_TIMER_METADATA_KEY: functions invoked with this event in place of a missing emulator. */
const EMBEDDED_TIMER = 'mitra:embedded-timer';

export interface ScheduledRules {
  stop(): Promise<void>;
}

/**
 * The schedule rules of the template marked for the embedded runtime, each invoking its function targets as
 * EventBridge would, and the functions marked for a timer (reminders, which fire from EventBridge Scheduler in AWS),
 * with their event: one run, then the next `intervalMs` after it ends (never two at once), until stopped. Rules not
 * marked run at their own rate (the parked replies' redrive every 5 minutes), the first run one period after start.
 */
export function startScheduledRules(options: {
  assembly: CloudAssembly;
  invoke(logicalId: string, event: unknown): Promise<unknown>;
  has(logicalId: string): boolean;
  intervalMs: number;
  log(line: string): void;
}): ScheduledRules {
  const rules = options.assembly.resourcesOfType('AWS::Events::Rule').flatMap(([ruleId, rule]) => {
    const marked = rule.Metadata?.[EMBEDDED_SCHEDULE] === true;
    const period = marked ? options.intervalMs : rateMs(rule.Properties?.ScheduleExpression);
    if (period === undefined) return [];
    return ((rule.Properties?.Targets as { Arn: unknown }[] | undefined) ?? []).map((target) => {
      const logicalId = referencedLogicalId(target.Arn)?.logicalId;
      if (!logicalId || !options.has(logicalId))
        throw new StartupError(`schedule rule ${ruleId} targets ${JSON.stringify(target.Arn)}, which has no bundle`);
      const event = { source: 'aws.events', 'detail-type': 'Scheduled Event', resources: [ruleId], detail: {} };
      return { ruleId, logicalId, event, period, firstAfter: marked ? 0 : period };
    });
  });
  const timers = options.assembly
    .resourcesOfType('AWS::Lambda::Function')
    .filter(([logicalId, fn]) => fn.Metadata?.[EMBEDDED_TIMER] !== undefined && options.has(logicalId))
    .map(([logicalId, fn]) => ({
      ruleId: `timer ${logicalId}`,
      logicalId,
      event: fn.Metadata?.[EMBEDDED_TIMER],
      period: options.intervalMs,
      firstAfter: 0,
    }));
  let stopped = false;
  let wake: () => void = () => {};
  const stoppedNow = new Promise<void>((resolve) => (wake = resolve));
  const pause = (ms: number) => Promise.race([new Promise((resolve) => setTimeout(resolve, ms).unref()), stoppedNow]);
  const running = [...rules, ...timers].map(async ({ ruleId, logicalId, event, period, firstAfter }) => {
    await pause(firstAfter);
    while (!stopped) {
      await options.invoke(logicalId, event).catch((error: unknown) => {
        options.log(`[schedule ${ruleId}] run failed: ${(error as Error).message}`);
      });
      await pause(period);
    }
  });
  return {
    async stop() {
      stopped = true;
      wake();
      await Promise.all(running);
    },
  };
}

/** An EventBridge `rate(…)` expression's period; undefined for any other schedule (cron) or none. */
function rateMs(expression: unknown): number | undefined {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(String(expression ?? ''));
  if (!match) return undefined;
  const unit = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[match[2]!.replace(/s$/, '') as 'minute'];
  return Number(match[1]) * unit;
}
