import { DISTRICTS } from '../catalog/districts.ts';
import type { Language } from '../catalog/schema.ts';

type Bilingual = Record<Language, string>;

/** What a citizen may subscribe to. The id is stable: it is part of the subscription items' keys. */
export const ALERT_TOPICS = [
  { id: 'weather', name: { en: 'Weather warnings', te: 'వాతావరణ హెచ్చరికలు' } },
  { id: 'power', name: { en: 'Power outages', te: 'విద్యుత్ అంతరాయాలు' } },
  { id: 'water', name: { en: 'Water supply', te: 'నీటి సరఫరా' } },
  { id: 'schemes', name: { en: 'Scheme dates', te: 'పథకాల తేదీలు' } },
  { id: 'health', name: { en: 'Health camps', te: 'ఆరోగ్య శిబిరాలు' } },
] as const satisfies readonly { id: string; name: Bilingual }[];

export type AlertTopicId = (typeof ALERT_TOPICS)[number]['id'];

/** The districts alerts are sent to: the catalog's district choices, the same the forms ask. */
export const ALERT_DISTRICTS: readonly { id: string; label: Bilingual }[] = DISTRICTS;

/** A citizen may follow a few districts (home, work, parents'): each adds one item per topic. */
export const MAX_ALERT_DISTRICTS = 3;

export const isAlertTopic = (id: string): id is AlertTopicId => ALERT_TOPICS.some((topic) => topic.id === id);
export const isAlertDistrict = (id: string): boolean => ALERT_DISTRICTS.some((district) => district.id === id);

export const topicName = (id: string, language: Language): string =>
  ALERT_TOPICS.find((topic) => topic.id === id)?.name[language] ?? id;
export const districtName = (id: string, language: Language): string =>
  ALERT_DISTRICTS.find((district) => district.id === id)?.label[language] ?? id;

/** What a citizen follows: every topic in every district chosen. */
export interface AlertChoice {
  topics: string[];
  districts: string[];
}

/** One subscription item: a topic in a district (the key the operator's alert is sent to). */
export interface AlertPair {
  topic: string;
  district: string;
}

const pairsOf = (choice: AlertChoice): AlertPair[] =>
  choice.topics.flatMap((topic) => choice.districts.map((district) => ({ topic, district })));

const keyOf = (pair: AlertPair) => `${pair.topic}#${pair.district}`;

/** The subscription items to write and to delete to go from one choice to another. */
export function subscriptionChange(before: AlertChoice, after: AlertChoice): { add: AlertPair[]; remove: AlertPair[] } {
  const had = new Set(pairsOf(before).map(keyOf));
  const has = new Set(pairsOf(after).map(keyOf));
  return {
    add: pairsOf(after).filter((pair) => !had.has(keyOf(pair))),
    remove: pairsOf(before).filter((pair) => !has.has(keyOf(pair))),
  };
}

/** An operator's alert as composed: one topic, one or more districts, the text in both languages. */
export interface AlertRequest {
  topic: string;
  districts: string[];
  text: Bilingual;
}

/** A problem with an operator's alert, said so the operator can fix it; undefined when it can be sent. */
export function alertProblem(alert: AlertRequest): string | undefined {
  if (!isAlertTopic(alert.topic))
    return `unknown topic "${alert.topic}"; one of ${ALERT_TOPICS.map((t) => t.id).join(', ')}`;
  if (alert.districts.length === 0) return 'no district chosen';
  if (new Set(alert.districts).size !== alert.districts.length) return 'a district is named twice';
  const unknown = alert.districts.find((district) => !isAlertDistrict(district));
  if (unknown !== undefined)
    return `unknown district "${unknown}"; one of ${ALERT_DISTRICTS.map((d) => d.id).join(', ')}`;
  for (const language of ['en', 'te'] as const) {
    const text = alert.text[language].trim();
    if (!text) return `the ${language === 'en' ? 'English' : 'Telugu'} text is empty`;
    // A template parameter may hold 1024 characters; newlines and long runs of spaces are refused by Meta.
    if (text.length > ALERT_TEXT_MAX) return `the ${language} text is over ${ALERT_TEXT_MAX} characters`;
    if (/[\n\t]| {5,}/.test(text)) return `the ${language} text may not hold new lines, tabs or runs of spaces`;
  }
  return undefined;
}

export const ALERT_TEXT_MAX = 900;
