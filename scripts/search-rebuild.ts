// Rebuilds the search index (scripts/search/rebuild-search-index.ts).
// Run: npm run db:search-rebuild   (uses DATABASE_URL like the app)
import { rebuildSearchIndex } from "@/scripts/search/rebuild-search-index";

const started = Date.now();
rebuildSearchIndex()
  .then((counts) => {
    console.log(`search index rebuilt: ${counts.sections} sections, ${counts.comments} comments, ${counts.amendments} amendments, ${counts.systems} systems in ${Date.now() - started} ms`);
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
