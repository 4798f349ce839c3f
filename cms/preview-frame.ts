/**
 * The preview pane's frame title, "Preview of <entry title>", kept up to date
 * as the editor types. Decap draws the frame (an <iframe> with no title) and
 * renders the preview template inside it; this component, drawn with every
 * template (cms/previews.ts), finds its own frame and names it, and gives the
 * frame's document the same <title>.
 */
import { createElement as h, useLayoutEffect, useRef, type ReactNode } from 'react';

export function FrameTitle({ title }: { title: string }): ReactNode {
  const marker = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const frameDocument = marker.current?.ownerDocument;
    const frame = frameDocument?.defaultView?.frameElement;
    if (frame && frame.getAttribute('title') !== title) frame.setAttribute('title', title);
    if (frameDocument && frameDocument.title !== title) frameDocument.title = title;
  }, [title]);
  return h('span', { ref: marker, hidden: true });
}
