// Turning receipt HTML into PDF is Chromium's job: the app implements this with a hidden, sandboxed,
// script-less window's printToPDF; the tests with Playwright's page.pdf(). Page size comes from the
// document's CSS @page rule.
export interface PdfRenderer {
  pdf(html: string): Promise<Uint8Array>;
}
