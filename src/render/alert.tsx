// A message box at the top of a page: an error (read out at once by screen readers) or a
// confirmation (read out politely). Nothing when there is no message.

export function Alert({ error, ok }: { error?: string | null; ok?: string | null }) {
  if (error) {
    return (
      <div class="utrecht-alert utrecht-alert--error" role="alert">
        <p class="utrecht-paragraph">{error}</p>
      </div>
    );
  }
  if (ok) {
    return (
      <div class="utrecht-alert utrecht-alert--ok" role="status">
        <p class="utrecht-paragraph">{ok}</p>
      </div>
    );
  }
  return null;
}
