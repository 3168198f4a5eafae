/** A visually hidden live region: what changed on screen, read out to screen-reader users. */
export function Announcer({ message }: { message: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {message}
    </div>
  );
}
