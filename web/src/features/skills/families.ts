export const FAMILIES = ["digital", "reverse"] as const;
