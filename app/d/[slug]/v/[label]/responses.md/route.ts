import { responseReportDownload } from "@/lib/dispositions/response-report-download";

export const dynamic = "force-dynamic";

export const GET = responseReportDownload("md");
