/**
 * Electron's crash reporter: minidumps are always written to the crash dumps folder (a person can
 * send them with the logs); they are uploaded only when a crash server was configured when the
 * app was built (LEAD_TRIAGE_CRASH_URL baked into package.json's `crashReportUrl`).
 */
export interface CrashReporterLike {
  start(options: {
    submitURL: string;
    uploadToServer: boolean;
    compress: boolean;
    productName?: string;
  }): void;
}

export function startCrashReports(
  crashReporter: CrashReporterLike,
  crashReportUrl: string | undefined,
): { uploading: boolean } {
  const uploading = typeof crashReportUrl === 'string' && crashReportUrl.startsWith('https://');
  crashReporter.start({
    productName: 'Lead Triage',
    submitURL: uploading ? crashReportUrl : '',
    uploadToServer: uploading,
    compress: true,
  });
  return { uploading };
}
