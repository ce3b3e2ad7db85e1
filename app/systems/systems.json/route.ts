import { NextResponse } from "next/server";
import { listSystems } from "@/lib/systems/list-systems";
import { systemsOutput } from "@/lib/systems/systems-output";

export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json(systemsOutput(await listSystems()));
}
