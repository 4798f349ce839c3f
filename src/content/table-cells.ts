/**
 * Table cells in authored content. Markdown aligns a column with colons
 * (| :-- | :-: | --: |), which MDX writes as a style attribute; the site's
 * Content Security Policy blocks style attributes, so the alignment becomes
 * a class instead (src/components/table/Th.astro and Td.astro, styled in
 * src/styles/site.scss).
 */
export type Alignment = 'left' | 'center' | 'right';

/** The alignment MDX gives a cell, from its style (an object, or text). */
export function cellAlignment(style: unknown): Alignment | undefined {
  let value: unknown;
  if (typeof style === 'string') value = /text-align\s*:\s*([a-z]+)/i.exec(style)?.[1];
  else if (style && typeof style === 'object') value = (style as Record<string, unknown>).textAlign ?? (style as Record<string, unknown>)['text-align'];
  const align = typeof value === 'string' ? value.toLowerCase() : undefined;
  return align === 'left' || align === 'center' || align === 'right' ? align : undefined;
}

export function alignmentClass(style: unknown): string | undefined {
  const align = cellAlignment(style);
  return align ? `sg-align-${align}` : undefined;
}
