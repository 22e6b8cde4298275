import { useEffect, useRef } from 'react';
import '../capture.css';
import { useCaptureStore, restoreFocus } from '../store';
import { CaptureDialog } from './CaptureDialog';
import { CaptureDone } from './CaptureDone';
import { TemplateEditor } from './TemplateEditor';

/**
 * Everything the capture forms show over the app, whichever view is on screen: the open form, the template
 * editor above it, and the notice after a submission. The focus goes back to what opened the form when it closes.
 */
export function CaptureHost() {
  const open = useCaptureStore((s) => s.open);
  const editing = useCaptureStore((s) => s.editing);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) restoreFocus();
    wasOpen.current = open !== null;
  }, [open]);
  return (
    <>
      {open && <CaptureDialog key={`${open.form}:${open.targetId ?? ''}`} open={open} />}
      {editing && <TemplateEditor form={editing} />}
      <CaptureDone />
    </>
  );
}
