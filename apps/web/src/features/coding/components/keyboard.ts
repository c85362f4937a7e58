// Where a key press lands decides whether the coding screen's shortcuts apply: never while the
// coder types (memo, search), and Enter stays with buttons and links, which it activates.
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'number',
  'password',
  'url',
  'tel',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/** Elements that Enter activates by itself (a button, a link, a disclosure). */
export function isActivatedByEnter(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return Boolean(
    target.closest('button, a[href], summary, [role="button"], [role="link"], [role="menuitem"], [role="tab"], [role="option"]'),
  );
}
