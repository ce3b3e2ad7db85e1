import { apiError } from "@/lib/api/api-route";

// Any /api path no route handles answers JSON, like the rest of the API, not the HTML 404 page.
function notFound() {
  return apiError(404, "not_found", "There is no such API endpoint. See /docs/api.md in the repository for the list.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
