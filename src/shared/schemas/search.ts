import { z } from 'zod';

export const SEARCH_Q_MAX = 200;
export const SEARCH_LIMIT_MAX = 50;
export const SEARCH_TYPES = ['partner', 'contact', 'activity'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'is required').max(SEARCH_Q_MAX, `must be at most ${SEARCH_Q_MAX} characters`),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchResultSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  partnerId: z.string(),
  /** HTML: the text is escaped and the matching words are wrapped in <mark>…</mark>; safe to render. */
  highlight: z.string(),
  /** Higher is better: 4+ exact title, 3+ title starts with the query, 2+ words of the title, 1+ elsewhere or similar. */
  score: z.number(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
export const searchResponse = z.object({ items: z.array(searchResultSchema) });
