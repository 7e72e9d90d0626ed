import { Card, SimpleGrid, type SimpleGridProps, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Key figures as a grid of cards: the number large, what it counts below. */
export function StatCards({
  figures,
  cols = { base: 2, sm: 4 },
}: {
  figures: { label: string; value: number; color?: string }[];
  cols?: SimpleGridProps["cols"];
}) {
  const { i18n } = useTranslation();
  return (
    <SimpleGrid cols={cols}>
      {figures.map(({ label, value, color }) => (
        <Card key={label} withBorder>
          <Text size="xl" fw={700} c={color}>
            {value.toLocaleString(i18n.language)}
          </Text>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
