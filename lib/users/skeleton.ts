// Confusable-name detection in the spirit of Unicode UTS #39 ("skeletons"): two
// names whose skeletons are equal read alike, so one cannot be taken while the
// other belongs to staff. The table below is our own short list of the look-alikes
// that matter for names written in Latin letters; it is not the full Unicode data
// (no package with it is available offline), so it errs on the side of catching
// the common tricks: Cyrillic and Greek letters, digits for letters, "rn" for "m",
// case, accents, and invisible characters.

// Characters that show nothing or reorder text: zero-width spaces and joiners,
// the soft hyphen, the word joiner, the byte-order mark, bidi marks, embeddings,
// overrides and isolates, Mongolian vowel separator, combining grapheme joiner.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

// One letter for each group of look-alikes (after case folding and NFKD).
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i", "ј": "j",
  "к": "k", "ӏ": "l", "м": "m", "н": "h", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s", "т": "t", "у": "y",
  "ү": "y", "х": "x", "ԝ": "w", "ѡ": "w", "г": "r", "п": "n", "ь": "b", "з": "3", "ч": "4",
  // Greek
  "α": "a", "β": "b", "ϲ": "c", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
  "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "ζ": "z", "μ": "u", "ς": "c", "σ": "o",
  // Latin look-alikes outside ASCII that NFKD leaves alone
  "ı": "i", "ȷ": "j", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŀ": "l", "ɑ": "a", "ɡ": "g", "ɩ": "i",
  "ʀ": "r", "ʏ": "y", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i",
  "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v",
  "ᴡ": "w", "ᴢ": "z", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "p",
  // Digits and ASCII that stand in for letters
  "0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "$": "s", "@": "a", "3": "e", "4": "a",
  "7": "t", "8": "b", "9": "g", "6": "b", "2": "z",
};

// Punctuation and spaces do not tell names apart ("Olu Steward", "olu_steward", "olu-steward").
const SEPARATORS = /[\s\p{P}\p{S}]+/gu;

/**
 * The skeleton of a name or handle: equal skeletons mean the two read alike.
 * Steps: remove invisible characters; NFKD (compatibility forms: full-width,
 * ligatures, mathematical letters) and drop the accents it splits off; case fold;
 * map look-alikes to one letter; drop separators; then "rn" → "m", "vv" → "w",
 * "cl" → "d" (pairs that read as one letter).
 */
export function skeleton(text: string): string {
  const folded = text.replace(INVISIBLE, "").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const mapped = [...folded].map((ch) => LOOK_ALIKES[ch] ?? ch).join("");
  return mapped.replace(SEPARATORS, "").replace(/rn/g, "m").replace(/vv/g, "w").replace(/cl/g, "d");
}

/** Whether two names or handles read alike. */
export function confusable(a: string, b: string): boolean {
  const sa = skeleton(a);
  return sa.length > 0 && sa === skeleton(b);
}
