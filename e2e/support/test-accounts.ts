// The people the test OpenID Provider knows by name. Any other username signs in
// too, named by capitalising it. Shared by the provider and the specs.
const KNOWN_NAMES: Record<string, string> = {
  alice: "Alice Liddell",
  bob: "Bob Marley",
  maintainer: "Mia Maintainer",
  moderator: "Moe Moderator",
};

export function testAccount(username: string) {
  const id = username.trim().toLowerCase();
  const name = KNOWN_NAMES[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
  return { sub: id, email: `${id}@example.test`, email_verified: true, name, preferred_username: id };
}
