/**
 * A "not before" date the portal sets on a finding (or a whole study): the date, while it is still
 * in the future; `undefined` once it has passed, or when there is none or it cannot be read (an
 * unreadable date locks nothing: the patient still chooses, as without a date).
 */
export function lockedUntil(notBefore: string | undefined, now = Date.now()): Date | undefined {
  const date = notBefore ? new Date(notBefore) : undefined;
  return date && !Number.isNaN(date.getTime()) && date.getTime() > now ? date : undefined;
}
