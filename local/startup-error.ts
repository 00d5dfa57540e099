/** A reason the embedded runtime cannot start that the person running it can fix; printed as one line. */
export class StartupError extends Error {}
