import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/dates/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { Providers } from "./app/providers.tsx";
import { createRoutes } from "./app/router.tsx";
import { i18nReady } from "./i18n/index.ts";

const router = createBrowserRouter(createRoutes());
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// French is bundled and ready at once; English, when it was this browser's choice, arrives first.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
