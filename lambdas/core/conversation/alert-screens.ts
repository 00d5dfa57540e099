import { ALERT_DISTRICTS, ALERT_TOPICS, type AlertChoice, districtName, topicName } from '../alerts/topics.ts';
import type { Language } from '../catalog/schema.ts';
import { t } from '../i18n/strings.ts';
import { rowId } from './actions.ts';
import { pageOf } from './paging.ts';
import { listScreen, pageRows, type Row, type Screen } from './screens.ts';

const CHECK = '✓ ';

const listed = (ids: string[], name: (id: string) => string, language: Language) =>
  ids.length > 0 ? ids.map(name).join(', ') : t('alertsNone', language);

/** The districts chosen, as the citizen reads them. */
export const districtsText = (choice: AlertChoice, language: Language) =>
  listed(choice.districts, (id) => districtName(id, language), language);

/** The citizen's alerts: each topic a row that adds or removes it, then the districts, stopping them all, the menu. */
export function alertsScreen(choice: AlertChoice, language: Language, token: number, before: string[] = []): Screen {
  const rows: Row[] = [
    ...ALERT_TOPICS.map((topic) => {
      const on = choice.topics.includes(topic.id);
      return {
        action: `alert-topic:${topic.id}`,
        title: `${on ? CHECK : ''}${topic.name[language]}`,
        description: t(on ? 'alertTopicOn' : 'alertTopicOff', language),
      };
    }),
    {
      action: 'alert-districts',
      title: t('alertDistrictsRow', language),
      description:
        choice.districts.length > 0 ? districtsText(choice, language) : t('alertDistrictsRowDescription', language),
    },
    ...(choice.topics.length > 0
      ? [
          {
            action: 'alert-stop',
            title: t('alertStopRow', language),
            description: t('alertStopRowDescription', language),
          },
        ]
      : []),
    { action: 'home', title: t('alertHomeRow', language) },
  ];
  const intro = t('alertsIntro', language, {
    topics: listed(choice.topics, (id) => topicName(id, language), language),
    districts: districtsText(choice, language),
  });
  return listScreen(
    [...before, intro].join('\n\n'),
    t('alertsButton', language),
    t('alertsSection', language),
    rows,
    token,
  );
}

/** The districts, a page at a time, those chosen ticked; a tap adds or removes one. */
export function alertDistrictsScreen(
  choice: AlertChoice,
  page: number,
  language: Language,
  token: number,
  before: string[] = [],
): Screen {
  const shown = pageOf(ALERT_DISTRICTS, page);
  const rows: Row[] = [
    ...shown.items.map((district) => {
      const on = choice.districts.includes(district.id);
      return {
        action: `alert-district:${district.id}`,
        title: `${on ? CHECK : ''}${district.label[language]}`,
        ...(on ? { description: t('alertDistrictChosen', language) } : {}),
      };
    }),
    ...pageRows(shown, language),
  ];
  const intro = t('alertDistrictsIntro', language, { districts: districtsText(choice, language) });
  return listScreen(
    [...before, intro].join('\n\n'),
    t('alertDistrictsButton', language),
    t('alertDistrictsButton', language),
    rows,
    token,
  );
}

/** The alerts' own notice, before the first subscription. */
export function alertConsentScreen(language: Language, token: number): Screen {
  const yes = t('consentAccept', language);
  const no = t('consentDecline', language);
  return {
    replies: [
      {
        type: 'buttons',
        body: `${t('alertConsentNotice', language)}\n\n1. ${yes}\n2. ${no}`,
        buttons: [
          { id: rowId('alert-consent:yes', token), title: yes },
          { id: rowId('alert-consent:no', token), title: no },
        ],
      },
    ],
    options: ['alert-consent:yes', 'alert-consent:no'],
  };
}
