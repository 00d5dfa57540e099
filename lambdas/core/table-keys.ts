/**
 * The single table's item keys. Every item has `pk`, `sk` and a `kind`; items that expire carry `expiresAt`
 * (epoch seconds, the table's TTL attribute). GSI `byCitizen` (gsi1pk, gsi1sk) lists a citizen's applications.
 */
/** The GSI of a citizen's applications (lib/state-table.ts names it the same). */
export const BY_CITIZEN_INDEX = 'byCitizen';

/** The sort keys of a citizen's parked marks begin with this. */
export const PARKED_MARK_PREFIX = 'PARKED#';

export const keys = {
  /** Dedupe mark of one inbound WhatsApp message id; kept ≥ 8 days because Meta retries for up to 7. */
  inboundMessage: (wamid: string) => ({ pk: `MSG#${wamid}`, sk: 'MSG' }),
  session: (waId: string) => ({ pk: `CITIZEN#${waId}`, sk: 'SESSION' }),
  /** Until when Meta's pair rate limit (131056) asked us to space out messages to this citizen. */
  pairPacing: (waId: string) => ({ pk: `CITIZEN#${waId}`, sk: 'PAIR-PACING' }),
  /** How many replies of a turn (by the hash of its message) the sender sent before its stream record failed. */
  turnProgress: (waId: string, turn: string) => ({ pk: `CITIZEN#${waId}`, sk: `TURN-PROGRESS#${turn}` }),
  /** Outbox replies; the sort key orders a citizen's messages. */
  outbox: (waId: string, sequence: string) => ({ pk: `OUTBOX#${waId}`, sk: sequence }),
  /**
   * A reply the sender could not deliver yet, kept with its content until a redrive queues it again. One partition
   * lists them all (few at any time), in the order they were queued per citizen.
   */
  parkedReply: (waId: string, createdAt: string, sequence: string) => ({
    pk: 'PARKED-REPLIES',
    sk: `${waId}#${createdAt}#${sequence}`,
  }),
  /**
   * The mark, in the citizen's own partition, that a reply to them is parked: written and dropped with the parked
   * copy, so the sender's one read of the citizen tells whether a reply must wait behind parked ones.
   */
  parkedMark: (waId: string, createdAt: string, sequence: string) => ({
    pk: `CITIZEN#${waId}`,
    sk: `${PARKED_MARK_PREFIX}${createdAt}#${sequence}`,
  }),
  application: (applicationId: string) => ({ pk: `APP#${applicationId}`, sk: 'APP' }),
  applicationsOfCitizen: (waId: string) => ({ gsi1pk: `CITIZEN#${waId}` }),
  /** One certificate per application: the conditional put of this item decides which certificate id wins. */
  certificateOfApplication: (applicationId: string) => ({ pk: `APP#${applicationId}`, sk: 'CERT' }),
  certificate: (certId: string) => ({ pk: `CERT#${certId}`, sk: 'CERT' }),
  /** Work the chat asked of the certificate code (check a photo), keyed by the inbound message that asked for it. */
  certificateTask: (wamid: string) => ({ pk: `TASK#${wamid}`, sk: 'TASK' }),
  /**
   * The worklist keys an application carries while it waits for an officer: GSI `awaitingDecision` lists a
   * department's (for its state-level officers), GSI `awaitingDecisionInDistrict` one district's of a department.
   */
  awaitingDecision: (department: string, district?: string) => ({
    awaitingDepartment: department,
    ...(district ? { awaitingDistrict: `${department}#${district}` } : {}),
  }),
  /** A registered officer, by the WhatsApp number they act from (added by an administrator). */
  officer: (waId: string) => ({ pk: `OFFICER#${waId}`, sk: 'OFFICER' }),
  /**
   * Mark of a run of lake events counted together on the live dashboard (lambdas/adapters/live-counters.ts), by a
   * digest of the run's first event id.
   */
  countedEvents: (firstEventDigest: string) => ({ pk: `COUNTED#${firstEventDigest}`, sk: 'COUNTED' }),
  /** One live figure of one day (India date), e.g. `applications` or `service#revenue.income-certificate`. */
  liveCounter: (day: string, name: string) => ({ pk: `LIVE#${day}`, sk: name }),
  /**
   * Mitra's own booking inventory (lambdas/adapters/booking-inventory.ts): one item per held or sold unit (a seat, a
   * place) of one resource at one time, absent while it is free; one partition per resource and time.
   */
  inventoryUnit: (resourceKey: string, unit: string) => ({ pk: `INVENTORY#${resourceKey}`, sk: `UNIT#${unit}` }),
  inventoryUnits: (resourceKey: string) => ({ pk: `INVENTORY#${resourceKey}` }),
  /** A hold of units, by its id: what it holds, until when, and whether it was sold, released or cancelled. */
  inventoryHold: (holdId: string) => ({ pk: `INVENTORY#HOLD#${holdId}`, sk: 'HOLD' }),
  /** Places one person (keyed Aadhaar hash) holds or bought of one service in one month, for its quota. */
  inventoryQuota: (serviceId: string, holderHash: string, month: string) => ({
    pk: `INVENTORY#QUOTA#${serviceId}#${holderHash}`,
    sk: month,
  }),
  /**
   * A citizen's subscription to one alert topic in one district: one partition per topic and district, so the
   * recipients of an alert are one query, never a scan.
   */
  alertSubscription: (topic: string, district: string, waId: string) => ({
    pk: `ALERTS#${topic}#${district}`,
    sk: waId,
  }),
  alertSubscribers: (topic: string, district: string) => ({ pk: `ALERTS#${topic}#${district}` }),
  /** An operator's alert to a topic and district, with how far its sending got. */
  alertCampaign: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
  /** One recipient of a campaign, written (conditionally) with the alert's outbox item: never queued twice. */
  campaignRecipient: (campaignId: string, waId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: `TO#${waId}` }),
  campaignRecipients: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, skPrefix: 'TO#' }),
  /** The campaigns still sending: one small partition the pacing function reads on every run. */
  sendingCampaign: (campaignId: string) => ({ pk: 'CAMPAIGNS#SENDING', sk: campaignId }),
  sendingCampaigns: () => ({ pk: 'CAMPAIGNS#SENDING' }),
  /** Every campaign, by its id (which begins with its time): the dashboard lists the latest. */
  campaignInList: (campaignId: string) => ({ pk: 'CAMPAIGNS#ALL', sk: campaignId }),
  allCampaigns: () => ({ pk: 'CAMPAIGNS#ALL' }),
  /** Alerts queued in one hour (UTC, `yyyy-mm-ddThh`): the last 24 of them are the rolling messaging limit's count. */
  alertsQueuedInHour: (hour: string) => ({ pk: 'CAMPAIGNS#QUEUED', sk: hour }),
  alertsQueuedHours: () => ({ pk: 'CAMPAIGNS#QUEUED' }),
  /** A reminder (lambdas/core/reminders/): what it says, to whom, and whether it was sent. */
  reminder: (reminderId: string) => ({ pk: `REMINDER#${reminderId}`, sk: 'REMINDER' }),
  /**
   * A reminder not yet fired, by its time: the embedded runtime's timer sends those whose time has come (in AWS each
   * has its own one-time schedule).
   */
  dueReminder: (at: string, reminderId: string) => ({ pk: 'REMINDERS#DUE', sk: `${at}#${reminderId}` }),
  dueReminders: () => ({ pk: 'REMINDERS#DUE' }),
} as const;

export const DEDUPE_RETENTION_SECONDS = 8 * 24 * 60 * 60;
