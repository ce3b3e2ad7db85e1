// Import fixtures made here, not copied from anywhere: invented names and
// sentences, in the shapes of a WordPress export (WXR), an mbox archive and a
// Discourse topic's JSON. Used by the importer's tests and its bench row.

const NAMES = ["Ada Example", "Bo Sample", "Chidi Placeholder", "Dana Fictive", "Eli Madeup"];
const SENTENCES = [
  "Should the training data be published in full, or is a detailed description enough?",
  "I think the weights alone do not let anyone study the system.",
  "The filtering code matters as much as the data it filtered.",
  "A licence that forbids some uses is not open in the usual sense.",
  "Could we compare this with how reproducible builds are defined?",
];

const pad = (n: number) => String(n).padStart(2, "0");
function wpDate(d: Date) {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export type FixtureComment = { id: number; parent: number; approved?: "1" | "0" | "spam"; content?: string; author?: string };

/** A WXR file with one post holding these comments (defaults: invented author and text, approved). */
export function makeWxr(comments: FixtureComment[], { start = Date.UTC(2024, 0, 1) } = {}): string {
  const body = comments
    .map((c, i) => {
      const author = c.author ?? NAMES[i % NAMES.length];
      return `      <wp:comment>
        <wp:comment_id>${c.id}</wp:comment_id>
        <wp:comment_author><![CDATA[${author}]]></wp:comment_author>
        <wp:comment_author_email><![CDATA[${author.split(" ")[0].toLowerCase()}@blog-reader.invalid]]></wp:comment_author_email>
        <wp:comment_author_url>https://example.org/~${author.split(" ")[0].toLowerCase()}</wp:comment_author_url>
        <wp:comment_date>${wpDate(new Date(start + i * 60_000))}</wp:comment_date>
        <wp:comment_date_gmt>${wpDate(new Date(start + i * 60_000))}</wp:comment_date_gmt>
        <wp:comment_content><![CDATA[${c.content ?? `<p>${SENTENCES[i % SENTENCES.length]} <em>(comment ${c.id})</em></p>`}]]></wp:comment_content>
        <wp:comment_approved>${c.approved ?? "1"}</wp:comment_approved>
        <wp:comment_type>comment</wp:comment_type>
        <wp:comment_parent>${c.parent}</wp:comment_parent>
      </wp:comment>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
  <channel>
    <title>An invented blog</title>
    <item>
      <title>What should "open" mean for AI?</title>
      <link>https://blog.example.org/2024/01/open-ai-meaning</link>
${body}
    </item>
  </channel>
</rss>
`;
}

/** `n` comments: every third a reply to the one before it. */
export function wxrComments(n: number): FixtureComment[] {
  return Array.from({ length: n }, (_, i) => ({ id: i + 1, parent: i % 3 === 2 ? i : 0 }));
}

export type FixtureMail = { id: string; inReplyTo?: string; references?: string[]; text?: string; from?: string; encoded?: boolean; archivedAt?: string };

export function makeMbox(mails: FixtureMail[], { start = Date.UTC(2024, 1, 1) } = {}): string {
  return mails
    .map((m, i) => {
      const date = new Date(start + i * 3_600_000).toUTCString().replace("GMT", "+0000");
      const from = m.from ?? NAMES[i % NAMES.length];
      const text = m.text ?? `${SENTENCES[i % SENTENCES.length]}\n\n> an earlier line that was quoted\n\n-- \n${from}, somewhere invented`;
      const headers = [
        `From list-bounces@lists.example.org ${date}`,
        `From: ${from} <${from.split(" ")[0].toLowerCase()}@list-reader.invalid>`,
        `Date: ${date}`,
        `Subject: Re: what counts as open`,
        `Message-ID: <${m.id}>`,
        ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
        ...(m.references ? [`References: ${m.references.map((r) => `<${r}>`).join(" ")}`] : []),
        ...(m.archivedAt ? [`Archived-At: <${m.archivedAt}>`] : []),
        "MIME-Version: 1.0",
      ];
      const body = m.encoded
        ? [`Content-Type: text/plain; charset=utf-8`, `Content-Transfer-Encoding: base64`, "", Buffer.from(text, "utf8").toString("base64")]
        : [`Content-Type: text/plain; charset=utf-8`, "", text.replace(/^From /gm, ">From ")];
      return [...headers, ...body, ""].join("\n");
    })
    .join("\n");
}

export type FixturePost = { number: number; replyTo?: number; raw?: string; cooked?: string; name?: string; hidden?: boolean };

export function makeDiscourseTopic(posts: FixturePost[], { id = 4242, start = Date.UTC(2024, 2, 1) } = {}): string {
  return JSON.stringify({
    id,
    slug: "what-open-means",
    title: "What open means",
    post_stream: {
      posts: posts.map((p, i) => ({
        id: 10_000 + p.number,
        post_number: p.number,
        username: (p.name ?? NAMES[i % NAMES.length]).split(" ")[0].toLowerCase(),
        name: p.name ?? NAMES[i % NAMES.length],
        created_at: new Date(start + i * 600_000).toISOString(),
        cooked: p.cooked ?? `<p>${SENTENCES[i % SENTENCES.length]}</p>`,
        ...(p.raw !== undefined ? { raw: p.raw } : {}),
        reply_to_post_number: p.replyTo ?? null,
        post_type: 1,
        hidden: p.hidden ?? false,
      })),
    },
  });
}
