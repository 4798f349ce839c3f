/** Phone numbers as links: "01702 534706" becomes "tel:+441702534706". */
export function telHref(number: string): string {
  const digits = number.replace(/[^0-9+]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  if (digits.length <= 3) return `tel:${digits}`;
  return `tel:+44${digits.replace(/^0/, '')}`;
}
