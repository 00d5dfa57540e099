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
 * marked (a redrive every few minutes) are left to their commands.
 */
export function startScheduledRules(options: {
  assembly: CloudAssembly;
  invoke(logicalId: string, event: unknown): Promise<unknown>;
  has(logicalId: string): boolean;
  intervalMs: number;
  log(line: string): void;
}): ScheduledRules {
  const rules = options.assembly
    .resourcesOfType('AWS::Events::Rule')
    .filter(([, rule]) => rule.Metadata?.[EMBEDDED_SCHEDULE] === true)
    .flatMap(([ruleId, rule]) =>
      ((rule.Properties?.Targets as { Arn: unknown }[] | undefined) ?? []).map((target) => {
        const logicalId = referencedLogicalId(target.Arn)?.logicalId;
        if (!logicalId || !options.has(logicalId))
          throw new StartupError(`schedule rule ${ruleId} targets ${JSON.stringify(target.Arn)}, which has no bundle`);
        const event = { source: 'aws.events', 'detail-type': 'Scheduled Event', resources: [ruleId], detail: {} };
        return { ruleId, logicalId, event };
      }),
    );
  const timers = options.assembly
    .resourcesOfType('AWS::Lambda::Function')
    .filter(([logicalId, fn]) => fn.Metadata?.[EMBEDDED_TIMER] !== undefined && options.has(logicalId))
    .map(([logicalId, fn]) => ({ ruleId: `timer ${logicalId}`, logicalId, event: fn.Metadata?.[EMBEDDED_TIMER] }));
  const targets: { ruleId: string; logicalId: string; event: unknown }[] = [...rules, ...timers];
  let stopped = false;
  const running = targets.map(async ({ ruleId, logicalId, event }) => {
    while (!stopped) {
      await options.invoke(logicalId, event).catch((error: unknown) => {
        options.log(`[schedule ${ruleId}] run failed: ${(error as Error).message}`);
      });
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    }
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}
