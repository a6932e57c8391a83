'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The outcome of the last change, said once: a status for success, an alert for a refusal. It takes
 * focus, because the button that was pressed may be gone (Deactivate becomes Reactivate).
 */
export function useNotice(): {
  element: ReactNode;
  /** `focus: false` when something more important takes the focus (a link shown once). */
  show: (message: string, options?: { focus: boolean }) => void;
  fail: (message: string) => void;
} {
  const [notice, setNotice] = useState<{ message: string; failed: boolean; focus: boolean; at: number } | null>(null);
  const box = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice?.focus) box.current?.focus();
  }, [notice]);
  const paragraph = (failed: boolean) =>
    notice && notice.failed === failed ? (
      <p
        ref={box}
        tabIndex={-1}
        className={`mt-4 rounded-lg border p-4 ${failed ? 'border-red-700 bg-red-50 font-medium text-red-900' : 'border-green-700 bg-green-50 text-green-950'}`}
      >
        {notice.message}
      </p>
    ) : null;
  // Two live regions that are always there, so assistive technology hears each new message.
  const element = (
    <>
      <div role="status">{paragraph(false)}</div>
      <div role="alert">{paragraph(true)}</div>
    </>
  );
  return {
    element,
    show: (message, options) => setNotice({ message, failed: false, focus: options?.focus ?? true, at: Date.now() }),
    fail: (message) => setNotice({ message, failed: true, focus: true, at: Date.now() }),
  };
}
