import { listSystems } from "@/lib/systems/list-systems";
import { matrixRecords } from "@/lib/systems/matrix-records";

export const dynamic = "force-dynamic";

// One cell of CSV: quoted when it holds a comma, quote or line break (RFC 4180).
const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function GET() {
  const matrix = await listSystems();
  const { header, records } = matrixRecords(matrix);
  const csv = [header, ...records].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
  return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="opendef-systems.csv"' } });
}
