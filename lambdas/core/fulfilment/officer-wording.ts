import type { StringId } from '../i18n/strings.ts';
import type { OfficerAction } from './registry.ts';

/**
 * The words of an officer's action, by what the kind's officer does with an application: decide it (certificates,
 * applications), act on and resolve it (grievances), or confirm it (bookings, bills). The decision itself is the same
 * everywhere: the first button approves, the second rejects with a reason.
 */
export const OFFICER_WORDING: Readonly<
  Record<
    OfficerAction,
    {
      /** The first line of the officer's notice. */
      heading: StringId;
      /** The title of the approving button. */
      approve: StringId;
      /** What the citizen is told once it is in the officer's hands. */
      citizenWaits: StringId;
      /** What the citizen is told on submitting. */
      next: StringId;
      /** The caption of the document the citizen receives once it is approved. */
      issued: StringId;
    }
  >
> = {
  decide: {
    heading: 'officerAskDecide',
    approve: 'approveButton',
    citizenWaits: 'approvalRequested',
    next: 'nextOfficerDecides',
    issued: 'documentIssued',
  },
  resolve: {
    heading: 'officerAskResolve',
    approve: 'resolvedButton',
    citizenWaits: 'grievanceWithOfficer',
    next: 'nextOfficerResolves',
    issued: 'grievanceResolved',
  },
  confirm: {
    heading: 'officerAskConfirm',
    approve: 'confirmButton',
    citizenWaits: 'confirmationRequested',
    next: 'nextOfficerConfirms',
    issued: 'requestConfirmed',
  },
};
