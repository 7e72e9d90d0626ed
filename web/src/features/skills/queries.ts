/** The skills catalogue as the API serves it: the whole catalogue (indexed for lookups) and the free-text search. */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { Catalogue, Family } from "../../../../contracts/skills.ts";
import { call, client } from "../../lib/api-client.ts";
import { indexCatalogue } from "./catalogue.ts";

export const skillKeys = {
  /** The catalogue and every search: what an admin's change to a skill refreshes. */
  all: ["skills"],
  catalogue: ["skills", "catalogue"],
  search: (q: string) => ["skills", "search", q],
} as const;

/** The whole catalogue (archived skills included: old profiles may still point to them), indexed by id. */
export function catalogueQuery() {
  return queryOptions({
    queryKey: skillKeys.catalogue,
    queryFn: (): Promise<Catalogue> => call(client.GET("/api/skills")),
    select: indexCatalogue,
    staleTime: 5 * 60_000,
  });
}

export function useCatalogue() {
  return useQuery(catalogueQuery());
}

/** The least number of characters typed before the search asks the API. */
export const MIN_SEARCH_LENGTH = 2;

/**
 * Skills matching what someone typed (synonyms, accents and case ignored), without archived skills,
 * skills of another `family` and those in `exclude`. Nothing is asked below {@link MIN_SEARCH_LENGTH} characters.
 */
export function useSkillSuggestions(q: string, { family, exclude }: { family?: Family; exclude: readonly string[] }) {
  const isSearching = q.length >= MIN_SEARCH_LENGTH;
  const suggestions = useQuery({
    queryKey: skillKeys.search(q),
    queryFn: () => call(client.GET("/api/skills/search", { params: { query: { q, limit: 10 } } })),
    enabled: isSearching,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const items = (isSearching ? (suggestions.data?.items ?? []) : []).filter(
    ({ skill }) => !skill.isArchived && (!family || skill.family === family) && !exclude.includes(skill.id),
  );
  return { items, isFetching: suggestions.isFetching, isSearching };
}
