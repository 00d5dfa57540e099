/**
 * What citizens read in reminders (lambdas/core/reminders/). Same rules as strings.ts, which includes them. Each is the
 * `{{1}}` of the `mitra_reminder` template, so it is one paragraph.
 */
export const reminderStrings = {
  reminderBus: {
    en: 'your bus {service} from {from} to {to} leaves at {time} on {date}, seats {seats} (booking {applicationId}). Show the ticket Mitra sent you to the conductor.',
    te: 'మీ బస్సు {service} {from} నుండి {to}కు {date} న {time}కు బయలుదేరుతుంది, సీట్లు {seats} (బుకింగ్ {applicationId}). మిత్ర పంపిన టికెట్‌ను కండక్టర్‌కు చూపించండి.',
  },
  reminderSlot: {
    en: 'your {service} is at {time} on {date} (booking {applicationId}). Show the ticket Mitra sent you at the gate.',
    te: 'మీ {service} {date} న {time}కు ఉంది (బుకింగ్ {applicationId}). మిత్ర పంపిన టికెట్‌ను ద్వారం వద్ద చూపించండి.',
  },
  reminderBill: {
    en: 'your {service} for {number}, {amount}, is due on {date}. Send "my bills" to pay it here with one tap.',
    te: 'మీ {service} ({number}) {amount}, {date} లోగా చెల్లించాలి. ఇక్కడే ఒక్క నొక్కుతో చెల్లించడానికి "నా బిల్లులు" అని పంపండి.',
  },
} as const;
