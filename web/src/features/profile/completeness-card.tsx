import { Anchor, Card, Group, List, RingProgress, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Completeness } from "../../../../contracts/profiles.ts";
import { stepOfItem } from "./profile-form.ts";

/** Where a participant fills in a missing item: its step of the profile wizard, or the self-assessment. */
export function missingItemLink(item: Completeness["missing"][number]): string {
  const step = stepOfItem(item);
  return step === "selfAssessment" ? "/self-assessment" : `/profile?step=${step}`;
}

/**
 * How complete a profile is: a ring with the percentage and what is missing. With `withLinks`
 * (the participant's own profile) each missing item links to where it is filled in.
 */
export function CompletenessCard({
  completeness,
  withLinks = false,
  title,
  children,
}: {
  completeness: Completeness;
  withLinks?: boolean;
  title?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { percent, missing } = completeness;
  return (
    <Card withBorder>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <RingProgress
          size={84}
          thickness={8}
          roundCaps
          sections={[{ value: percent, color: percent === 100 ? "teal" : "indigo" }]}
          label={
            <Text ta="center" fw={700} size="sm">
              {t("completeness.ring", { percent })}
            </Text>
          }
          aria-hidden
        />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Title order={3} size="h4">
            {title ?? t("completeness.title")}
          </Title>
          <Text size="sm">{t("completeness.percent", { percent })}</Text>
          {missing.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("completeness.complete")}
            </Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t("completeness.missing")}
              </Text>
              <List size="sm" spacing={2}>
                {missing.map((item) => (
                  <List.Item key={item}>
                    {withLinks ? (
                      <Anchor component={Link} to={missingItemLink(item)} size="sm">
                        {t(`completeness.items.${item}`)}
                      </Anchor>
                    ) : (
                      t(`completeness.items.${item}`)
                    )}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {children}
        </Stack>
      </Group>
    </Card>
  );
}
