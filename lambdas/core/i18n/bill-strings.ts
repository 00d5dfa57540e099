/**
 * What citizens read about their remembered bills, reminders and donation receipts (conversation/intents/my-bills.ts,
 * lambdas/core/reminders/). Same rules as strings.ts, which includes them.
 */
export const billStrings = {
  fact80G: { en: 'Section 80G', te: 'సెక్షన్ 80జి' },
  donation80G: {
    en: 'This donation qualifies for deduction under section 80G of the Income-tax Act, 1961. Registration number {registration}.',
    te: 'ఈ విరాళం ఆదాయపు పన్ను చట్టం, 1961 సెక్షన్ 80జి కింద మినహాయింపుకు అర్హమైనది. నమోదు సంఖ్య {registration}.',
  },
  donationNot80G: {
    en: 'This donation does not qualify for deduction under section 80G of the Income-tax Act, 1961: the temple holds no 80G registration.',
    te: 'ఈ విరాళం ఆదాయపు పన్ను చట్టం, 1961 సెక్షన్ 80జి కింద మినహాయింపుకు అర్హం కాదు: ఈ దేవాలయానికి 80జి నమోదు లేదు.',
  },
} as const;
