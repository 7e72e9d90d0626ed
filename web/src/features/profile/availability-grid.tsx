import { Checkbox, Input, ScrollArea, Table, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TIME_SLOTS, WEEKDAYS } from "../../../../contracts/profiles.ts";
import { capitalize } from "../../lib/languages.ts";

/** Weekdays × time slots, one checkbox each ("Monday morning"), for the slots a person is usually available in. */
export function AvailabilityGrid({ value, onChange, error }: { value: string[]; onChange: (value: string[]) => void; error?: ReactNode }) {
  const { t } = useTranslation();
  function toggle(slot: string, checked: boolean) {
    onChange(checked ? [...value, slot] : value.filter((item) => item !== slot));
  }
  return (
    <Input.Wrapper label={t("profile.practical.availability")} description={t("profile.practical.availabilityHelp")} error={error}>
      <ScrollArea type="auto" mt="xs">
        <Table withTableBorder={false} verticalSpacing={6} horizontalSpacing={6} miw={320} maw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <VisuallyHidden>{t("profile.practical.weekday")}</VisuallyHidden>
              </Table.Th>
              {TIME_SLOTS.map((slot) => (
                <Table.Th key={slot} ta="center" fz="xs">
                  {capitalize(t(`profile.slots.${slot}`))}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {WEEKDAYS.map((day) => (
              <Table.Tr key={day}>
                <Table.Th scope="row" fz="sm" fw={500}>
                  {t(`profile.weekdays.${day}`)}
                </Table.Th>
                {TIME_SLOTS.map((slot) => {
                  const id = `${day}:${slot}`;
                  return (
                    <Table.Td key={slot}>
                      <Checkbox
                        aria-label={t("profile.practical.slotLabel", {
                          day: t(`profile.weekdays.${day}`),
                          slot: t(`profile.slots.${slot}`),
                        })}
                        checked={value.includes(id)}
                        onChange={(event) => toggle(id, event.currentTarget.checked)}
                        styles={{ body: { justifyContent: "center" } }}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Input.Wrapper>
  );
}
