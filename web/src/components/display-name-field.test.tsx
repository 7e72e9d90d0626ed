import { useForm } from "@mantine/form";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DISPLAY_NAME_MAX_LENGTH } from "../../../contracts/accounts.ts";
import { renderWithProviders } from "../test/render.tsx";
import { DisplayNameField } from "./display-name-field.tsx";

function NameForm() {
  const form = useForm({ initialValues: { displayName: "Léa Martin" } });
  return <DisplayNameField {...form.getInputProps("displayName")} />;
}

describe("DisplayNameField", () => {
  it("is a required name, filled in for the browser, no longer than the API accepts", async () => {
    const { user } = renderWithProviders(<NameForm />);
    const name = screen.getByRole("textbox", { name: "Nom" }) as HTMLInputElement;
    expect(name.value).toBe("Léa Martin");
    expect(name.required).toBe(true);
    expect(name.autocomplete).toBe("name");
    expect(name.maxLength).toBe(DISPLAY_NAME_MAX_LENGTH);
    await user.clear(name);
    await user.type(name, "Léa");
    expect(name.value).toBe("Léa");
  });
});
