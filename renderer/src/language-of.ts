const BENGALI_SCRIPT = /[\u0980-\u09ff]/;

/** "bn" for text written (even partly) in Bengali script, so screen readers and fonts treat it as Bengali. */
export function languageOf(text: string | null | undefined): 'bn' | undefined {
  return text && BENGALI_SCRIPT.test(text) ? 'bn' : undefined;
}
